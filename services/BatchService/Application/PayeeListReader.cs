using System.Text.Json;
using Payouts.BatchService.Domain;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>
/// Reads a request's <c>payees</c> array into payees checked against <see cref="PayeeRules"/>. Any bad amount or memo refuses
/// the whole request; a well-formed but unpayable email is kept (as cancelled), yet a payee without an email string at all,
/// or a request whose every payee has an unpayable email, is seed 001's "Invalid email format in payees array" (README).
/// A payee's own <c>status</c> is ignored: the service decides it.
/// </summary>
public static class PayeeListReader
{
    public static ApiOutcome<IReadOnlyList<NewPayee>> Read(JsonElement payees)
    {
        if (payees.ValueKind != JsonValueKind.Array) return ApiError.BadRequest("payees must be an array");
        var read = new List<NewPayee>();
        var position = 0;
        foreach (var payee in payees.EnumerateArray())
        {
            position++;
            if (payee.ValueKind != JsonValueKind.Object) return ApiError.BadRequest($"Invalid payee in payees array: payee {position} must be an object");
            // Not an email at all (absent, not text, or longer than any address): nothing worth keeping as a cancelled payee.
            if (!payee.TryGetProperty("email", out var emailField) || emailField.ValueKind != JsonValueKind.String
                || emailField.GetString()!.Trim() is not { Length: > 0 and <= BatchLimits.EmailMaxLength } email)
                return BatchErrors.InvalidEmail;

            if (!payee.TryGetProperty("amount", out var amountField) || amountField.ValueKind == JsonValueKind.Null)
                return BatchErrors.InvalidPayee(position, "amount", "is required");
            // Numbers only: "100" is a string, which seed 001's numeric amounts never are.
            if (amountField.ValueKind != JsonValueKind.Number || !amountField.TryGetDecimal(out var amount))
                return BatchErrors.InvalidPayee(position, "amount", "must be a number");
            if (PayeeRules.CheckAmount(amount) is { } amountProblem) return BatchErrors.InvalidPayee(position, "amount", amountProblem);

            string? memo = null;
            if (payee.TryGetProperty("memo", out var memoField) && memoField.ValueKind != JsonValueKind.Null)
            {
                if (memoField.ValueKind != JsonValueKind.String) return BatchErrors.InvalidPayee(position, "memo", "must be a string");
                memo = memoField.GetString()!.Trim();
                if (PayeeRules.CheckMemo(memo) is { } memoProblem) return BatchErrors.InvalidPayee(position, "memo", memoProblem);
                if (memo.Length == 0) memo = null;
            }

            read.Add(new NewPayee(email, amount, memo));
        }

        if (read.Count > 0 && !read.Any(p => p.Valid)) return BatchErrors.InvalidEmail;
        return read;
    }
}
