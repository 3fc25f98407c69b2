using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Renderers;
using Timeline.Model;

namespace Timeline.Markdown.Citations;

/// <summary>Writes a citation group as numbered note markers that link to the notes list.</summary>
internal sealed class CitationRenderer : HtmlObjectRenderer<CitationGroup>
{
    protected override void Write(HtmlRenderer renderer, CitationGroup group) =>
        renderer.Write(NoteMarkup.Markers(group.Markers));
}

/// <summary>The HTML of note markers, shared by citations in text and by an entry's own sources.</summary>
internal static partial class NoteMarkup
{
    public static string Markers(IEnumerable<NoteMarker> markers)
    {
        var links = markers.Select(m => string.Create(
            CultureInfo.InvariantCulture,
            $"<a href=\"#{SiteUrls.NoteId(m.Number)}\" id=\"{m.RefId}\" role=\"doc-noteref\">[{m.Number}]</a>"));
        return "<sup class=\"noteref\">" + string.Concat(links) + "</sup>";
    }

    /// <summary>Each group of markers in rendered HTML replaced by what <paramref name="write"/> makes of its markers.</summary>
    public static string Rewrite(string html, Func<IReadOnlyList<NoteMarker>, string> write) =>
        html.Contains("role=\"doc-noteref\"", StringComparison.Ordinal)
            ? MarkerGroup().Replace(html, group => write(MarkerLink().Matches(group.Value)
                .Select(m => new NoteMarker(int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture), m.Groups[2].Value))
                .ToList()))
            : html;

    /// <summary>The markers' visible numbers written another way ([۱] for Persian); ids and addresses are kept.</summary>
    public static string WithNumbers(string html, Func<string, string> digits) =>
        MarkerNumber().Replace(html, m => m.Groups[1].Value + digits(m.Groups[2].Value) + "]</a>");

    [GeneratedRegex("(role=\"doc-noteref\">\\[)([0-9]+)\\]</a>")]
    private static partial Regex MarkerNumber();

    [GeneratedRegex("<sup class=\"noteref\">(?:<a href=\"#note-[0-9]+\" id=\"[^\"]*\" role=\"doc-noteref\">\\[[0-9]+\\]</a>)+</sup>")]
    private static partial Regex MarkerGroup();

    [GeneratedRegex("<a href=\"#note-([0-9]+)\" id=\"([^\"]*)\" role=\"doc-noteref\">")]
    private static partial Regex MarkerLink();
}
