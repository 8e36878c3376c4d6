namespace Payouts.BankAccountService.Domain;

/// <summary>
/// The clock the service's rules (verification expiry, timestamps) read: a keyed <see cref="TimeProvider"/>, so tests
/// can move it without moving the clock that token validation and the messaging infrastructure use.
/// </summary>
public static class ServiceClock
{
    public const string Key = "bank-accounts";
}
