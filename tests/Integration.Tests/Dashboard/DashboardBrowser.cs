using Microsoft.Playwright;

namespace iAyos.Messaging.Integration.Tests.Dashboard;

/// <summary>
/// Debian's chromium (scripts/test.sh installs it), headless, driven by Playwright: no browser is downloaded.
/// Each test opens its own page, which records what the browser logged as an error.
/// </summary>
public sealed class DashboardBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>.run/test/screenshots: beside test.sh's results, wiped with them on every run.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(RepositoryRoot(), ".run", "test", "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (scripts/test.sh does).");
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh page (its own sessionStorage) of a laptop screen's size, at <paramref name="baseUrl"/>.</summary>
    public async Task<DashboardPage> OpenAsync(Uri baseUrl)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = baseUrl.ToString(), ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        return new DashboardPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "iAyos.Messaging.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>One browser page and the errors it logged: console errors and uncaught exceptions.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) => { if (message.Type == "error") Errors.Add($"console: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => Errors.Add($"uncaught: {error}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    public Task GoToAsync(string tab) => Page.GotoAsync($"/dashboard/#{tab}");

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(DashboardBrowser.ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
