namespace Payouts.AppHost.Platform;

/// <summary>How to start the platform, from the command line or from a test.</summary>
public sealed class PlatformOptions
{
    /// <summary>Where the AppHost keeps its state (PostgreSQL and RabbitMQ data, logs, dev signing key); default <c>&lt;repository&gt;/.apphost</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Trade durability for speed (PostgreSQL without fsync): for test runs whose data is thrown away.</summary>
    public bool Ephemeral { get; set; }

    /// <summary>The gateway's port on 127.0.0.1; 0 picks a free one (tests).</summary>
    public int GatewayPort { get; set; } = 8080;

    public int SettlementReplicas { get; set; } = 2;

    /// <summary>Use this PostgreSQL (an Npgsql connection string of a role that may CREATE DATABASE) instead of starting one.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Use this RabbitMQ (amqp://user:pass@host:port/vhost) instead of starting one.</summary>
    public string? RabbitMqConnectionString { get; set; }

    /// <summary>Send telemetry here (OTEL_EXPORTER_OTLP_ENDPOINT); none when unset.</summary>
    public string? OtlpEndpoint { get; set; }

    public string OtlpProtocol { get; set; } = "http/protobuf";

    /// <summary>OTEL_EXPORTER_OTLP_HEADERS, e.g. <c>x-otlp-api-key=…</c>.</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>Start only these resources (and what they wait for); all when empty.</summary>
    public ISet<string> Resources { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Environment variables per resource name, applied last (they win over the AppHost's own).</summary>
    public Dictionary<string, Dictionary<string, string?>> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    /// <summary>Echo every resource's output here with a <c>[resource]</c> prefix; logs always go to files under the data folder.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Colour each resource's prefix (for a terminal).</summary>
    public bool ColoredOutput { get; set; }

    /// <summary>How long a project may take to become healthy.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times a project may exit before ever being healthy before the start is given up.</summary>
    public int MaxStartAttempts { get; set; } = 3;
}
