using System.Security.Cryptography;
using Payouts.AppHost.Hosting;
using RabbitMQ.Client;

namespace Payouts.AppHost.Infrastructure;

/// <summary>
/// A RabbitMQ node of our own: its own node name, ports, data folder and epmd, with a generated user, no plugins
/// (faster start), stopped together with every Erlang process it started.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string Username = "payouts";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string EpmdProgram = "epmd";

    private readonly RabbitMqServerOptions _options;
    private readonly Action<string, bool> _output;
    private ChildProcess? _epmd;
    private ChildProcess? _server;

    public RabbitMqServer(RabbitMqServerOptions options, Action<string, bool> output)
    {
        _options = options;
        _output = output;
        Password = "";
    }

    public int Port => _options.Port;

    public string Password { get; private set; }

    public ChildProcess? Process => _server;

    /// <summary>The node's own epmd (Erlang port mapper), started beside it.</summary>
    public ChildProcess? EpmdProcess => _epmd;

    public string NodeName => $"payouts-{_options.Port}@localhost";

    /// <summary>An amqp:// URI that MassTransit's cfg.Host(new Uri(...)) and RabbitMQ.Client both accept.</summary>
    public string ConnectionString => $"amqp://{Username}:{Password}@127.0.0.1:{Port}/";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerScript))
            throw new FileNotFoundException($"{ServerScript} was not found: install RabbitMQ (apt-get install -y rabbitmq-server) or pass an existing broker's connection string.");

        Directory.CreateDirectory(_options.BaseDirectory);
        var home = Directory.CreateDirectory(Path.Combine(_options.BaseDirectory, "home")).FullName;
        Password = ReadOrCreatePassword();
        WriteConfiguration();

        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["ERL_EPMD_PORT"] = _options.EpmdPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = _options.Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _options.DistributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_options.BaseDirectory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_options.BaseDirectory, "log"),
            ["RABBITMQ_LOGS"] = "-", // log to stdout, which the orchestrator captures per resource
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_options.BaseDirectory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_options.BaseDirectory, "rabbitmq"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(_options.BaseDirectory, "rabbitmq.pid"),
            // No busy-waiting schedulers: on a 2-core machine shared with a dozen processes they only burn CPU.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none",
        };

        _epmd = ChildProcess.Start(
            new ChildProcessSpec(EpmdProgram, ["-port", _options.EpmdPort.ToString(), "-address", "127.0.0.1"], _options.BaseDirectory, environment, OwnSession: true),
            (line, isError) => _output($"epmd: {line}", isError));
        // Own sessions: a Ctrl+C meant for the orchestrator must not stop the node behind its back.
        _server = ChildProcess.Start(new ChildProcessSpec(ServerScript, [], _options.BaseDirectory, environment, OwnSession: true), _output);

        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        (await AmqpProbe.TryConnectAsync(ConnectionString, cancellationToken).ConfigureAwait(false)).Reachable;

    public async Task StopAsync()
    {
        if (_server is not null) await _server.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        if (_epmd is not null) await _epmd.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _server = null;
        _epmd = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private string ReadOrCreatePassword()
    {
        var file = Path.Combine(_options.BaseDirectory, "password");
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(file, password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }

    private void WriteConfiguration()
    {
        File.WriteAllText(Path.Combine(_options.BaseDirectory, "enabled_plugins"), "[].\n");
        // default_user/default_pass only take effect when the node's database is created, which is also when the
        // password file above is created, so the two stay in step across runs.
        File.WriteAllText(Path.Combine(_options.BaseDirectory, "rabbitmq.conf"),
            $"""
            default_user = {Username}
            default_pass = {Password}
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
            {
                var code = await _server.Exited.ConfigureAwait(false);
                await StopAsync().ConfigureAwait(false);
                throw new InvalidOperationException(
                    $"rabbitmq-server exited with code {code} while starting on port {Port} (see its output above: port taken? node name in use?).");
            }
            if (await IsHealthyAsync(cancellationToken).ConfigureAwait(false)) return;
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
        await StopAsync().ConfigureAwait(false);
        throw new TimeoutException($"RabbitMQ did not accept AMQP connections on port {Port} within 90 s.");
    }
}
