using Microsoft.Extensions.DependencyInjection;
using Payouts.BatchService.Data;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>BatchService in process with the settings the fixture gives it, its rules reading the test's clock.</summary>
public sealed class BatchServiceHost(IReadOnlyDictionary<string, string?> settings, TestClock clock) : InProcessService<BatchesDbContext>
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
}
