namespace Payouts.SettlementService.Providers;

/// <summary>
/// Provider refusals caused by our own debit account (the provider account transfers are paid from) — unfunded in the
/// currency, or unknown — rather than by the destination. They say nothing about the account holder, so they must not
/// fail a payout or a verification.
/// </summary>
public static class DebitAccountRefusal
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal) { "insufficient_funds", "debit_account_not_found" };

    public static bool Matches(ProviderResult.Refused refused) => Codes.Contains(refused.Code);
}

/// <summary>The provider refused a transfer because of our debit account; the message is retried, then goes to its error queue.</summary>
public sealed class DebitAccountRefusedException(string code)
    : Exception($"The provider refused the transfer because of our debit account ({code}).");
