namespace Payouts.BatchService.Domain;

/// <summary>
/// How repeated wrong codes lock a user out (<c>Batches:TwoFactor</c>): <see cref="MaxFailures"/> wrong codes within
/// <see cref="FailureWindow"/> lock approval for <see cref="Lockout"/>, so six digits cannot be guessed.
/// </summary>
public sealed class TwoFactorPolicy
{
    public const string SectionName = "Batches:TwoFactor";

    public int MaxFailures { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The issuer authenticator apps show beside the account.</summary>
    public string Issuer { get; set; } = "Payouts";
}
