using Payouts.OpenApi.Tests.Support;
namespace Payouts.OpenApi.Tests;
[Collection(PlatformDocumentsCollection.Name)]
public sealed class DumpTests(PlatformDocumentsFixture platform)
{
    [Fact]
    public void Dump()
    {
        Directory.CreateDirectory("/tmp/oa");
        foreach (var (name, json) in platform.Documents) File.WriteAllText($"/tmp/oa/{name}.json", json);
        foreach (var (cluster, parts) in platform.Parts) foreach (var (name, json) in parts) File.WriteAllText($"/tmp/oa/{cluster}.{name}.json", json);
        File.WriteAllLines("/tmp/oa/endpoints.txt", new[]{"payouts","bank-accounts","batches","settlement"}.SelectMany(c => platform.PublicEndpointsOf(c).Select(e => $"{c} {e.Method} {e.Template}")));
    }
}
