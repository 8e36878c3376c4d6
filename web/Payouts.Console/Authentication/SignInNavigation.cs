using Microsoft.AspNetCore.Components;

namespace Payouts.Console.Authentication;

public static class SignInNavigation
{
    /// <summary>A full load of the sign-in page, returning to the current page afterwards.</summary>
    public static void NavigateToSignIn(this NavigationManager navigation)
    {
        var returnUrl = "/" + navigation.ToBaseRelativePath(navigation.Uri);
        navigation.NavigateTo($"{ConsoleAuthentication.SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
    }
}
