namespace Payouts.Messaging.Tests.Support;

// Test-only contracts. Every message carries the RunId of the test that produced it, because message-type
// exchanges are shared by all tests on the broker; each test only looks at its own run.

public record ValueRecorded(Guid RunId, int Sequence);

public record ApplyCredit(Guid RunId, Guid AccountId, decimal Amount, bool FailFirstAttempt = false);

public record CreditApplied(Guid RunId, Guid AccountId, decimal Amount);

public record CounterStarted(Guid CounterId, string Name);

public record CounterIncremented(Guid CounterId);

public record CounterBumpedByName(string Name);

public record SlowWork(Guid RunId, int Sequence);

public record PoisonPill(Guid RunId);
