namespace Payouts.PayoutService.Domain.Payouts;

/// <summary>The last sequence number handed out in a year; payout references are <c>PAY-&lt;year&gt;-&lt;sequence&gt;</c>.</summary>
public sealed class PayoutReferenceCounter
{
    public int Year { get; set; }
    public long LastValue { get; set; }

    public static string Format(int year, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PAY-{year}-{sequence:D3}");
}
