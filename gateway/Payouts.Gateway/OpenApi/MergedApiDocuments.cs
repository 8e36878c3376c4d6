using System.Collections.Concurrent;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.OpenApi;

/// <summary>
/// The public documents as the gateway serves them: the services' parts merged, kept for a short while so a reader
/// paging through the reference does not ask every service each time, and fresh soon after a service is deployed.
/// </summary>
public sealed class MergedApiDocuments(ServiceApiDocumentParts parts, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, string Json)> _cache = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(PublicApiDocument document, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(document.Name, out var cached) && now - cached.ReadAt < CacheFor)
        {
            return cached.Json;
        }

        var json = ApiDocumentMerger.Merge(document, await parts.ReadAsync(document, cancellationToken)).ToJsonString();
        _cache[document.Name] = (now, json);
        return json;
    }
}
