namespace Payouts.BatchService.Application;

/// <summary>The Key URI Format authenticator apps scan: <c>otpauth://totp/Issuer:account?secret=…&amp;issuer=Issuer</c>.</summary>
public static class OtpAuthUri
{
    public static string For(string issuer, string accountName, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}";
}
