namespace Payouts.ServiceDefaults.Authentication;

/// <summary>Values of the <c>role</c> claim.</summary>
public static class PayoutsRoles
{
    public const string User = "user";
    public const string Admin = "admin";
    public const string SuperAdmin = "super_admin";

    /// <summary>Roles allowed on admin paths.</summary>
    public static readonly IReadOnlyList<string> Administrators = [Admin, SuperAdmin];
}
