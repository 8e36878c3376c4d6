namespace Payouts.BankAccountService.Domain.Validation;

/// <summary>US ABA routing transit numbers: nine digits whose weighted sum (3, 7, 1 repeating) is a multiple of ten.</summary>
public static class AbaRoutingNumber
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        // All zeros passes the checksum but is no bank.
        return sum % 10 == 0 && value != "000000000";
    }
}
