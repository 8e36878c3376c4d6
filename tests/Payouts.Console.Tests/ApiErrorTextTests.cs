using Payouts.Console.Api;

namespace Payouts.Console.Tests;

/// <summary>Every family's refusal reaches the user in words, whichever envelope it came in.</summary>
public sealed class ApiErrorTextTests
{
    [Theory]
    [InlineData("""{"error":"insufficient_funds","message":"Insufficient balance"}""", "Insufficient balance")]
    [InlineData("""{"error":"validation_error","message":"Amount is required","field":"amount"}""", "Amount is required (amount)")]
    [InlineData("""{"success":false,"error":"Invoice not found"}""", "Invoice not found")]
    [InlineData("""{"success":false,"message":"Invalid or expired 2FA code"}""", "Invalid or expired 2FA code")]
    [InlineData("""{"status":"error","status_code":400,"message":"Validation failed","data":{"amount":["Must be positive."],"currency":["Unknown."]}}""",
        "Validation failed amount: Must be positive. currency: Unknown.")]
    public void The_envelopes_message_and_field_errors_are_the_text(string body, string expected) =>
        Assert.Equal(expected, ApiErrorText.From(400, body));

    [Theory]
    [InlineData(503, "<html>Service Unavailable</html>", "The platform is busy: try again in a moment.")]
    [InlineData(500, "", "The platform could not complete this request: try again.")]
    [InlineData(404, "{}", "Not found.")]
    [InlineData(403, "[1,2]", "You are not allowed to do that.")]
    public void A_body_without_words_falls_back_to_the_status_never_to_the_raw_body(int status, string body, string expected) =>
        Assert.Equal(expected, ApiErrorText.From(status, body));
}
