using Payouts.Console.Api.Admin;
using Payouts.Console.Api.Batches;
using Payouts.Console.Api.Billing;
using Payouts.Console.Api.TwoFactor;
using Microsoft.Extensions.Http.Resilience;

namespace Payouts.Console.Api;

public static class ConsoleApiExtensions
{
    /// <summary>
    /// The gateway client (<c>Console:GatewayUrl</c>, service discovery's <c>gateway</c> by default). Its resilience
    /// pipeline never retries a POST: an action whose answer was lost is for the user to see and repeat, with the
    /// same idempotency key.
    /// </summary>
    public static IServiceCollection AddConsoleApi(this IServiceCollection services, IConfiguration configuration)
    {
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the client defaults.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<GatewayClient>(http => http.BaseAddress = new Uri(configuration["Console:GatewayUrl"] ?? "https+http://gateway"))
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
#pragma warning restore EXTEXP0001
        services.AddScoped<BatchesApi>();
        services.AddScoped<TwoFactorApi>();
        services.AddScoped<AdminPayoutsApi>();
        services.AddScoped<SettlementApi>();
        services.AddScoped<ManualPaymentsApi>();
        services.AddScoped<FxRatesApi>();
        services.AddScoped<BillingApi>();
        return services;
    }
}
