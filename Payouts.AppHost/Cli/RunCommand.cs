using System.Runtime.InteropServices;
using Payouts.AppHost.Platform;
using Payouts.AppHost.Resources;

namespace Payouts.AppHost.Cli;

/// <summary>Starts the platform, prints the gateway URL once everything is healthy, and stops it all on Ctrl+C or SIGTERM.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.AllowOnly("gateway-port", "settlement-replicas", "postgres", "rabbitmq", "data-dir", "otlp-endpoint", "otlp-protocol", "ephemeral", "no-color");
        var colored = !commandLine.Has("no-color") && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var options = new PlatformOptions
        {
            GatewayPort = commandLine.GetInt("gateway-port", 0, 65535) ?? 8080,
            SettlementReplicas = commandLine.GetInt("settlement-replicas", 1, 16) ?? 2,
            PostgresConnectionString = commandLine.Get("postgres"),
            RabbitMqConnectionString = commandLine.Get("rabbitmq"),
            DataDirectory = commandLine.Get("data-dir"),
            OtlpEndpoint = commandLine.Get("otlp-endpoint") ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"),
            OtlpProtocol = commandLine.Get("otlp-protocol") ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL") ?? "http/protobuf",
            OtlpHeaders = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_HEADERS"),
            Ephemeral = commandLine.Has("ephemeral"),
            Output = Console.Out,
            ColoredOutput = colored,
        };

        using var shutdown = new CancellationTokenSource();
        // The children run in sessions of their own, so only we get the terminal's Ctrl+C and stop them in order.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestShutdown);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestShutdown);

        PayoutsPlatform platform;
        try
        {
            platform = await PayoutsPlatform.StartAsync(options, shutdown.Token);
        }
        catch (ResourceStartException e)
        {
            Console.Error.WriteLine($"[apphost] error: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            Console.WriteLine("[apphost] stopped before the platform was ready.");
            return 0;
        }

        await using (platform)
        {
            Console.WriteLine(colored
                ? $"\u001b[1;32mPayouts is ready: {platform.GatewayUrl.GetLeftPart(UriPartial.Authority)}\u001b[0m (started in {platform.StartupTime.TotalSeconds:0.0} s; logs in {platform.LogDirectory})"
                : $"Payouts is ready: {platform.GatewayUrl.GetLeftPart(UriPartial.Authority)} (started in {platform.StartupTime.TotalSeconds:0.0} s; logs in {platform.LogDirectory})");
            try { await Task.Delay(Timeout.Infinite, shutdown.Token); }
            catch (OperationCanceledException) { }
            Console.WriteLine("[apphost] stopping…");
        }
        Console.WriteLine("[apphost] stopped.");
        return 0;

        void RequestShutdown(PosixSignalContext context)
        {
            context.Cancel = true; // we exit ourselves, once everything is stopped
            shutdown.Cancel();
        }
    }
}
