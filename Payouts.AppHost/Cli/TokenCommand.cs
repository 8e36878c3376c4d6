using Payouts.AppHost.Hosting;
using Payouts.AppHost.Platform;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.AppHost.Cli;

/// <summary>
/// Prints a JWT for local calls, signed with the same dev key file the platform hands its services, so it is accepted
/// by a platform started with default settings (now or later: the key is created here if it does not exist yet).
/// </summary>
public static class TokenCommand
{
    public static int Run(CommandLine commandLine)
    {
        commandLine.AllowOnly("user", "role", "company", "hours", "data-dir");
        var user = commandLine.Require("user");
        var role = commandLine.Require("role");
        if (role is not (PayoutsRoles.User or PayoutsRoles.Admin or PayoutsRoles.SuperAdmin))
            throw new UsageException($"--role must be {PayoutsRoles.User}, {PayoutsRoles.Admin} or {PayoutsRoles.SuperAdmin}, not '{role}'.");
        var hours = commandLine.GetInt("hours", 1, 24 * 30) ?? (int)LocalTokenIssuer.DefaultLifetime.TotalHours;

        var dataDirectory = commandLine.Get("data-dir") ?? Path.Combine(RepositoryRoot.Find(), ".apphost");
        var issuer = new LocalTokenIssuer(new AuthSettings(DevSigningKey.LoadOrCreate(dataDirectory)));
        Console.WriteLine(issuer.Issue(new AuthTokenRequest(user, [role], commandLine.Get("company"), TimeSpan.FromHours(hours))));
        return 0;
    }
}
