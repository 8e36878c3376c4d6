namespace Payouts.Console.Authentication;

/// <summary>Who may open which pages; the gateway checks the same again on every call.</summary>
public static class ConsolePolicies
{
    /// <summary>A platform admin (<c>admin</c> or <c>super_admin</c>).</summary>
    public const string Admin = "console-admin";

    /// <summary>A member of a company (the token carries <c>company_id</c>).</summary>
    public const string CompanyUser = "console-company-user";
}
