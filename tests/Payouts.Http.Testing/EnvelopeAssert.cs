using System.Text.Json;

namespace Payouts.Http.Testing;

/// <summary>The error body families as the seeds show them, checked property by property.</summary>
public enum Family
{
    App,
    Bulk,
    SinglePayout,
    Billing,
    Admin,
}

public static class EnvelopeAssert
{
    /// <summary>Asserts the exact shape of <paramref name="family"/>'s error body and returns its human message.</summary>
    public static async Task<string> IsErrorAsync(HttpResponseMessage response, Family family, int statusCode, string appErrorCode)
    {
        Assert.Equal(statusCode, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        var properties = body.EnumerateObject().Select(property => property.Name).Order().ToArray();

        switch (family)
        {
            case Family.Admin:
                Assert.Equal(["message", "success"], properties);
                Assert.False(body.GetProperty("success").GetBoolean());
                return NonEmpty(body.GetProperty("message"));
            case Family.Billing:
                Assert.Equal(["error", "success"], properties);
                Assert.False(body.GetProperty("success").GetBoolean());
                return NonEmpty(body.GetProperty("error"));
            case Family.Bulk:
                Assert.Equal(["error"], properties);
                return NonEmpty(body.GetProperty("error"));
            case Family.SinglePayout:
                Assert.Equal(["data", "message", "status", "status_code"], properties);
                Assert.Equal("failed", body.GetProperty("status").GetString());
                Assert.Equal(statusCode, body.GetProperty("status_code").GetInt32());
                Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
                return NonEmpty(body.GetProperty("message"));
            default:
                Assert.Equal(["error", "message"], properties);
                Assert.Equal(appErrorCode, body.GetProperty("error").GetString());
                return NonEmpty(body.GetProperty("message"));
        }
    }

    private static string NonEmpty(JsonElement value)
    {
        var text = value.GetString();
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain("   at ", text); // never a stack trace
        return text!;
    }
}
