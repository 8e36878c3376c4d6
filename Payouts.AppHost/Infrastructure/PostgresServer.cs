using System.Security.Cryptography;
using Npgsql;
using Payouts.AppHost.Hosting;

namespace Payouts.AppHost.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of our own: initdb on first use, the postmaster as a child process, a superuser password kept
/// beside the data, and one database per service created on demand.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Username = "postgres";

    private readonly PostgresServerOptions _options;
    private readonly Action<string, bool> _output;
    private ChildProcess? _process;

    public PostgresServer(PostgresServerOptions options, Action<string, bool> output)
    {
        _options = options;
        _output = output;
        Password = "";
    }

    public int Port => _options.Port;

    public string Password { get; private set; }

    public string DataDirectory => Path.Combine(_options.BaseDirectory, "data");

    public ChildProcess? Process => _process;

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Username,
            Password = Password,
            Database = database,
        }.ConnectionString;

    /// <summary>Initialises the cluster if needed and starts the postmaster; returns once it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PrepareDirectories();
        Password = ReadOrCreatePassword();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await InitDbAsync(cancellationToken).ConfigureAwait(false);
        await StopLeftoverPostmasterAsync().ConfigureAwait(false);

        string[] settings = _options.Ephemeral
            ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
            : [];
        _process = ChildProcess.Start(
            new ChildProcessSpec(
                Executable("postgres"),
                ["-D", DataDirectory, "-p", Port.ToString(), "-h", "127.0.0.1", "-k", _options.BaseDirectory,
                 "-c", "max_connections=300", .. settings],
                _options.BaseDirectory,
                new Dictionary<string, string?>(),
                _options.OsUser,
                // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions and stop promptly.
                PosixSignals.SigInt,
                // Its own session: a Ctrl+C meant for the orchestrator must not stop the server behind its back.
                OwnSession: true),
            _output);

        await WaitUntilAcceptingAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Creates each database that does not exist yet.</summary>
    public Task EnsureDatabasesAsync(IEnumerable<string> names, CancellationToken cancellationToken) =>
        PostgresDatabases.EnsureAsync(ConnectionString("postgres") + ";Pooling=false", names, cancellationToken);

    public async Task StopAsync()
    {
        if (_process is null) return;
        await _process.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        _process = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void PrepareDirectories()
    {
        Directory.CreateDirectory(_options.BaseDirectory);
        if (PosixSignals.IsRoot) Chown(_options.BaseDirectory);
    }

    private string ReadOrCreatePassword()
    {
        var file = Path.Combine(_options.BaseDirectory, "superuser-password");
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(file, password);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (PosixSignals.IsRoot) Chown(file);
        return password;
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(_options.BaseDirectory, "superuser-password");
        var initDb = ChildProcess.Start(
            new ChildProcessSpec(
                Executable("initdb"),
                ["-D", DataDirectory, "-U", Username, "--pwfile", passwordFile, "--auth-host=scram-sha-256",
                 "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                _options.BaseDirectory,
                new Dictionary<string, string?>(),
                _options.OsUser,
                OwnSession: true),
            _output);
        var exitCode = await initDb.Exited.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
            throw new InvalidOperationException($"initdb failed with exit code {exitCode} for {DataDirectory} (see its output above).");
    }

    /// <summary>A postmaster left running by an orchestrator that was killed outright holds the data folder's lock: stop it.</summary>
    private async Task StopLeftoverPostmasterAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return;
        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, out var pid) || !PosixSignals.IsAlive(pid)) return;
        var command = File.Exists($"/proc/{pid}/comm") ? File.ReadAllText($"/proc/{pid}/comm").Trim() : "";
        if (command != "postgres") return;

        _output($"stopping a postgres (pid {pid}) left running on {DataDirectory} by an earlier run", false);
        PosixSignals.Send(pid, PosixSignals.SigInt);
        for (var i = 0; i < 100 && PosixSignals.IsAlive(pid); i++)
            await Task.Delay(100).ConfigureAwait(false);
        if (PosixSignals.IsAlive(pid)) PosixSignals.Send(pid, PosixSignals.SigKill);
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException(
                    $"postgres exited with code {await _process.Exited.ConfigureAwait(false)} while starting on port {Port} (see its output above: port taken? data folder locked?).");
            if (await IsHealthyAsync(cancellationToken).ConfigureAwait(false)) return;
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
        throw new TimeoutException($"postgres did not accept connections on port {Port} within 60 s.");
    }

    private void Chown(string path)
    {
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{_options.OsUser}:", path]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"could not give {path} to the '{_options.OsUser}' user (chown exit code {chown.ExitCode}).");
    }

    /// <summary>The PostgreSQL binary by name, from PATH or Debian's versioned folder.</summary>
    private static string Executable(string name)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(dir => Path.Combine(dir, "bin", name))
                : []);
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"the PostgreSQL program '{name}' was not found on PATH or under /usr/lib/postgresql: install PostgreSQL or pass an existing server's connection string.");
    }
}
