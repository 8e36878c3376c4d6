using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>
/// What <see cref="PayoutDestinations"/> found: the view (null when neither the read model nor BankAccountService knows
/// it), or <see cref="Unavailable"/> when BankAccountService had to be asked and did not answer in time.
/// </summary>
public sealed record DestinationLookup<T>(T? Found, ApiError? Unavailable)
    where T : class;
