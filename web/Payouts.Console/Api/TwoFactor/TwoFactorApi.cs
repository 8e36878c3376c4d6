namespace Payouts.Console.Api.TwoFactor;

/// <summary>The platform's second factor for a company user: enroll a TOTP secret, then confirm it with a first code.</summary>
public sealed class TwoFactorApi(GatewayClient gateway)
{
    public Task<ApiResult<TwoFactorEnrolled>> EnrollAsync(CancellationToken ct = default) =>
        gateway.PostAsync<TwoFactorEnrolled>("v1/platform/2fa/enroll", new { }, ApiJson.SnakeCase, ct: ct);

    public Task<ApiResult<TwoFactorConfirmed>> ConfirmAsync(string code, CancellationToken ct = default) =>
        gateway.PostAsync<TwoFactorConfirmed>("v1/platform/2fa/confirm", new { code }, ApiJson.SnakeCase, ct: ct);
}

/// <summary>The secret, shown this once, as text and as the URI an authenticator app scans.</summary>
public sealed record TwoFactorEnrolled(string Secret, string OtpauthUri, string Message);

public sealed record TwoFactorConfirmed(string Message);
