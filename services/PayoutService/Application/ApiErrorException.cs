using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>
/// Ends an operation with a documented error. Thrown inside a database transaction it also rolls the transaction back,
/// so a rejected request leaves nothing held and nothing published.
/// </summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
