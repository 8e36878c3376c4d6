namespace Payouts.BankAccountService.Domain.Validation;

/// <summary>
/// Nigerian NUBAN (CBN standard): a ten-digit account number whose last digit checks the three-digit bank code and
/// the nine-digit serial with weights 3, 7, 3 repeating.
/// </summary>
public static class Nuban
{
    public static bool IsValidBankCode(string? bankCode) =>
        bankCode is not null && bankCode.Length == 3 && bankCode.All(char.IsAsciiDigit);

    public static bool IsValidAccountNumber(string? accountNumber) =>
        accountNumber is not null && accountNumber.Length == 10 && accountNumber.All(char.IsAsciiDigit);

    public static bool IsValid(string? bankCode, string? accountNumber)
    {
        if (!IsValidBankCode(bankCode) || !IsValidAccountNumber(accountNumber))
        {
            return false;
        }

        return CheckDigit(bankCode!, accountNumber![..9]) == accountNumber[9] - '0';
    }

    public static int CheckDigit(string bankCode, string serial)
    {
        var digits = bankCode + serial;
        if (digits.Length != 12 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A NUBAN check digit needs a 3-digit bank code and a 9-digit serial.");
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (i % 3 == 1 ? 7 : 3);
        }

        return (10 - sum % 10) % 10;
    }
}
