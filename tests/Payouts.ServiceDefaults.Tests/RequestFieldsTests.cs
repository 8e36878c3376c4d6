using System.Text;
using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>The one reader of request bodies every service uses: form and JSON read alike, and what it refuses.</summary>
public sealed class RequestFieldsTests
{
    private static readonly ApiError OtherContentType = RequestBodyErrors.UnsupportedMediaType;

    [Fact]
    public async Task A_form_and_the_same_fields_as_JSON_read_alike_and_fingerprint_alike()
    {
        var (form, formError) = await ReadAsync("application/x-www-form-urlencoded",
            "amount=500&bank_account_id=456&customer_address%5Bcity%5D=Lagos&note=%20trimmed%20");
        var (json, jsonError) = await ReadAsync("application/json",
            """{"note":" trimmed ","customer_address":{"city":"Lagos"},"bank_account_id":456,"amount":500}""");

        Assert.Null(formError);
        Assert.Null(jsonError);
        foreach (var fields in new[] { form!, json! })
        {
            Assert.Equal("500", fields["amount"]);
            Assert.Equal("trimmed", fields["note"]);
            var errors = new FieldErrors();
            Assert.Equal("Lagos", fields.Object("customer_address", errors)!["city"]);
            Assert.True(errors.IsEmpty);
        }
        Assert.Equal(form!.Fingerprint(), json!.Fingerprint());
    }

    [Fact]
    public async Task Blank_and_absent_fields_read_as_null_and_a_repeated_form_key_keeps_its_last_value()
    {
        var (fields, _) = await ReadAsync("application/x-www-form-urlencoded", "a=1&a=2&blank=%20%20");

        Assert.Equal("2", fields!["a"]);
        Assert.Null(fields["blank"]);
        Assert.Null(fields["absent"]);
    }

    [Theory]
    [InlineData("1", true, 1L)]
    [InlineData(null, true, null)]
    [InlineData("0", false, null)]
    [InlineData("-3", false, null)]
    [InlineData("12abc", false, null)]
    public async Task Positive_ids_parse_and_anything_else_is_refused(string? id, bool accepted, long? expected)
    {
        var (fields, _) = await ReadAsync("application/x-www-form-urlencoded", id is null ? "" : $"payout_id={id}");

        Assert.Equal(accepted, fields!.TryPositiveLong("payout_id", out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task Checked_fields_report_each_problem_under_the_fields_name()
    {
        var (fields, _) = await ReadAsync("application/json", """{"name":"","memo":"way too long","flag":"maybe","amount":"ten"}""");
        var errors = new FieldErrors();

        Assert.Null(fields!.Text("name", errors, maxLength: 50, required: true));
        Assert.Null(fields.Text("memo", errors, maxLength: 5, required: false));
        Assert.Null(fields.Boolean("flag", errors));
        Assert.Null(fields.Decimal("amount", errors, required: true));

        Assert.Equal(["amount", "flag", "memo", "name"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("application/json", "{not json", "The request body is not valid JSON")]
    [InlineData("application/json", "[1,2]", "The request body must be a JSON object")]
    public async Task A_body_that_cannot_be_read_is_a_400_naming_why(string contentType, string body, string message)
    {
        var (fields, error) = await ReadAsync(contentType, body);

        Assert.Null(fields);
        Assert.Equal(StatusCodes.Status400BadRequest, error!.StatusCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_body_that_is_neither_form_nor_JSON_gets_the_callers_answer_and_no_body_reads_as_no_fields()
    {
        var (_, other) = await ReadAsync("text/plain", "amount=5");
        var (empty, none) = await ReadAsync(null, "");

        Assert.Same(OtherContentType, other);
        Assert.Null(none);
        Assert.Null(empty!["amount"]);
    }

    private static Task<(RequestFields? Fields, ApiError? Error)> ReadAsync(string? contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return RequestFields.ReadAsync(context.Request, OtherContentType, CancellationToken.None);
    }
}
