using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>
/// Field checks in seed 000's wording. A problem is added to <see cref="FieldErrors"/> and the field reads as null; seed 000
/// shows the first problem, the other families every one.
/// </summary>
public static class FieldRules
{
    /// <summary>A positive whole-number id; null when absent or malformed (then an error).</summary>
    public static long? PositiveLong(this RequestFields fields, string name, FieldErrors errors, string? requiredMessage = null)
    {
        if (!fields.TryPositiveLong(name, out var value))
        {
            errors.Add(name, $"The {Label(name)} must be a positive integer.");
            return null;
        }

        if (value is null && requiredMessage is not null) errors.Add(name, requiredMessage);
        return value;
    }

    /// <summary>Text no longer than <paramref name="maxLength"/>; null when absent or too long (then an error).</summary>
    public static string? Text(this RequestFields fields, string name, int maxLength, FieldErrors errors, string? requiredMessage = null)
    {
        var text = fields[name];
        if (text is not null && text.Length > maxLength)
        {
            errors.Add(name, $"The {Label(name)} must be at most {maxLength} characters.");
            return null;
        }

        if (text is null && requiredMessage is not null) errors.Add(name, requiredMessage);
        return text;
    }

    /// <summary>A field that must be present, with <paramref name="requiredMessage"/> when it is not.</summary>
    public static string? Required(this RequestFields fields, string name, FieldErrors errors, string requiredMessage)
    {
        var text = fields[name];
        if (text is null) errors.Add(name, requiredMessage);
        return text;
    }

    /// <summary>A supported currency, <see cref="Domain.Currencies.Default"/> when absent.</summary>
    public static string Currency(this RequestFields fields, FieldErrors errors)
    {
        if (Domain.Currencies.TryNormalize(fields["currency"] ?? Domain.Currencies.Default, out var currency)) return currency;
        errors.Add("currency", "The currency must be a supported ISO 4217 code.");
        return Domain.Currencies.Default;
    }

    /// <summary>The request's validation error, null when every field passed.</summary>
    public static ApiError? ToError(this FieldErrors errors) => errors.IsEmpty ? null : ApiError.Validation(errors.ToDictionary());

    private static string Label(string name) => name.Replace('_', ' ');
}
