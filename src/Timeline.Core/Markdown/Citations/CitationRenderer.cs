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

    /// <summary>The markers' visible numbers written another way ([۱] for Persian); ids and addresses are kept.</summary>
    public static string WithNumbers(string html, Func<string, string> digits) =>
        MarkerNumber().Replace(html, m => m.Groups[1].Value + digits(m.Groups[2].Value) + "]</a>");

    [GeneratedRegex("(role=\"doc-noteref\">\\[)([0-9]+)\\]</a>")]
    private static partial Regex MarkerNumber();
}
