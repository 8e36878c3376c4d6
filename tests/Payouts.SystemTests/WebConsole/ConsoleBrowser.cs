using Microsoft.Playwright;

namespace Payouts.SystemTests.WebConsole;

/// <summary>
/// Headless Chromium (Debian's, driven by Playwright; browser downloads are not reachable here) for the console's tests.
/// Each test gets a fresh browser context, so no cookie carries over; a failing test leaves a screenshot.
/// </summary>
public sealed class ConsoleBrowser : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>How long the page may take to show what a test waits for: generous, on two cores shared with the platform.</summary>
    public static readonly float UiTimeoutMs = 60_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "console-screenshots");

    /// <summary>
    /// Where passing tests also leave their last page, when set (<c>PAYOUTS_CONSOLE_SCREENSHOTS=docs/images</c>): how the
    /// README's pictures of the console are made.
    /// </summary>
    private static readonly string? PassingScreenshotDirectory = Environment.GetEnvironmentVariable("PAYOUTS_CONSOLE_SCREENSHOTS");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/prerequisites.sh --with-browser installs it.");
        Assertions.SetDefaultExpectTimeout(UiTimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root, no GPU, and no calls home: this machine's network is loopback only.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a new page of <paramref name="console"/>; when it fails, saves a screenshot named
    /// after the test (its path is in the failure) and rethrows.
    /// </summary>
    public async Task RunAsync(Uri console, string testName, Func<IPage, Task> test)
    {
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.ToString() });
        context.SetDefaultTimeout(UiTimeoutMs);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
            if (PassingScreenshotDirectory is not null)
            {
                Directory.CreateDirectory(PassingScreenshotDirectory);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PassingScreenshotDirectory, $"{testName}.png") });
            }
        }
        catch (Exception e)
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            var path = Path.Combine(ScreenshotDirectory, $"{testName}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            throw new InvalidOperationException($"{e.Message}{Environment.NewLine}screenshot: {path} (page {page.Url})", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
