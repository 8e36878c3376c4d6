using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Payouts.Console.Authentication;

namespace Payouts.Console.Drafts;

/// <summary>
/// What a signed-in user has typed into an open form, kept in the browser tab's session storage (encrypted) until the
/// form is sent or dropped. A session that ends while the form is open sends the browser to sign-in; the page it
/// returns to finds the draft and reopens the form with it. Drafts are the user's own: another user signing in to the
/// same tab never sees them.
/// </summary>
public sealed class FormDrafts(ProtectedSessionStorage storage, AuthenticationStateProvider authentication, ILogger<FormDrafts> logger)
{
    public async Task SaveAsync<T>(string form, T value)
    {
        if (await KeyAsync(form) is not { } key) return;
        await storage.SetAsync(key, value!);
    }

    public async Task<T?> ReadAsync<T>(string form)
    {
        if (await KeyAsync(form) is not { } key) return default;
        try
        {
            var stored = await storage.GetAsync<T>(key);
            return stored.Success ? stored.Value : default;
        }
        catch (CryptographicException)
        {
            // Written under another key ring (the console was redeployed): unreadable, so gone.
            logger.LogInformation("A form draft could not be read and was dropped");
            await storage.DeleteAsync(key);
            return default;
        }
    }

    public async Task<bool> HasAsync<T>(string form) => await ReadAsync<T>(form) is not null;

    public async Task ForgetAsync(string form)
    {
        if (await KeyAsync(form) is not { } key) return;
        await storage.DeleteAsync(key);
    }

    private async Task<string?> KeyAsync(string form)
    {
        var user = ConsoleUser.From((await authentication.GetAuthenticationStateAsync()).User);
        return user is null ? null : $"draft:{user.Subject}:{user.CompanyId}:{form}";
    }
}
