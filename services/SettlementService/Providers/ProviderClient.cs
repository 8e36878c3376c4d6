using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Payouts.SettlementService.Providers;

/// <summary>
/// The provider's transfer API (seed 004's "Sudo"): create a transfer, find one by payment reference, get one by id.
/// Timeouts and retries live in the client's resilience pipeline (Program.cs); every retry resends the same body, so
/// the same payment reference, and the provider's idempotency makes it the same transfer.
/// </summary>
public sealed partial class ProviderClient(HttpClient http, IOptions<ProviderOptions> options, ILogger<ProviderClient> logger)
{
    /// <summary>Name of the activity source and meter of provider calls.</summary>
    public const string TelemetryName = "Payouts.Settlement.Provider";

    private static readonly ActivitySource ActivitySource = new(TelemetryName);
    private static readonly Meter Meter = new(TelemetryName);
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("settlement.provider.duration", "ms", "Provider call latency");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("settlement.provider.transfers", description: "Provider transfer calls by outcome");

    // The provider takes only the rail's own beneficiary fields.
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <param name="maskedBeneficiary">What the trace may show of the beneficiary (the request holds the full one).</param>
    public async Task<ProviderResult> CreateTransferAsync(ProviderTransferRequest request, string maskedBeneficiary, CancellationToken cancellationToken)
    {
        using var activity = StartActivity("provider.create_transfer", request.PaymentReference);
        activity?.SetTag("provider.rail", request.Rail);
        activity?.SetTag("provider.beneficiary", maskedBeneficiary);
        var result = await CallAsync(() => http.PostAsJsonAsync("transfers", request, RequestJson, cancellationToken), cancellationToken, notFoundIsEmpty: false);
        Record("create", result, activity);
        return result;
    }

    public async Task<ProviderResult> FindByReferenceAsync(string paymentReference, CancellationToken cancellationToken)
    {
        using var activity = StartActivity("provider.find_transfer", paymentReference);
        var clock = Stopwatch.StartNew();
        ProviderResult result;
        try
        {
            using var response = await http.GetAsync($"transfers?paymentReference={Uri.EscapeDataString(paymentReference)}", cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                result = new ProviderResult.Unknown($"provider answered {(int)response.StatusCode}");
            }
            else
            {
                var envelope = await response.Content.ReadFromJsonAsync<ProviderEnvelope<ProviderTransfer[]>>(cancellationToken);
                result = envelope?.Data switch
                {
                    null => new ProviderResult.Unknown("provider answer has no data"),
                    [] => new ProviderResult.NotFound(),
                    [var only] when only.PaymentReference == paymentReference => new ProviderResult.Recorded(only),
                    _ => new ProviderResult.Unknown("provider answered with transfers for another reference"),
                };
            }
        }
        catch (Exception e) when (IsUnknownOutcome(e, cancellationToken))
        {
            result = new ProviderResult.Unknown(Describe(e));
        }

        Latency.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation", "find"));
        Record("find", result, activity);
        return result;
    }

    public async Task<ProviderTransfer?> GetTransferAsync(string transferId, CancellationToken cancellationToken)
    {
        using var activity = StartActivity("provider.get_transfer", paymentReference: null);
        activity?.SetTag("provider.transfer_id", transferId);
        using var response = await http.GetAsync($"transfers/{Uri.EscapeDataString(transferId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProviderEnvelope<ProviderTransfer>>(cancellationToken))?.Data;
    }

    private async Task<ProviderResult> CallAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken, bool notFoundIsEmpty)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var (envelope, parsed) = await TryReadAsync<ProviderTransfer>(response, cancellationToken);
            return (int)response.StatusCode switch
            {
                >= 200 and < 300 when envelope?.Data is { } transfer => new ProviderResult.Recorded(transfer),
                >= 200 and < 300 when !parsed => new ProviderResult.Unknown("provider answer did not parse"),
                >= 200 and < 300 => new ProviderResult.Unknown("provider answered success without a transfer"),
                404 when notFoundIsEmpty => new ProviderResult.NotFound(),
                // 400 and 422 are refusals: the provider recorded nothing for this reference.
                400 or 422 => new ProviderResult.Refused(envelope?.Code ?? "provider_refused", envelope?.Message ?? $"provider answered {(int)response.StatusCode}"),
                401 or 403 => throw new InvalidOperationException($"The provider refused our credentials ({(int)response.StatusCode}); check Provider:ApiKey."),
                var status => new ProviderResult.Unknown($"provider answered {status}"),
            };
        }
        catch (Exception e) when (IsUnknownOutcome(e, cancellationToken))
        {
            return new ProviderResult.Unknown(Describe(e));
        }
        finally
        {
            Latency.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation", "create"));
        }
    }

    /// <summary>The envelope, and whether the body parsed at all (an error answer may have no JSON body).</summary>
    private static async Task<(ProviderEnvelope<T>? Envelope, bool Parsed)> TryReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<ProviderEnvelope<T>>(cancellationToken), true);
        }
        catch (JsonException)
        {
            return (null, false);
        }
        catch (NotSupportedException)
        {
            return (null, false);
        }
    }

    /// <summary>A timeout or a broken connection says nothing about whether the provider recorded the transfer.</summary>
    private static bool IsUnknownOutcome(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is TimeoutRejectedException or HttpRequestException or TaskCanceledException or JsonException;

    private static string Describe(Exception e) => e switch
    {
        TimeoutRejectedException or TaskCanceledException => "provider call timed out",
        HttpRequestException http => $"provider unreachable: {http.HttpRequestError}",
        _ => "provider answer did not parse",
    };

    private Activity? StartActivity(string name, string? paymentReference)
    {
        var activity = ActivitySource.StartActivity(name, ActivityKind.Client);
        activity?.SetTag("provider.base_url", options.Value.BaseUrl?.GetLeftPart(UriPartial.Authority));
        if (paymentReference is not null) activity?.SetTag("provider.payment_reference", paymentReference);
        return activity;
    }

    private void Record(string operation, ProviderResult result, Activity? activity)
    {
        var outcome = result switch
        {
            ProviderResult.Recorded recorded => recorded.Transfer.Status,
            ProviderResult.Refused => "refused",
            ProviderResult.NotFound => "not_found",
            _ => "unknown",
        };
        Outcomes.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
        activity?.SetTag("provider.outcome", outcome);
        if (result is ProviderResult.Recorded { Transfer: var transfer })
        {
            activity?.SetTag("provider.transfer_id", transfer.Id);
        }

        if (result is ProviderResult.Unknown unknown)
        {
            LogUnknown(logger, operation, unknown.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Operation} call gave no usable answer: {Reason}")]
    private static partial void LogUnknown(ILogger logger, string operation, string reason);
}
