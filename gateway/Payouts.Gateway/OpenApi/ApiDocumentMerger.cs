using System.Globalization;
using System.Text.Json.Nodes;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.OpenApi;

/// <summary>One service's part of a public document, as the service serves it.</summary>
public sealed record ApiDocumentPart(string Service, JsonObject Document);

/// <summary>
/// Merges the services' parts of a public document into the one the gateway serves: their <c>paths</c> (an operation
/// documented twice keeps the first service's, in <see cref="Routing.ClusterNames.All"/> order) and their
/// <c>components</c> (a name two services give different content gets the second one's service name appended, and its
/// references follow).
/// </summary>
public static class ApiDocumentMerger
{
    public static JsonObject Merge(PublicApiDocument document, IReadOnlyList<ApiDocumentPart> parts)
    {
        var paths = new JsonObject();
        var components = new JsonObject();
        var tags = new JsonArray();

        foreach (var part in parts)
        {
            var source = RenameConflictingComponents(part, components);
            MergeComponents(components, source["components"] as JsonObject);
            MergePaths(paths, source["paths"] as JsonObject);
            foreach (var tag in (source["tags"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (!tags.OfType<JsonObject>().Any(existing => existing["name"]?.GetValue<string>() == tag["name"]?.GetValue<string>()))
                {
                    tags.Add(tag.DeepClone());
                }
            }
        }

        var merged = new JsonObject
        {
            ["openapi"] = parts.Select(part => part.Document["openapi"]?.GetValue<string>()).FirstOrDefault(version => version is not null) ?? "3.1.1",
            ["info"] = new JsonObject { ["title"] = document.Title, ["description"] = document.Description, ["version"] = "v1" },
            ["paths"] = Sorted(paths),
            ["components"] = components,
        };
        if (tags.Count > 0)
        {
            merged["tags"] = tags;
        }

        return merged;
    }

    private static void MergePaths(JsonObject merged, JsonObject? paths)
    {
        foreach (var (path, item) in paths ?? [])
        {
            if (merged[path] is not JsonObject existing)
            {
                merged[path] = item?.DeepClone();
                continue;
            }

            foreach (var (key, operation) in (JsonObject)item!)
            {
                if (!existing.ContainsKey(key))
                {
                    existing[key] = operation?.DeepClone();
                }
            }
        }
    }

    private static void MergeComponents(JsonObject merged, JsonObject? components)
    {
        foreach (var (section, entries) in components ?? [])
        {
            if (merged[section] is not JsonObject target)
            {
                target = [];
                merged[section] = target;
            }

            foreach (var (name, value) in (JsonObject)entries!)
            {
                if (!target.ContainsKey(name))
                {
                    target[name] = value?.DeepClone();
                }
            }
        }
    }

    /// <summary>The part, with each component whose name is taken by different content renamed, references included.</summary>
    private static JsonObject RenameConflictingComponents(ApiDocumentPart part, JsonObject merged)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (section, entries) in part.Document["components"] as JsonObject ?? [])
        {
            foreach (var (name, value) in (JsonObject)entries!)
            {
                if (merged[section]?[name] is { } taken && !JsonNode.DeepEquals(taken, value))
                {
                    renames[$"#/components/{section}/{name}"] = $"#/components/{section}/{name}{Pascal(part.Service)}";
                }
            }
        }

        var copy = (JsonObject)part.Document.DeepClone();
        if (renames.Count == 0)
        {
            return copy;
        }

        foreach (var (from, to) in renames)
        {
            var (section, name, newName) = (from.Split('/')[2], from.Split('/')[3], to.Split('/')[3]);
            var entries = (JsonObject)copy["components"]![section]!;
            var value = entries[name];
            entries.Remove(name);
            entries[newName] = value;
        }

        RewriteReferences(copy, renames);
        return copy;
    }

    private static void RewriteReferences(JsonNode? node, IReadOnlyDictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && renames.TryGetValue(target, out var renamed))
                {
                    obj["$ref"] = renamed;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteReferences(child, renames);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child, renames);
                }

                break;
        }
    }

    private static JsonObject Sorted(JsonObject paths)
    {
        var sorted = new JsonObject();
        foreach (var (path, item) in paths.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList())
        {
            paths.Remove(path);
            sorted[path] = item;
        }

        return sorted;
    }

    private static string Pascal(string service) => string.Concat(service.Split('-', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
}
