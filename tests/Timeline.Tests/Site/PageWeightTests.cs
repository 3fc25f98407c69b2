using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Timeline.Tests.Site;

/// <summary>
/// Budgets of the shipped site, as Lighthouse would see them (issue 19): an event page and the stylesheet it needs to
/// be drawn come to at most 14 KB gzipped, so the first round trips bring the whole entry; no script blocks rendering.
/// </summary>
public sealed partial class PageWeightTests : IClassFixture<ShippedSiteTests.Shipped>
{
    private const int EventPageBudget = 14 * 1024;

    private readonly string _output;

    public PageWeightTests(ShippedSiteTests.Shipped shipped)
    {
        _output = Path.Combine(shipped.Folder, "output");
    }

    [Fact]
    public void Every_event_page_with_its_stylesheet_is_at_most_14_KB_gzipped()
    {
        var css = Gzipped(Path.Combine(_output, "assets", "style.css"));
        var pages = Directory.EnumerateFiles(_output, "index.html", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}events{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}embed{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Page: Path.GetRelativePath(_output, f), Bytes: Gzipped(f) + css))
            .ToList();

        Assert.True(pages.Count > 60, $"Only {pages.Count} event pages in both languages.");
        var heaviest = pages.MaxBy(p => p.Bytes);
        Assert.True(heaviest.Bytes <= EventPageBudget, $"{heaviest.Page} with style.css is {heaviest.Bytes} bytes gzipped; the budget is {EventPageBudget}.");
    }

    [Fact]
    public void No_page_has_a_script_that_blocks_rendering()
    {
        var blocking = Directory.EnumerateFiles(_output, "*.html", SearchOption.AllDirectories)
            .SelectMany(f => ScriptTag().Matches(File.ReadAllText(f)).Select(m => (Page: Path.GetRelativePath(_output, f), Tag: m.Value)))
            .Where(s => !s.Tag.Contains(" defer", StringComparison.Ordinal) && !s.Tag.Contains("type=\"module\"", StringComparison.Ordinal) && !s.Tag.Contains("application/ld+json", StringComparison.Ordinal))
            .ToList();

        Assert.True(blocking.Count == 0, string.Join('\n', blocking.Take(10).Select(b => $"{b.Page}: {b.Tag}")));
    }

    private static int Gzipped(string file)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var bytes = File.ReadAllBytes(file);
            gzip.Write(bytes);
        }

        return (int)buffer.Length;
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
