namespace Payouts.BankAccountService.Domain;

/// <summary>Values of a beneficiary's <c>recipient_type</c>.</summary>
public static class RecipientType
{
    public const string Individual = "individual";
    public const string Business = "business";

    public static bool IsValid(string? value) => value is Individual or Business;
}
