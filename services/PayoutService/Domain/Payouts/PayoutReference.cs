using System.Globalization;

namespace Payouts.PayoutService.Domain.Payouts;

/// <summary>Payout references: <c>PAY-&lt;year&gt;-&lt;sequence&gt;</c>, the sequence at least three digits (seed 000's PAY-2024-001).</summary>
public static class PayoutReference
{
    public static string Format(int year, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"PAY-{year}-{sequence:D3}");
}
