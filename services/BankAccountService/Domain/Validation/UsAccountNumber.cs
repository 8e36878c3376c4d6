namespace Payouts.BankAccountService.Domain.Validation;

/// <summary>US bank account numbers: 4 to 17 digits (no checksum is standardised across US banks).</summary>
public static class UsAccountNumber
{
    public const int MinLength = 4;
    public const int MaxLength = 17;

    public static bool IsValid(string? value) =>
        value is not null && value.Length is >= MinLength and <= MaxLength && value.All(char.IsAsciiDigit);
}
