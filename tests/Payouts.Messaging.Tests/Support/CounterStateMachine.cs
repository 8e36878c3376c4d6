using MassTransit;

namespace Payouts.Messaging.Tests.Support;

public sealed class CounterState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public string Name { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>A saga whose every event changes one counter: lost updates show up as a wrong count.</summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(s => s.CurrentState);

        Event(() => Started, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => Incremented, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => BumpedByName, e => e.CorrelateBy((saga, m) => saga.Name == m.Message.Name));

        Initially(
            When(Started)
                .Then(c => c.Saga.Name = c.Message.Name)
                .TransitionTo(Active));

        During(Active,
            When(Incremented).Then(c => c.Saga.Count++),
            When(BumpedByName).Then(c => c.Saga.Count++));
    }

    public State Active { get; private set; } = null!;
    public Event<CounterStarted> Started { get; private set; } = null!;
    public Event<CounterIncremented> Incremented { get; private set; } = null!;
    public Event<CounterBumpedByName> BumpedByName { get; private set; } = null!;
}
