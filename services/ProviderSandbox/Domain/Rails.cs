namespace Payouts.ProviderSandbox.Domain;

/// <summary>The payment rails the sandbox accepts; each names its beneficiary differently.</summary>
public static class Rails
{
    /// <summary>Bank transfer: <c>beneficiaryBankCode</c> + <c>beneficiaryAccountNumber</c>.</summary>
    public const string BankTransfer = "bank_transfer";

    /// <summary>PayPal-like: <c>beneficiaryEmail</c>.</summary>
    public const string PayPal = "paypal";

    /// <summary>Stripe-like: <c>beneficiaryConnectedAccountId</c> (<c>acct_…</c>).</summary>
    public const string Stripe = "stripe";

    public static bool IsKnown(string rail) => rail is BankTransfer or PayPal or Stripe;
}
