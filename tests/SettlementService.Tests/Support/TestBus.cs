using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// The rest of the platform as settlement sees it, on the real broker: a BankAccountService stand-in answering
/// <see cref="GetSettlementDestination"/> from a directory the tests fill, and a recorder of settlement outcomes.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, SettlementDestination> _destinations = new();
    private readonly ConcurrentDictionary<long, bool> _faulty = new();
    private readonly ConcurrentQueue<object> _outcomes = new();
    private readonly ConcurrentDictionary<Guid, int> _destinationRequests = new();
    private IBusControl? _bus;

    public static async Task<TestBus> StartAsync(string messaging)
    {
        var testBus = new TestBus();
        var run = Guid.NewGuid().ToString("N")[..8];
        testBus._bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(messaging));
            cfg.ReceiveEndpoint($"settlement-tests-bank-accounts-{run}", e =>
            {
                e.AutoDelete = true;
                e.Handler<GetSettlementDestination>(context => testBus.CountRequest(context.Message) && testBus._faulty.ContainsKey(context.Message.DestinationId)
                    ? throw new InvalidOperationException("Bank accounts store unavailable (test)")
                    : context.RespondAsync(testBus._destinations.TryGetValue(context.Message.DestinationId, out var destination)
                        ? destination
                        : new SettlementDestination(context.Message.Kind, context.Message.DestinationId, false, "Destination deleted", "", "", "", null, null, "USD", "US")));
            });
            cfg.ReceiveEndpoint($"settlement-tests-outcomes-{run}", e =>
            {
                e.AutoDelete = true;
                e.Handler<PayoutSettled>(context => Record(testBus, context.Message));
                e.Handler<PayoutSettlementFailed>(context => Record(testBus, context.Message));
                e.Handler<MicroDepositsSent>(context => Record(testBus, context.Message));
                e.Handler<MicroDepositsFailed>(context => Record(testBus, context.Message));
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await testBus._bus.StartAsync(timeout.Token);
        return testBus;
    }

    public IBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    /// <summary>A bank account destination with this account number, payable.</summary>
    public long AddBankAccount(string accountNumber, bool payable = true)
    {
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        _destinations[id] = new SettlementDestination(DestinationKind.BankAccount, id, payable, payable ? null : "Account is not verified",
            "Ada Lovelace", "Test Bank", accountNumber, null, "011", "USD", "NG");
        return id;
    }

    /// <summary>A destination whose lookup always faults, so a command for it can never be processed (a poison message).</summary>
    public long AddFaultyDestination()
    {
        var id = Random.Shared.NextInt64(1, long.MaxValue);
        _faulty[id] = true;
        return id;
    }

    public async Task SendAsync(SettlePayout command)
    {
        var endpoint = await Bus.GetSendEndpoint(new Uri("queue:settle-payout"));
        await endpoint.Send(command);
    }

    public async Task SendAsync(SendMicroDeposits command)
    {
        var endpoint = await Bus.GetSendEndpoint(new Uri("queue:send-micro-deposits"));
        await endpoint.Send(command);
    }

    /// <summary>The outcomes about a payout, or the micro-deposits of a verification.</summary>
    public IReadOnlyList<object> OutcomesFor(Guid id) =>
        [.. _outcomes.Where(o => o switch
        {
            PayoutSettled settled => settled.PayoutId == id,
            PayoutSettlementFailed failed => failed.PayoutId == id,
            MicroDepositsSent sent => sent.VerificationId == id,
            MicroDepositsFailed failed => failed.VerificationId == id,
            _ => false,
        })];

    /// <summary>Waits for the first outcome of a payout, failing after <paramref name="timeout"/> with what did arrive.</summary>
    public async Task<object> WaitForOutcomeAsync(Guid payoutId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (OutcomesFor(payoutId) is [var first, ..]) return first;
            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No settlement outcome for payout {payoutId} within {timeout.TotalSeconds:0} s ({_outcomes.Count} outcomes for other payouts).");
    }

    /// <summary>How many times settlement asked for a destination's details on behalf of this payout or verification.</summary>
    public int DestinationRequestsFor(Guid requestedFor) => _destinationRequests.TryGetValue(requestedFor, out var count) ? count : 0;

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null) await _bus.StopAsync();
    }

    private bool CountRequest(GetSettlementDestination request)
    {
        _destinationRequests.AddOrUpdate(request.RequestedFor, 1, (_, count) => count + 1);
        return true;
    }

    private static Task Record(TestBus bus, object outcome)
    {
        bus._outcomes.Enqueue(outcome);
        return Task.CompletedTask;
    }
}
