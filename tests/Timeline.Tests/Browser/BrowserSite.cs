using Microsoft.Playwright;

namespace Timeline.Tests.Browser;

/// <summary>All browser tests share one build, two servers and one Chromium; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}

/// <summary>
/// The shipped site served twice over HTTP: <see cref="Site"/> with the headers of netlify.toml for each path,
/// as published, and <see cref="SiteWithoutCsp"/> with none, for injecting axe-core (an inline script the CSP refuses).
/// Both drive Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>Makes every CSP violation a console error too, so a watched page reports it in any wording.</summary>
    private const string ReportCspViolations = """
        document.addEventListener('securitypolicyviolation', e =>
          console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ShippedOutput Output { get; private set; } = null!;

    /// <summary>The header rules of netlify.toml.</summary>
    public IReadOnlyList<HeaderRule> Headers { get; private set; } = [];

    /// <summary>Served with the real CSP header.</summary>
    public StaticSiteServer Site { get; private set; } = null!;

    /// <summary>Served without a CSP header.</summary>
    public StaticSiteServer SiteWithoutCsp { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        Prerequisites.RequireChromium();
        Headers = NetlifyHeaders.Rules();
        Output = new ShippedOutput();
        Site = new StaticSiteServer(Output.Output, Headers);
        SiteWithoutCsp = new StaticSiteServer(Output.Output, null);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Prerequisites.Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 30_000,
        });
    }

    /// <summary>A new page in a fresh context, watched for console errors, page errors, CSP violations and failed requests.</summary>
    public async Task<WatchedPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        if (javaScript)
        {
            await context.AddInitScriptAsync(ReportCspViolations);
        }

        return new WatchedPage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        if (SiteWithoutCsp is not null)
        {
            await SiteWithoutCsp.DisposeAsync();
        }

        Output?.Dispose();
    }
}
