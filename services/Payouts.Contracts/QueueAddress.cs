namespace Payouts.Contracts;

/// <summary>MassTransit's short address for a named queue, <c>queue:name</c>, which the bus resolves on its transport.</summary>
public static class QueueAddress
{
    public static Uri For(string queueName) => new($"queue:{queueName}");
}
