using System.Text.Json.Nodes;
using Payouts.Gateway.OpenApi;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.Tests;

/// <summary>How the gateway merges the services' parts of a public document (fixed parts, no services).</summary>
public sealed class ApiDocumentMergerTests
{
    [Fact]
    public void Paths_of_every_part_are_merged_sorted_and_operations_of_one_path_combine()
    {
        var payouts = Part("payouts", """{"/b/":{"get":{"summary":"b"}},"/shared":{"get":{"summary":"from payouts"}}}""");
        var settlement = Part("settlement", """{"/a":{"post":{"summary":"a"}},"/shared":{"post":{"summary":"from settlement"},"get":{"summary":"again"}}}""");

        var merged = ApiDocumentMerger.Merge(PublicApiDocuments.Admin, [payouts, settlement]);

        Assert.Equal(["/a", "/b/", "/shared"], merged["paths"]!.AsObject().Select(path => path.Key));
        Assert.Equal("from payouts", merged["paths"]!["/shared"]!["get"]!["summary"]!.GetValue<string>());
        Assert.Equal("from settlement", merged["paths"]!["/shared"]!["post"]!["summary"]!.GetValue<string>());
        Assert.Equal(PublicApiDocuments.Admin.Title, merged["info"]!["title"]!.GetValue<string>());
        Assert.Null(merged["servers"]);
    }

    [Fact]
    public void A_component_both_parts_share_is_kept_once_and_one_they_define_differently_is_renamed_with_its_references()
    {
        const string envelope = """{"type":"object","properties":{"error":{"type":"string"}}}""";
        var payouts = Part("payouts", """{"/x":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}}""",
            """{"schemas":{"Envelope":""" + envelope + ""","Item":{"type":"object","properties":{"id":{"type":"integer"}}}}}""");
        var bankAccounts = Part("bank-accounts", """{"/y":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}}}}}}""",
            """{"schemas":{"Envelope":""" + envelope + ""","Item":{"type":"object","properties":{"name":{"type":"string"}}}}}""");

        var merged = ApiDocumentMerger.Merge(PublicApiDocuments.App, [payouts, bankAccounts]);

        Assert.Equal(["Envelope", "Item", "ItemBankAccounts"], merged["components"]!["schemas"]!.AsObject().Select(schema => schema.Key).Order());
        Assert.Equal("#/components/schemas/Item", RefOf(merged, "/x"));
        Assert.Equal("#/components/schemas/ItemBankAccounts", RefOf(merged, "/y"));
        Assert.NotNull(merged["components"]!["schemas"]!["ItemBankAccounts"]!["properties"]!["name"]);
    }

    private static string RefOf(JsonObject document, string path) =>
        document["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();

    private static ApiDocumentPart Part(string service, string paths, string components = "{}") => new(service, new JsonObject
    {
        ["openapi"] = "3.1.1",
        ["info"] = new JsonObject { ["title"] = service, ["version"] = "1" },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = $"http://{service}" }),
        ["paths"] = JsonNode.Parse(paths),
        ["components"] = JsonNode.Parse(components),
    });
}
