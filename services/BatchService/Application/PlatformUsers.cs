using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>Whether an email belongs to a user of the platform (seed 001's email verification), asked of PayoutService's directory.</summary>
public sealed partial class PlatformUsers(IRequestClient<FindPlatformUser> users, ILogger<PlatformUsers> logger)
{
    public async Task<ApiOutcome<PlatformUserLookup>> FindAsync(string email, CancellationToken ct)
    {
        try
        {
            return (await users.GetResponse<PlatformUserLookup>(new FindPlatformUser(email), ct)).Message;
        }
        catch (Exception e) when (BusRequests.IsUnanswered(e, ct))
        {
            LogUnanswered(logger, e.GetType().Name);
            return BatchErrors.PlatformUsersUnavailable;
        }
    }

    // The email is not logged: it is the payee's personal data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A platform user lookup was not answered ({Reason})")]
    private static partial void LogUnanswered(ILogger logger, string reason);
}
