using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>Single-field checks in seed 000's wording; the first problem ends the request as <see cref="ApiErrorException"/>.</summary>
public static class FieldRules
{
    /// <summary>A positive whole-number id; null when absent, an error when present but malformed.</summary>
    public static long? PositiveLong(this RequestFields fields, string name) =>
        fields.TryPositiveLong(name, out var value)
            ? value
            : throw new ApiErrorException(ApiError.Validation(name, $"The {name.Replace('_', ' ')} must be a positive integer."));

    /// <summary>Text no longer than <paramref name="maxLength"/>; an error otherwise.</summary>
    public static string? Text(this RequestFields fields, string name, int maxLength)
    {
        var text = fields[name];
        if (text is not null && text.Length > maxLength)
            throw new ApiErrorException(ApiError.Validation(name, $"The {name.Replace('_', ' ')} must be at most {maxLength} characters."));
        return text;
    }
}
