using MassTransit;
using System.Globalization;
using System.Net;
using Payouts.Contracts;
using Payouts.Contracts.Notifications;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>NotificationService's recipient query, asked over the real broker as NotificationService asks it.</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class NotificationRecipientsTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task A_user_is_answered_with_their_email_and_a_company_with_its_members_that_have_one()
    {
        var company = Companies.NewCompany();
        var (first, second, noEmail, outsider) = (PayoutServiceFixture.NewUserId(), PayoutServiceFixture.NewUserId(), PayoutServiceFixture.NewUserId(),
            PayoutServiceFixture.NewUserId());
        await CreateUserAsync(first, $"first{first}@example.com", company);
        await CreateUserAsync(second, $"second{second}@example.com", company);
        await CreateUserAsync(noEmail, null, company);
        await CreateUserAsync(outsider, $"outsider{outsider}@example.com", null);

        var user = await AskAsync(new GetNotificationRecipients(Id(outsider), null));
        var members = await AskAsync(new GetNotificationRecipients(null, company));
        var unknown = await AskAsync(new GetNotificationRecipients(Id(PayoutServiceFixture.NewUserId()), null));

        Assert.Equal([new NotificationRecipient(Id(outsider), $"outsider{outsider}@example.com")], user.Recipients);
        Assert.Equal([new NotificationRecipient(Id(first), $"first{first}@example.com"), new NotificationRecipient(Id(second), $"second{second}@example.com")],
            members.Recipients);
        Assert.Empty(unknown.Recipients);
    }

    private static string Id(long userId) => userId.ToString(CultureInfo.InvariantCulture);

    private async Task<NotificationRecipients> AskAsync(GetNotificationRecipients query)
    {
        var client = Fixture.Bus.CreateRequestClient<GetNotificationRecipients>(QueueAddress.For(NotificationQueues.RecipientQueries), RequestTimeout.After(s: 15));
        return (await client.GetResponse<NotificationRecipients>(query)).Message;
    }

    private async Task CreateUserAsync(long id, string? email, string? companyId)
    {
        using var admin = Fixture.AdminClient();
        var (created, body) = await admin.PostJsonAsync("/api/admin/users", new { id, email, firstName = "Test", lastName = "User", companyId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, body.ToJsonString());
    }
}
