using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Rendering;
using Timeline.Views;

namespace Timeline.Pipeline;

/// <summary>
/// Keeps each good site in memory for `timeline serve`: a table of its pages, each rendered when a browser first asks
/// for it (see <see cref="SiteSnapshot"/>). Nothing is written to disk.
/// </summary>
internal sealed class MemorySink : ISiteSink
{
    // Event summaries from the last rebuild, kept for those events that did not change.
    private readonly SummaryCache _summaries = new();
    private int _version;

    /// <summary>The last site published, or null when none has been.</summary>
    public SiteSnapshot? Current { get; private set; }

    public bool Open(PathDisplay display, DiagnosticBag diagnostics) => true;

    public Published Publish(ResolvedSite site, SiteTheme theme, DiagnosticBag diagnostics, PhaseTimings timings)
    {
        // A template that fails on a page fails when the page is asked for; the snapshot keeps what it reports.
        var renderDiagnostics = new DiagnosticBag();
        var pages = new SiteRenderer(theme.Templates!, renderDiagnostics, theme.HasWebFonts).Table(site, searchIndexed: false, _summaries);
        timings.Mark("views");
        Current = new SiteSnapshot(++_version, site, pages, theme.Assets, theme.Templates!, renderDiagnostics);
        timings.Mark("snapshot");

        // Serve writes no file (and lists its pages only when a full check asks for them).
        return new Published(0);
    }
}
