namespace Payouts.ProviderSandbox.Domain;

/// <summary>
/// Destinations with a fixed, documented outcome (README "Test destinations"), one set per rail, so tests and demos can
/// provoke every path a real provider can take. Any other destination succeeds.
/// </summary>
public static class TestDestinations
{
    public const string ClosedAccountNumber = "4000000001";
    public const string FailsAfterDelayAccountNumber = "4000000002";
    public const string TimesOutAccountNumber = "4000000003";
    public const string SecondTryAccountNumber = "4000000004";

    public const string ClosedEmail = "closed@sandbox.test";
    public const string FailsAfterDelayEmail = "fails-later@sandbox.test";
    public const string TimesOutEmail = "times-out@sandbox.test";
    public const string SecondTryEmail = "second-try@sandbox.test";

    public const string ClosedConnectedAccount = "acct_closed";
    public const string FailsAfterDelayConnectedAccount = "acct_fails_later";
    public const string TimesOutConnectedAccount = "acct_times_out";
    public const string SecondTryConnectedAccount = "acct_second_try";

    /// <summary>The behaviour for a destination, given as <see cref="Transfer.Destination"/> (normalised) on a rail.</summary>
    public static DestinationBehavior BehaviorFor(string rail, string destination) => (rail, destination) switch
    {
        (Rails.BankTransfer, ClosedAccountNumber) or (Rails.PayPal, ClosedEmail) or (Rails.Stripe, ClosedConnectedAccount)
            => DestinationBehavior.Closed,
        (Rails.BankTransfer, FailsAfterDelayAccountNumber) or (Rails.PayPal, FailsAfterDelayEmail) or (Rails.Stripe, FailsAfterDelayConnectedAccount)
            => DestinationBehavior.FailsAfterDelay,
        (Rails.BankTransfer, TimesOutAccountNumber) or (Rails.PayPal, TimesOutEmail) or (Rails.Stripe, TimesOutConnectedAccount)
            => DestinationBehavior.TimesOut,
        (Rails.BankTransfer, SecondTryAccountNumber) or (Rails.PayPal, SecondTryEmail) or (Rails.Stripe, SecondTryConnectedAccount)
            => DestinationBehavior.SucceedsOnSecondTry,
        _ => DestinationBehavior.Succeeds,
    };
}
