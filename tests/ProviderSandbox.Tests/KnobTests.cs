using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Payouts.ProviderSandbox.Tests.Support;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests;

/// <summary>The fault-injection knobs, changed through the admin endpoint.</summary>
[Collection(Infrastructure.Collection)]
public sealed class KnobTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        using var _ = await client.Http.DeleteAsync("/sandbox/admin/knobs");
    }

    [Fact]
    public async Task A_failure_rate_of_one_refuses_every_transfer_with_503_and_records_nothing()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        using (var set = await client.Http.PutAsJsonAsync("/sandbox/admin/knobs", new { failureRate = 1.0 }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var reference = SandboxClient.Reference();
        using (var refused = await client.PostTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 1m)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("provider_unavailable", (await SandboxClient.ReadAsync(refused)).GetProperty("code").GetString());
        }

        Assert.Null(await client.FindByReferenceAsync(reference));

        using (var reset = await client.Http.DeleteAsync("/sandbox/admin/knobs"))
        {
            Assert.Equal(0, (await SandboxClient.ReadAsync(reset)).GetProperty("data").GetProperty("failureRate").GetDouble());
        }

        Assert.Equal("completed", (await client.CreateTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 1m))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Latency_holds_every_transfer_request_at_least_that_long()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        using (var set = await client.Http.PutAsJsonAsync("/sandbox/admin/knobs", new { latency = "00:00:00.400" }))
        {
            Assert.Equal("00:00:00.4000000", (await SandboxClient.ReadAsync(set)).GetProperty("data").GetProperty("latency").GetString());
        }

        var clock = Stopwatch.StartNew();
        await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), "1234567890", 1m));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), $"Answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_out_of_range_failure_rate_is_refused()
    {
        using var client = sandbox.Factory.CreateSandboxClient();

        using var response = await client.Http.PutAsJsonAsync("/sandbox/admin/knobs", new { failureRate = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
