namespace Payouts.BatchService.Domain;

/// <summary>Seed 001's <c>payment_reference</c>: required, at most 50 characters, unique per company (the database's unique index).</summary>
public static class PaymentReference
{
    /// <summary>Null when the (trimmed) reference passes, else the error text.</summary>
    public static string? Check(string reference) =>
        reference.Length > BatchLimits.ReferenceMaxLength ? $"payment_reference must be at most {BatchLimits.ReferenceMaxLength} characters" : null;
}
