using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.NotificationService.Application;

public static class NotificationErrors
{
    /// <summary>Another user's notification, or no notification at all: the caller cannot tell which.</summary>
    public static readonly ApiError NotFound = ApiError.NotFound("Notification not found");
}
