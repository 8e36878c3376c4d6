using System.Diagnostics;
using System.Text;
using Payouts.Hosting;
using Payouts.Hosting.Smtp;

namespace Payouts.Testing;

/// <summary>
/// A real SMTP server for a test run: smtp4dev (the repository's local dotnet tool, <c>dotnet tool restore</c> first) on
/// 127.0.0.1 with free ports and an in-memory store; the mail it received is read through its REST API.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _api;
    private readonly string _dataDirectory;

    private SmtpSink(Process process, int smtpPort, int webPort, string dataDirectory)
    {
        _process = process;
        SmtpPort = smtpPort;
        _dataDirectory = dataDirectory;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
    }

    public int SmtpPort { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var (smtp, web, imap, pop3) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var data = Directory.CreateTempSubdirectory("payouts-smtp4dev-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuiltProject.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[.. Smtp4devArguments.For(web, smtp, imap, pop3, messagesToKeep: 5000), $"--baseappdatapath={data}"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start.");
        var sink = new SmtpSink(process, smtp, web, data);
        process.OutputDataReceived += (_, e) => sink.Record(e.Data);
        process.ErrorDataReceived += (_, e) => sink.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"smtp4dev exited ({process.ExitCode}): {sink.Output}");
            try
            {
                using var response = await sink._api.GetAsync("api/messages");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "smtp4dev's web API to answer (is the tool restored? dotnet tool restore)", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(250),
            () => Task.FromResult(sink.Output));
        return sink;
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>What the sink received, read through its REST API.</summary>
    public SmtpMailbox Mailbox => new(_api);

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}

