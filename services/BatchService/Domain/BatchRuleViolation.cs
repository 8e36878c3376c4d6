namespace Payouts.BatchService.Domain;

/// <summary>A batch rule a request broke: bad input for the batch as it is (400), or an action its status does not allow (409).</summary>
public sealed record BatchRuleViolation(bool IsStatusConflict, string Message)
{
    public static BatchRuleViolation Invalid(string message) => new(false, message);

    public static BatchRuleViolation WrongStatus(string message) => new(true, message);
}
