using System.Text.Json;

namespace Payouts.AppHost.Platform;

/// <summary>
/// Ports of our own PostgreSQL and RabbitMQ, kept in the data folder and reused while free: RabbitMQ's node name
/// (and so its stored queues) follows its port, and a stable PostgreSQL port lets a developer keep a SQL client open.
/// </summary>
public sealed record InfrastructurePorts(int Postgres, int RabbitMq, int RabbitMqDistribution, int Epmd)
{
    private const string FileName = "ports.json";

    public static InfrastructurePorts LoadOrAllocate(string dataDirectory, PortAllocator ports)
    {
        var file = Path.Combine(dataDirectory, FileName);
        InfrastructurePorts? saved = null;
        if (File.Exists(file))
        {
            try { saved = JsonSerializer.Deserialize<InfrastructurePorts>(File.ReadAllText(file)); }
            catch (JsonException) { saved = null; }
        }

        var result = new InfrastructurePorts(
            ports.Reuse(saved?.Postgres), ports.Reuse(saved?.RabbitMq), ports.Reuse(saved?.RabbitMqDistribution), ports.Reuse(saved?.Epmd));
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(file, JsonSerializer.Serialize(result));
        return result;
    }
}
