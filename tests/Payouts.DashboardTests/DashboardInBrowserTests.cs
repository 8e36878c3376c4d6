using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Payouts.ServiceDefaults.Authentication;
using static Microsoft.Playwright.Assertions;

namespace Payouts.DashboardTests;

/// <summary>
/// The operators' console as an operator sees it: headless Chromium (Debian's, through Playwright) logs in to the
/// Aspire dashboard, finds every resource running and healthy, and finds the trace of a payout request made through
/// the gateway, with spans from the gateway and from PayoutService.
/// </summary>
public sealed class DashboardInBrowserTests(DashboardPlatformFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DashboardPlatformFixture>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(60);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/prerequisites.sh --with-browser installs it.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root, no GPU, and no calls home: this machine's network is loopback only.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    [Fact]
    public async Task An_operator_logs_in_sees_every_resource_running_and_healthy_and_finds_a_payout_requests_trace()
    {
        var page = await NewPageAsync();
        output.WriteLine($"dashboard: {fixture.DashboardUrl}");

        await page.GotoAsync(fixture.LoginUrl);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$|/resources"), new() { Timeout = (float)UiTimeout.TotalMilliseconds });
        foreach (var resource in DashboardPlatformFixture.Resources)
        {
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText(resource, new() { Exact = true }) }).First;
            await Expect(row).ToContainTextAsync("Running", new() { Timeout = (float)UiTimeout.TotalMilliseconds });
            await Expect(row).Not.ToContainTextAsync("Unhealthy");
        }

        // Every mail the platform sends is one click away: the mail resource links smtp4dev's web UI.
        var mailRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByText("mail", new() { Exact = true }) }).First;
        await Expect(mailRow.GetByRole(AriaRole.Link, new() { Name = "Mail (smtp4dev)" })).ToBeVisibleAsync(new() { Timeout = (float)UiTimeout.TotalMilliseconds });

        var marker = await RequestAPayoutThroughTheGatewayAsync();

        await page.GotoAsync($"{fixture.DashboardUrl}/traces");
        var trace = page.GetByText(new System.Text.RegularExpressions.Regex("POST /api/action/payout/?")).First;
        await Expect(trace).ToBeVisibleAsync(new() { Timeout = (float)UiTimeout.TotalMilliseconds });
        await trace.ClickAsync();
        await Expect(page.GetByText("gateway").First).ToBeVisibleAsync(new() { Timeout = (float)UiTimeout.TotalMilliseconds });
        await Expect(page.GetByText("payouts", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = (float)UiTimeout.TotalMilliseconds });
        Assert.NotEmpty(marker);
    }

    /// <summary>A user with a credited balance asks for a payout through the gateway; returns the user's id.</summary>
    private async Task<string> RequestAPayoutThroughTheGatewayAsync()
    {
        using var gateway = fixture.CreateGatewayClient();
        var tokens = fixture.Tokens;
        var admin = new AuthenticationHeaderValue("Bearer", tokens.Issue(new AuthTokenRequest("1", [PayoutsRoles.Admin])));
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000_000).ToString(CultureInfo.InvariantCulture);

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users")
        {
            Content = JsonContent.Create(new { id = long.Parse(id, CultureInfo.InvariantCulture), email = $"u{id}@example.com", firstName = "Ada", lastName = "Payee", minimumPayout = "10" }),
        };
        create.Headers.Authorization = admin;
        using var created = await gateway.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/action/payout/")
        {
            Content = new FormUrlEncodedContent([new("amount", "25"), new("currency", "USD")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(new AuthTokenRequest(id, [PayoutsRoles.User])));
        using var response = await gateway.SendAsync(request);
        // Whatever the answer (no bank account yet), the request went gateway → payouts and was traced.
        Assert.Equal("payouts", Assert.Single(response.Headers.GetValues("X-Served-By")));
        return id;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1600, Height = 1000 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
