using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Tests.Support;
using Payouts.Contracts.Batches;
using Payouts.Testing;

namespace Payouts.BatchService.Tests;

/// <summary>
/// TOTP enrollment and the approval of a ready batch with a code, on the real database and broker; codes are computed
/// here from the enrolled secret at the service's clock, which the tests move forward.
/// </summary>
[Collection(BatchServiceCollection.Name)]
public sealed class TwoFactorApprovalTests(BatchServiceFixture fixture)
{
    private const string InvalidCode = "Invalid or expired 2FA code";

    [Fact]
    public async Task Enrolling_shows_the_secret_once_stores_it_encrypted_and_a_first_code_confirms_it()
    {
        var (companyId, subject, client) = await NewUserAsync();

        var enrolled = await client.BulkPostAsync("/v1/platform/2fa/enroll", new { });

        enrolled.IsOk();
        var secret = enrolled["secret"].GetValue<string>();
        Assert.Matches("^[A-Z2-7]{32}$", secret);
        Assert.Equal($"otpauth://totp/Payouts:{subject}?secret={secret}&issuer=Payouts", enrolled["otpauth_uri"].GetValue<string>());
        Assert.True(enrolled["success"].GetValue<bool>());
        var stored = await fixture.QueryAsync(db => db.TwoFactorEnrollments.AsNoTracking().SingleAsync(e => e.CompanyId == companyId && e.Subject == subject));
        Assert.StartsWith(BatchServiceFixture.EncryptionKeyId + ":", stored.SecretCiphertext);
        Assert.DoesNotContain(secret, stored.SecretCiphertext);
        Assert.Null(stored.ConfirmedAt);

        var app = TotpAuthenticator.FromBase32(secret);
        var confirmed = await client.BulkPostAsync("/v1/platform/2fa/confirm", new { code = app.CodeAt(fixture.Clock.GetUtcNow()) });

        confirmed.IsOk();
        Assert.Equal("Two-factor authentication is enabled", confirmed["message"].GetValue<string>());
        Assert.NotNull((await fixture.QueryAsync(db => db.TwoFactorEnrollments.AsNoTracking().SingleAsync(e => e.CompanyId == companyId && e.Subject == subject))).ConfirmedAt);
        Assert.Equal("Two-factor authentication is already enabled for this user",
            (await client.BulkPostAsync("/v1/platform/2fa/enroll", new { })).Refusal(HttpStatusCode.Conflict));
        Assert.Equal("Two-factor authentication is already enabled for this user",
            (await client.BulkPostAsync("/v1/platform/2fa/confirm", new { code = app.CodeAt(fixture.Clock.GetUtcNow()) })).Refusal(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Enrolling_again_before_confirming_replaces_the_secret_and_a_wrong_code_confirms_nothing()
    {
        var (_, _, client) = await NewUserAsync();
        var first = TotpAuthenticator.FromBase32((await client.BulkPostAsync("/v1/platform/2fa/enroll", new { }))["secret"].GetValue<string>());
        var second = TotpAuthenticator.FromBase32((await client.BulkPostAsync("/v1/platform/2fa/enroll", new { }))["secret"].GetValue<string>());

        Assert.Equal(InvalidCode, (await client.BulkPostAsync("/v1/platform/2fa/confirm", new { code = first.CodeAt(fixture.Clock.GetUtcNow()) }))
            .Refusal(HttpStatusCode.Forbidden));
        (await client.BulkPostAsync("/v1/platform/2fa/confirm", new { code = second.CodeAt(fixture.Clock.GetUtcNow()) })).IsOk();
    }

    [Fact]
    public async Task A_valid_code_approves_a_ready_batch_records_who_and_when_and_publishes_BatchApproved_once()
    {
        var user = await EnrolledUserAsync();
        var id = await ReadyBatchAsync(user.Client);
        var recipients = (await user.Client.BulkGetAsync($"/v1/payouts/batches/{id}"))["recipients"].AsArray();

        var approved = await ApproveAsync(user, id, CurrentCode(user));

        approved.IsOk();
        Assert.Equal("processing", approved["batch_status"].GetValue<string>());
        Assert.Equal(user.Subject, approved["approved_by"].GetValue<string>());
        Assert.Equal(2, approved["approved_recipients"].GetValue<int>());
        Assert.Equal("350.50", approved["total_amount"].ToJsonString());
        Assert.Equal("processing", (await user.Client.BulkGetAsync($"/v1/payouts/batches/{id}/status"))["batch_status"].GetValue<string>());
        var row = await fixture.QueryAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal(user.Subject, row.ApprovedBy);
        Assert.NotNull(row.ApprovedAt);
        var read = (await user.Client.BulkGetAsync($"/v1/payouts/batches/{id}"))["batch"];
        Assert.Equal(approved["approved_at"].GetValue<string>(), read["approved_at"]!.GetValue<string>());
        Assert.Null(read["completed_at"]);

        var message = await Eventually.ValueAsync(() => Task.FromResult(fixture.Published.For<BatchApproved>(id).FirstOrDefault()), "BatchApproved on the bus");
        Assert.Equal(user.CompanyId, message.CompanyId);
        Assert.Equal(row.Reference, message.PaymentReference);
        Assert.Equal(350.50m, message.Total);
        Assert.Equal("USD", message.Currency);
        Assert.Equal(user.Subject, message.ApprovedBy);
        Assert.Equal(row.ApprovedAt, message.ApprovedAt);
        // Only the valid, pending recipients: the seed's invalid@email is not paid.
        Assert.Equal(
            [(Guid.Parse(recipients[0]!["id"]!.GetValue<string>()), "recipient1@example.com", 100.50m, "Payment for services"),
             (Guid.Parse(recipients[1]!["id"]!.GetValue<string>()), "recipient2@example.com", 250.00m, "Monthly bonus")],
            message.Recipients.Select(r => (r.RecipientId, r.Email, r.Amount, r.Memo)));

        // Approving twice is refused and publishes nothing more.
        fixture.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        Assert.Equal("This batch is already approved; it is processing", (await ApproveAsync(user, id, CurrentCode(user))).Error(HttpStatusCode.Conflict));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(fixture.Published.For<BatchApproved>(id));
    }

    [Fact]
    public async Task Wrong_expired_and_replayed_codes_are_refused_and_change_nothing()
    {
        var user = await EnrolledUserAsync();
        var first = await ReadyBatchAsync(user.Client);
        var second = await ReadyBatchAsync(user.Client);
        var now = fixture.Clock.GetUtcNow();

        Assert.Equal(InvalidCode, (await ApproveAsync(user, first, WrongCode(user, now))).Refusal(HttpStatusCode.Forbidden));
        Assert.Equal(InvalidCode, (await ApproveAsync(user, first, user.App.CodeAt(now.AddSeconds(-3 * Totp.StepSeconds)))).Refusal(HttpStatusCode.Forbidden));
        Assert.Equal("ready", await StatusOfAsync(user, first));

        var code = CurrentCode(user);
        (await ApproveAsync(user, first, code)).IsOk();
        Assert.Equal(InvalidCode, (await ApproveAsync(user, second, code)).Refusal(HttpStatusCode.Forbidden));

        Assert.Equal("ready", await StatusOfAsync(user, second));
        Assert.Null((await fixture.QueryAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == second))).ApprovedAt);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(fixture.Published.For<BatchApproved>(second));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_approval_until_the_lockout_has_passed()
    {
        var user = await EnrolledUserAsync();
        var id = await ReadyBatchAsync(user.Client);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(InvalidCode, (await ApproveAsync(user, id, WrongCode(user, fixture.Clock.GetUtcNow()))).Refusal(HttpStatusCode.Forbidden));
        }

        var locked = await ApproveAsync(user, id, CurrentCode(user));
        Assert.StartsWith("Too many invalid 2FA codes: approval is locked until ", locked.Refusal(HttpStatusCode.TooManyRequests));
        // The test clock runs on from the fifth failure, so a little less than the 15-minute lockout may be left.
        Assert.InRange(locked.RetryAfter!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        fixture.Clock.Advance(TimeSpan.FromMinutes(14));
        locked = await ApproveAsync(user, id, CurrentCode(user));
        Assert.StartsWith("Too many invalid 2FA codes", locked.Refusal(HttpStatusCode.TooManyRequests));
        Assert.InRange(locked.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal("ready", await StatusOfAsync(user, id));

        fixture.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await ApproveAsync(user, id, CurrentCode(user))).IsOk();
    }

    [Fact]
    public async Task A_user_without_a_confirmed_second_factor_cannot_approve()
    {
        var (_, _, client) = await NewUserAsync();
        var id = await ReadyBatchAsync(client);

        Assert.Equal("Two-factor authentication is not set up for this user: enroll with POST /v1/platform/2fa/enroll, then confirm it with a first code",
            (await client.BulkPostAsync($"/v1/payouts/batches/{id}/approve", new { code = "123456" })).Refusal(HttpStatusCode.Forbidden));

        (await client.BulkPostAsync("/v1/platform/2fa/enroll", new { })).IsOk();
        Assert.Equal("Two-factor authentication is not confirmed yet: confirm it with POST /v1/platform/2fa/confirm and a code from your authenticator app",
            (await client.BulkPostAsync($"/v1/payouts/batches/{id}/approve", new { code = "123456" })).Refusal(HttpStatusCode.Forbidden));
        Assert.Equal("ready", (await client.BulkGetAsync($"/v1/payouts/batches/{id}/status"))["batch_status"].GetValue<string>());
    }

    [Fact]
    public async Task Draft_cancelled_and_other_companies_batches_are_refused_without_spending_the_code()
    {
        var user = await EnrolledUserAsync();
        var draft = await user.Client.CreateBatchAsync(BulkApi.Payees(1));
        var cancelled = await user.Client.CreateBatchAsync(BulkApi.Payees(1));
        (await user.Client.BulkPostAsync($"/v1/payouts/batches/{cancelled}/cancel", new { })).IsOk();
        var (_, otherCompany) = await fixture.NewCompanyAsync();
        var othersBatch = await ReadyBatchAsync(otherCompany);
        var ready = await ReadyBatchAsync(user.Client);
        var code = CurrentCode(user);

        Assert.Equal("Only a ready batch can be approved; this batch is draft", (await ApproveAsync(user, draft, code)).Error(HttpStatusCode.Conflict));
        Assert.Equal("Only a ready batch can be approved; this batch is cancelled", (await ApproveAsync(user, cancelled, code)).Error(HttpStatusCode.Conflict));
        Assert.Equal("Batch not found", (await ApproveAsync(user, othersBatch, code)).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await ApproveAsync(user, Guid.NewGuid(), code)).Error(HttpStatusCode.NotFound));
        Assert.Equal("Batch not found", (await user.Client.BulkPostAsync("/v1/payouts/batches/not-a-batch/approve", new { code })).Error(HttpStatusCode.NotFound));

        Assert.Equal("draft", await StatusOfAsync(user, draft));
        Assert.Equal("ready", (await otherCompany.BulkGetAsync($"/v1/payouts/batches/{othersBatch}/status"))["batch_status"].GetValue<string>());
        (await ApproveAsync(user, ready, code)).IsOk();
    }

    [Fact]
    public async Task A_body_without_a_code_string_is_a_400_in_the_bulk_envelope()
    {
        var user = await EnrolledUserAsync();
        var id = await ReadyBatchAsync(user.Client);

        Assert.Equal("Missing required fields: code", (await user.Client.BulkPostAsync($"/v1/payouts/batches/{id}/approve", new { })).Error(HttpStatusCode.BadRequest));
        Assert.Equal("code must be a string: the six digits of your authenticator app",
            (await user.Client.PostRawAsync($"/v1/payouts/batches/{id}/approve", "{\"code\": 123456}")).Error(HttpStatusCode.BadRequest));
        Assert.Equal("The request body is not valid JSON", (await user.Client.PostRawAsync($"/v1/payouts/batches/{id}/approve", "{code")).Error(HttpStatusCode.BadRequest));
        Assert.Equal("ready", await StatusOfAsync(user, id));
    }

    private async Task<(string CompanyId, string Subject, HttpClient Client)> NewUserAsync()
    {
        var (companyId, _) = await fixture.NewCompanyAsync();
        var subject = $"user-{Guid.NewGuid():N}";
        return (companyId, subject, fixture.ClientFor(companyId, subject));
    }

    /// <summary>A user with a confirmed factor; the clock is a step past the confirming code, so the next code is fresh.</summary>
    private async Task<EnrolledUser> EnrolledUserAsync()
    {
        var (companyId, subject, client) = await NewUserAsync();
        var app = TotpAuthenticator.FromBase32((await client.BulkPostAsync("/v1/platform/2fa/enroll", new { }))["secret"].GetValue<string>());
        (await client.BulkPostAsync("/v1/platform/2fa/confirm", new { code = app.CodeAt(fixture.Clock.GetUtcNow()) })).IsOk();
        fixture.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));
        return new EnrolledUser(companyId, subject, client, app);
    }

    private static async Task<Guid> ReadyBatchAsync(HttpClient client)
    {
        var id = await client.CreateBatchAsync(BulkApi.SeedPayees);
        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).IsOk();
        return id;
    }

    private static Task<BulkResponse> ApproveAsync(EnrolledUser user, Guid batchId, string code) =>
        user.Client.BulkPostAsync($"/v1/payouts/batches/{batchId}/approve", new { code });

    private static async Task<string> StatusOfAsync(EnrolledUser user, Guid batchId) =>
        (await user.Client.BulkGetAsync($"/v1/payouts/batches/{batchId}/status"))["batch_status"].GetValue<string>();

    private string CurrentCode(EnrolledUser user) => user.App.CodeAt(fixture.Clock.GetUtcNow());

    /// <summary>Six digits that are none of the codes the service would take around <paramref name="now"/>.</summary>
    private static string WrongCode(EnrolledUser user, DateTimeOffset now)
    {
        var taken = Enumerable.Range(-2, 5).Select(steps => user.App.CodeAt(now.AddSeconds(steps * Totp.StepSeconds))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(code => !taken.Contains(code));
    }

    private sealed record EnrolledUser(string CompanyId, string Subject, HttpClient Client, TotpAuthenticator App);
}
