using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>The shared envelope helper the services use too (Payouts.ServiceDefaults/ApiErrors).</summary>
public sealed class ApiErrorEnvelopeTests
{
    [Theory]
    [InlineData("/api/admin/payouts/1", ApiFamily.Admin)]
    [InlineData("/api/v1/billing/payments/", ApiFamily.Billing)]
    [InlineData("/v1/payouts/batch", ApiFamily.Bulk)]
    [InlineData("/payout/simple", ApiFamily.SinglePayout)]
    [InlineData("/beneficiaries/5", ApiFamily.SinglePayout)]
    [InlineData("/api/get/payouts/", ApiFamily.App)]
    [InlineData("/api/payouts/all/", ApiFamily.App)]
    [InlineData("/somewhere-else", ApiFamily.App)]
    [InlineData("/API/ADMIN/payouts", ApiFamily.Admin)]
    public void Paths_classify_into_their_family(string path, ApiFamily family) =>
        Assert.Equal(family, ApiFamilies.Classify(new PathString(path)));

    [Theory]
    [InlineData("/api/x", true)]
    [InlineData("/v1/x", true)]
    [InlineData("/payout/simple", true)]
    [InlineData("/beneficiaries", true)]
    [InlineData("/health", false)]
    [InlineData("/transfers", false)]
    [InlineData("/payouts-internal", false)]
    public void Public_api_paths_are_recognised(string path, bool isPublic) =>
        Assert.Equal(isPublic, ApiFamilies.IsPublicApiPath(new PathString(path)));

    [Theory]
    [InlineData(ApiFamily.Admin, """{"success":false,"message":"Rate limit exceeded. Please try again in 7 seconds."}""")]
    [InlineData(ApiFamily.Billing, """{"success":false,"error":"Rate limit exceeded. Please try again in 7 seconds."}""")]
    [InlineData(ApiFamily.Bulk, """{"error":"Rate limit exceeded. Please try again in 7 seconds."}""")]
    [InlineData(ApiFamily.SinglePayout, """{"status":"failed","status_code":429,"message":"Rate limit exceeded. Please try again in 7 seconds.","data":null}""")]
    [InlineData(ApiFamily.App, """{"error":"rate_limit_exceeded","message":"Rate limit exceeded. Please try again in 7 seconds."}""")]
    public void Each_family_has_its_seed_shape(ApiFamily family, string expectedJson) =>
        Assert.Equal(expectedJson, ApiErrorEnvelope.Create(family, ApiError.RateLimitExceeded(7)).ToJsonString());

    [Fact]
    public void Validation_errors_fill_seed_002_data_and_seed_000_field()
    {
        var error = ApiError.Validation(new Dictionary<string, string[]>
        {
            ["amount"] = ["The amount field is required."],
            ["beneficiary_id"] = ["The beneficiary id field is required."],
        });

        Assert.Equal(
            """{"status":"failed","status_code":400,"message":"Request failed","data":{"amount":["The amount field is required."],"beneficiary_id":["The beneficiary id field is required."]}}""",
            ApiErrorEnvelope.Create(ApiFamily.SinglePayout, error).ToJsonString());
        Assert.Equal(
            """{"error":"validation_error","message":"The amount field is required.","field":"amount"}""",
            ApiErrorEnvelope.Create(ApiFamily.App, error).ToJsonString());
    }

    [Fact]
    public void A_single_field_error_is_seed_002s_request_failed_with_its_data()
    {
        var error = ApiError.Validation("amount", "The amount must be greater than 0.");

        Assert.Equal(
            """{"status":"failed","status_code":400,"message":"Request failed","data":{"amount":["The amount must be greater than 0."]}}""",
            ApiErrorEnvelope.Create(ApiFamily.SinglePayout, error).ToJsonString());
        Assert.Equal(
            """{"error":"validation_error","message":"The amount must be greater than 0.","field":"amount"}""",
            ApiErrorEnvelope.Create(ApiFamily.App, error).ToJsonString());
    }

    [Theory]
    [InlineData("/api/get/payouts/", "You don't have permission to access payout information")]
    [InlineData("/api/action/payout/", "You don't have permission to access payout information")]
    [InlineData("/api/action/payout/cancel/", "You don't have permission to access payout information")]
    [InlineData("/api/payouts/all/", "You don't have permission to access payout information")]
    [InlineData("/api/payouts/process/", "You don't have permission to access payout information")]
    [InlineData("/api/bank-accounts/", "You don't have permission to access this resource")]
    [InlineData("/api/admin/payouts", "You don't have permission to access this resource")]
    public void Seed_000s_payout_paths_deny_with_its_403_text(string path, string message)
    {
        var error = PermissionDenied.For(new PathString(path));

        Assert.Equal(StatusCodes.Status403Forbidden, error.StatusCode);
        Assert.Equal("insufficient_permissions", error.Code);
        Assert.Equal(message, error.Message);
    }
}
