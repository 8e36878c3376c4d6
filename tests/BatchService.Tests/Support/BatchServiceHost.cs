using Payouts.BatchService.Data;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>BatchService in process with the settings the fixture gives it.</summary>
public sealed class BatchServiceHost(IReadOnlyDictionary<string, string?> settings) : InProcessService<BatchesDbContext>
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;
}
