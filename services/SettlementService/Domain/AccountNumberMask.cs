namespace Payouts.SettlementService.Domain;

/// <summary>The only form of an account number settlement keeps, logs or shows: <c>****1234</c>.</summary>
public static class AccountNumberMask
{
    public static string Mask(string accountNumber) =>
        accountNumber.Length <= 4 ? new string('*', 4) : $"****{accountNumber[^4..]}";
}
