namespace Payouts.BatchService.Domain;

/// <summary>A payee as a request gave it, already checked field by field; <see cref="Valid"/> is false for an unpayable email.</summary>
public sealed record NewPayee(string Email, decimal Amount, string? Memo)
{
    public bool Valid => EmailAddress.IsValid(Email);
}
