using System.Net;
using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Payouts.Console.Api;
using Payouts.Console.Api.Admin;
using Payouts.Console.Authentication;
using Payouts.Console.Drafts;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Console.Tests.Admin;

/// <summary>A request the console sent: what the gateway would have seen.</summary>
public sealed record SentRequest(HttpMethod Method, string PathAndQuery, string? Body, string? IdempotencyKey);

/// <summary>
/// The gateway, faked at the HTTP boundary: the real GatewayClient and API classes send through it, so a test sees the
/// exact path, query, body and idempotency key, and answers with whatever status and JSON it wants.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    private readonly List<SentRequest> _sent = [];

    public Func<SentRequest, (HttpStatusCode Status, string Json)> Answer { get; set; } = _ => (HttpStatusCode.NotFound, "{}");

    public IReadOnlyList<SentRequest> Sent
    {
        get
        {
            lock (_sent) return [.. _sent];
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = new SentRequest(request.Method, request.RequestUri!.PathAndQuery,
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken),
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null);
        lock (_sent) _sent.Add(sent);
        var (status, json) = Answer(sent);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }

    /// <summary>A bUnit context with MudBlazor, a signed-in admin session and the admin API sending through <paramref name="gateway"/>.</summary>
    public static BunitContext Context(FakeGateway gateway)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedInAdmin());
        context.Services.AddScoped(services => new GatewayClient(new HttpClient(gateway) { BaseAddress = new Uri("http://gateway/") },
            services.GetRequiredService<AuthenticationStateProvider>(), services.GetRequiredService<NavigationManager>(), NullLogger<GatewayClient>.Instance));
        context.Services.AddScoped<AdminPayoutsApi>();
        context.Services.AddDataProtection();
        context.Services.AddScoped<ProtectedSessionStorage>();
        context.Services.AddScoped<FormDrafts>();
        return context;
    }

    /// <summary>One pending payout as the admin API writes it (camelCase).</summary>
    public static string PayoutJson(Guid id, string reference, string status = "pending") => $$"""
        {"id":"{{id}}","numericId":7,"reference":"{{reference}}","userId":"{{Guid.Empty}}","user":{"id":"{{Guid.Empty}}","email":"ada@example.com","firstName":"Ada","lastName":"Payee","phone":null,"balance":900},
         "amount":100,"currency":"USD","amountInNgn":null,"processingFee":1,"netAmount":99,"settlementCurrency":"USD","settlementAmount":99,"exchangeRate":null,
         "methodFee":1,"fundedFrom":"earnings","companyId":null,"method":"bank_transfer","bankAccount":{"accountNumber":"****5631","accountName":"Ada Payee","bankName":"Wells Fargo","bankCode":"****0021"},
         "status":"{{status}}","requestedAt":"2026-11-30T10:00:00Z","processedAt":null,"completedAt":null,"processedBy":null,"transactionReference":null,
         "rejectionReason":null,"failureReason":null,"notes":null}
        """;

    private sealed class SignedInAdmin : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(PayoutsClaimTypes.Subject, "1"),
                    new Claim(PayoutsClaimTypes.Role, PayoutsRoles.Admin),
                    new Claim(ConsoleUser.AccessTokenClaim, "test-token"),
                    new Claim(ConsoleUser.ExpiresAtClaim, DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ], "test"))));
    }
}
