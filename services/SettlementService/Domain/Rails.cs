using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Domain;

/// <summary>The provider rail a transfer goes over (the provider's <c>rail</c> field), one per kind of destination.</summary>
public static class Rails
{
    public const string BankTransfer = "bank_transfer";
    public const string PayPal = "paypal";
    public const string Stripe = "stripe";

    public static string For(DestinationKind kind) => kind switch
    {
        DestinationKind.PayPal => PayPal,
        DestinationKind.Stripe => Stripe,
        _ => BankTransfer,
    };

    /// <summary>PayPal and Stripe destinations are the handle on the command; bank ones are fetched from BankAccountService.</summary>
    public static bool IsHandle(DestinationKind kind) => kind is DestinationKind.PayPal or DestinationKind.Stripe;
}
