using System.Diagnostics;
using System.Text;
using Payouts.Hosting;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// A platform project run as its own process from its built assembly (as the AppHost runs it), so a test can kill it
/// outright. Its output is kept for the failure message. Its commands (<c>migrate</c>) run the same way.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the project's built assembly (a <see cref="Projects"/> path) on a free loopback port and waits for its /health.</summary>
    public static async Task<ServiceProcess> StartAsync(string resource, IReadOnlyDictionary<string, string> environment, Uri? address = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var process = new Process { StartInfo = StartInfoFor(resource, environment, [], address) };
        var service = new ServiceProcess(process, address);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>
    /// Runs the resource's <c>migrate</c> command, as the AppHost does before starting the service (which no longer
    /// migrates by itself), and fails with its output unless it exits 0.
    /// </summary>
    public static async Task MigrateAsync(string resource, IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, output) = await RunCommandAsync(resource, environment, "migrate");
        if (exitCode != 0) throw new InvalidOperationException($"{resource} migrate exited with {exitCode}:\n{output}");
    }

    /// <summary>Runs the resource's assembly with <paramref name="arguments"/> to its exit (three minutes at most).</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string resource, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = new Process { StartInfo = StartInfoFor(resource, environment, arguments, address: null) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{resource} {string.Join(' ', arguments)} did not exit within 3 minutes:\n{Text()}");
        }

        return (process.ExitCode, Text());

        void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }

        string Text()
        {
            lock (output) return output.ToString();
        }
    }

    private static ProcessStartInfo StartInfoFor(
        string resource, IReadOnlyDictionary<string, string> environment, string[] arguments, Uri? address)
    {
        var built = BuiltProject.For(resource);
        var start = new ProcessStartInfo("dotnet", [built.AssemblyPath, .. arguments])
        {
            WorkingDirectory = built.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (address is not null) start.Environment["ASPNETCORE_URLS"] = address.GetLeftPart(UriPartial.Authority);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return start;
    }

    /// <summary>Kills the process and its children at once, as a crash would: no graceful stop, no acknowledgements.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{_process.StartInfo.Arguments} exited with {_process.ExitCode} before becoming healthy:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            if (clock.Elapsed > timeout)
            {
                await KillAsync();
                throw new TimeoutException($"Not healthy within {timeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}

/// <summary>The platform projects these tests run as processes, by folder from the repository root.</summary>
public static class ServiceFolders
{
    public const string ProviderSandbox = "services/ProviderSandbox";
    public const string Settlement = "services/SettlementService";
}
