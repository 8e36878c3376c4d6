using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Http.Testing;
using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;

namespace Payouts.NotificationService.Tests;

/// <summary>The in-app API: paging, unread count, mark read, tenancy and bad input.</summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class InboxApiTests(NotificationServiceFixture fixture)
{
    /// <summary>A user with <paramref name="count"/> completed payouts, a minute apart (the first the oldest), published in reverse.</summary>
    private async Task<(string UserId, HttpClient Client, Guid[] Payouts)> UserWithPayoutsAsync(int count)
    {
        var userId = NotificationServiceFixture.NewUserId();
        var payouts = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var i in Enumerable.Range(0, count).Reverse())
            await fixture.PublishAsync(Events.Completed(userId, payouts[i], $"PO-2026-{i + 1:D6}", Events.Start.AddMinutes(i)));
        var client = fixture.ClientFor(userId);
        await client.WaitForListAsync(count);
        return (userId, client, payouts);
    }

    [Fact]
    public async Task The_list_is_newest_first_paged_with_the_unread_count_of_all()
    {
        var (_, user, payouts) = await UserWithPayoutsAsync(5);
        using var _ = user;

        var first = await user.ListAsync("?page=1&limit=2");
        Assert.Equal([payouts[4].ToString(), payouts[3].ToString()], Items(first).Select(n => n.GetProperty("object_id").GetString()));
        var pagination = first.GetProperty("pagination");
        Assert.Equal((1, 2, 5, 3), (pagination.GetProperty("page").GetInt32(), pagination.GetProperty("limit").GetInt32(),
            pagination.GetProperty("total").GetInt32(), pagination.GetProperty("total_pages").GetInt32()));
        Assert.Equal(5, Unread(first));

        var last = await user.ListAsync("?page=3&limit=2");
        Assert.Equal([payouts[0].ToString()], Items(last).Select(n => n.GetProperty("object_id").GetString()));
        Assert.Empty(Items(await user.ListAsync("?page=4&limit=2")));
        // Without paging: the first page of 20.
        var all = await user.ListAsync();
        Assert.Equal(5, Items(all).Length);
        Assert.Equal(20, all.GetProperty("pagination").GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Marking_one_read_changes_only_it_and_marking_it_again_changes_nothing()
    {
        var (_, user, payouts) = await UserWithPayoutsAsync(3);
        using var _ = user;
        var id = Items(await user.ListAsync()).Single(n => n.GetProperty("object_id").GetString() == payouts[1].ToString()).GetProperty("id").GetString()!;

        var (status, body) = await user.PostAsync(ReadPath(id));
        Assert.Equal(HttpStatusCode.OK, status);
        var notification = body.GetProperty("notification");
        Assert.Equal(id, notification.GetProperty("id").GetString());
        Assert.True(notification.GetProperty("read").GetBoolean());
        var readAt = notification.GetProperty("read_at").GetString();
        Assert.NotNull(readAt);
        Assert.Equal(2, Unread(body));

        var (again, againBody) = await user.PostAsync(ReadPath(id));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(readAt, againBody.GetProperty("notification").GetProperty("read_at").GetString());
        Assert.Equal(2, Unread(againBody));
        var list = await user.ListAsync();
        Assert.Equal([false, true, false], Items(list).Select(n => n.GetProperty("read").GetBoolean()));
        Assert.Equal(2, Unread(list));
    }

    [Fact]
    public async Task Read_all_marks_every_unread_one_of_the_caller_and_no_one_elses()
    {
        var (_, user, _) = await UserWithPayoutsAsync(3);
        var (otherId, other, _) = await UserWithPayoutsAsync(2);
        using var _1 = user;
        using var _2 = other;

        var (status, body) = await user.PostAsync(ReadAllPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 0), (body.GetProperty("marked").GetInt32(), Unread(body)));
        Assert.Equal(0, Unread(await user.ListAsync()));
        Assert.All(Items(await user.ListAsync()), n => Assert.True(n.GetProperty("read").GetBoolean()));

        var (_, again) = await user.PostAsync(ReadAllPath);
        Assert.Equal(0, again.GetProperty("marked").GetInt32());
        Assert.Equal(2, Unread(await other.ListAsync()));
        Assert.Equal(0, await fixture.QueryAsync(db => db.NotificationReads.CountAsync(r => r.UserId == otherId)));
    }

    [Fact]
    public async Task Another_users_notification_is_not_found_and_stays_unread()
    {
        var (ownerId, owner, _) = await UserWithPayoutsAsync(1);
        using var _ = owner;
        var id = Items(await owner.ListAsync())[0].GetProperty("id").GetString()!;
        using var stranger = fixture.ClientFor(NotificationServiceFixture.NewUserId());
        // Even with the owner's id as their company: a user's notification is theirs alone.
        using var sameIdAsCompany = fixture.ClientFor(NotificationServiceFixture.NewUserId(), ownerId);
        using var admin = fixture.ClientFor(NotificationServiceFixture.NewUserId(), role: Payouts.ServiceDefaults.Authentication.PayoutsRoles.Admin);

        foreach (var intruder in new[] { stranger, sameIdAsCompany, admin })
        {
            using var response = await intruder.PostAsync(new Uri(ReadPath(id), UriKind.Relative), content: null);
            var message = await EnvelopeAssert.IsErrorAsync(response, Family.App, 404, "not_found");
            Assert.Equal("Notification not found", message);
            Assert.Equal(0, Total(await intruder.ListAsync()));
            Assert.Equal(0, (await intruder.PostAsync(ReadAllPath)).Body.GetProperty("marked").GetInt32());
        }

        using var garbage = await stranger.PostAsync(new Uri(ReadPath("not-a-notification"), UriKind.Relative), content: null);
        await EnvelopeAssert.IsErrorAsync(garbage, Family.App, 404, "not_found");
        using var unknown = await owner.PostAsync(new Uri(ReadPath(Guid.NewGuid().ToString()), UriKind.Relative), content: null);
        await EnvelopeAssert.IsErrorAsync(unknown, Family.App, 404, "not_found");
        Assert.Equal(1, Unread(await owner.ListAsync()));
    }

    [Fact]
    public async Task A_company_notification_is_read_by_each_member_for_themselves_and_not_markable_from_another_company()
    {
        var companyId = NotificationServiceFixture.NewCompanyId();
        using var member = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var outsider = fixture.ClientFor(NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());
        await fixture.PublishAsync(Events.BatchApproved(companyId, Guid.NewGuid(), "PB-2026-002"));
        await fixture.PublishAsync(Events.BatchApproved(companyId, Guid.NewGuid(), "PB-2026-003"));
        var id = Items(await member.WaitForListAsync(2))[1].GetProperty("id").GetString()!;

        using var refused = await outsider.PostAsync(new Uri(ReadPath(id), UriKind.Relative), content: null);
        await EnvelopeAssert.IsErrorAsync(refused, Family.App, 404, "not_found");
        Assert.Equal(0, (await outsider.PostAsync(ReadAllPath)).Body.GetProperty("marked").GetInt32());
        Assert.Equal(2, Unread(await colleague.ListAsync()));

        // Read marks are each member's own: one reading a company notification leaves it unread for the others.
        var (status, _) = await member.PostAsync(ReadPath(id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Unread(await member.ListAsync()));
        var colleagues = await colleague.ListAsync();
        Assert.Equal(2, Unread(colleagues));
        Assert.All(Items(colleagues), n => Assert.False(n.GetProperty("read").GetBoolean()));

        var (_, all) = await colleague.PostAsync(ReadAllPath);
        Assert.Equal((2, 0), (all.GetProperty("marked").GetInt32(), Unread(all)));
        Assert.Equal(1, Unread(await member.ListAsync()));
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=two", "page")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?limit=1&limit=2", "limit")]
    public async Task Bad_paging_is_400_in_the_app_envelope_naming_the_field(string query, string field)
    {
        using var user = fixture.ClientFor(NotificationServiceFixture.NewUserId());

        using var response = await user.GetAsync(new Uri(ListPath + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(["error", "field", "message"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("validation_error", body.GetProperty("error").GetString());
        Assert.Equal(field, body.GetProperty("field").GetString());
        Assert.Contains(field, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", ListPath)]
    [InlineData("POST", ReadAllPath)]
    [InlineData("POST", "/api/v1/notifications/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/read/")]
    public async Task Without_a_token_it_is_401_in_the_app_envelope(string method, string path)
    {
        using var anonymous = fixture.AnonymousClient();

        using var response = await anonymous.SendAsync(method, path);

        await EnvelopeAssert.IsErrorAsync(response, Family.App, 401, "authentication_required");
    }
}
