namespace Payouts.Data;

/// <summary>PostgreSQL keeps timestamps to the microsecond: values cut to that, so an event carries what the row holds.</summary>
public static class StoredTime
{
    public static DateTimeOffset Of(DateTimeOffset value) =>
        value.AddTicks(-(value.UtcTicks % TimeSpan.TicksPerMicrosecond)).ToUniversalTime();
}
