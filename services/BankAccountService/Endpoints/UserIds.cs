using System.Globalization;

namespace Payouts.BankAccountService.Endpoints;

public static class UserIds
{
    /// <summary>User ids are numeric in the seeds; other subjects are shown as given.</summary>
    public static object AsShown(string userId) => long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : userId;
}
