using Payouts.ServiceDefaults.Authentication;

namespace Payouts.AppHost;

/// <summary>
/// <c>token --user 42 --role admin [--company acme] [--hours 12] [--data-dir …]</c>: prints a JWT for local calls,
/// signed with the dev key the AppHost hands its services, so a platform started with default settings accepts it
/// (now or later: the key is made here if it does not exist yet).
/// </summary>
internal static class TokenCommand
{
    private const string Usage = "usage: token --user <id> --role <user|admin|super_admin> [--company <id>] [--hours <1-720>] [--data-dir <folder>]";

    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length || args[i][2..] is not ("user" or "role" or "company" or "hours" or "data-dir"))
                return Fail($"unexpected '{args[i]}'.");
            options[args[i][2..]] = args[i + 1];
        }
        if (!options.TryGetValue("user", out var user) || !options.TryGetValue("role", out var role))
            return Fail("--user and --role are required.");
        if (role is not (PayoutsRoles.User or PayoutsRoles.Admin or PayoutsRoles.SuperAdmin))
            return Fail($"--role must be {PayoutsRoles.User}, {PayoutsRoles.Admin} or {PayoutsRoles.SuperAdmin}, not '{role}'.");
        var hours = (int)LocalTokenIssuer.DefaultLifetime.TotalHours;
        if (options.TryGetValue("hours", out var text) && !(int.TryParse(text, out hours) && hours is >= 1 and <= 720))
            return Fail($"--hours must be a whole number from 1 to 720, not '{text}'.");

        var dataDirectory = options.GetValueOrDefault("data-dir") ?? Path.Combine(PlatformSettings.RepositoryRoot(), ".apphost");
        var issuer = new LocalTokenIssuer(new AuthSettings(DevSigningKey.LoadOrCreate(dataDirectory)));
        Console.WriteLine(issuer.Issue(new AuthTokenRequest(user, [role], options.GetValueOrDefault("company"), TimeSpan.FromHours(hours))));
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
