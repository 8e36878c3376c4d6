using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>Runs a payout transition whose rules may refuse it, reporting the refusal as its seed 000 error (400).</summary>
public static class GuardedTransition
{
    public static async Task RunAsync(Func<Task> transition)
    {
        try
        {
            await transition();
        }
        catch (PayoutRuleViolation violation)
        {
            throw new ApiErrorException(new ApiError(StatusCodes.Status400BadRequest, violation.Code, violation.Message));
        }
    }
}
