namespace Payouts.ServiceDefaults.Authentication;

/// <summary>Authorization policy names registered by <c>AddServiceDefaults()</c>.</summary>
public static class PayoutsPolicies
{
    /// <summary>An authenticated caller with role <c>admin</c> or <c>super_admin</c>.</summary>
    public const string Admin = "payouts-admin";
}
