using System.Globalization;
using System.Text;
using Timeline.Languages;
using Timeline.Model;

namespace Timeline.Publishing.Overview;

/// <summary>
/// Writes the overview as inline SVG for the index. Colours come from classes styled in the theme's stylesheet
/// (the CSP refuses style attributes). The chart has no role="img": it holds links, which must stay reachable.
/// Reading order follows the drawing: an era's title, then each year and the links to its events.
/// </summary>
internal static class OverviewSvgWriter
{
    public const string TitleId = "overview-title";

    public const string DescriptionId = "overview-desc";

    public static string Write(OverviewLayout layout, OverviewText text)
    {
        var svg = new StringBuilder();
        var hit = OverviewLayout.Pitch / 2;
        Append(svg, $"<svg class=\"overview-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {layout.Width} {layout.Height}\" width=\"{layout.Width}\" height=\"{layout.Height}\" aria-labelledby=\"{TitleId}\" aria-describedby=\"{DescriptionId}\">\n");
        Append(svg, $"<title id=\"{TitleId}\">{Escape(Title(layout, text))}</title>\n");
        Append(svg, $"<desc id=\"{DescriptionId}\">{Escape(Description(layout, text))}</desc>\n");

        svg.Append("<g aria-hidden=\"true\">\n");
        foreach (var band in layout.Bands)
        {
            Append(svg, $"<rect class=\"overview-band\" x=\"0\" y=\"{band.Top}\" width=\"{layout.Width}\" height=\"{band.Bottom - band.Top}\" rx=\"4\"/>\n");
        }

        foreach (var segment in layout.Axis)
        {
            Append(svg, $"<line class=\"overview-axis\" x1=\"{OverviewLayout.AxisX}\" y1=\"{segment.Top}\" x2=\"{OverviewLayout.AxisX}\" y2=\"{segment.Bottom}\"/>\n");
        }

        foreach (var year in layout.Years)
        {
            Append(svg, $"<line class=\"overview-axis\" x1=\"{OverviewLayout.AxisX - 4}\" y1=\"{year.AxisY}\" x2=\"{OverviewLayout.AxisX + 4}\" y2=\"{year.AxisY}\"/>\n");
        }

        foreach (var cut in layout.Breaks)
        {
            // The usual sign for a cut axis: two parallel slanted strokes across it.
            foreach (var offset in new[] { -4, 4 })
            {
                var middle = cut.Middle + offset;
                Append(svg, $"<line class=\"overview-axis\" x1=\"{OverviewLayout.AxisX - 7}\" y1=\"{middle + 3}\" x2=\"{OverviewLayout.AxisX + 7}\" y2=\"{middle - 3}\"/>\n");
            }
        }

        svg.Append("</g>\n");

        // Titles, years, breaks and marks in the order a reader meets them, top to bottom.
        var pieces = new List<(int Y, int Order, string Markup)>();
        foreach (var band in layout.Bands)
        {
            var lines = band.TitleLines.Zip(band.TitleBaselines, (line, baseline) => Format($"<tspan x=\"{OverviewLayout.BandTitleX}\" y=\"{baseline}\">{Escape(line)}</tspan>"));
            pieces.Add((band.Top, 0, $"<text class=\"overview-era\">{string.Concat(lines)}</text>\n"));
        }

        foreach (var year in layout.Years)
        {
            // A year with events links to its own list, so a reader who cannot tell the marks apart still gets there.
            var label = Format($"<text class=\"overview-year\" x=\"{OverviewLayout.YearLabelX}\" y=\"{year.LabelBaseline}\" text-anchor=\"end\">{text.Digits(year.Year)}</text>");
            var linked = text.YearUrl is { } url && layout.Marks.Any(m => m.Event.Year == year.Year)
                ? Format($"<a class=\"overview-year-link\" href=\"{Escape(url(year.Year))}\">{label}</a>\n")
                : label + "\n";
            pieces.Add((year.Top, 1, linked));
        }

        foreach (var caption in layout.Captions.Where(c => c.Event is null))
        {
            pieces.Add((caption.Baseline - 12, 1, Format($"<text class=\"overview-month\" x=\"{caption.X}\" y=\"{caption.Baseline}\">{Escape(caption.Text)}</text>\n")));
        }

        foreach (var cut in layout.Breaks)
        {
            pieces.Add((cut.Top, 1, Format($"<text class=\"overview-gap\" x=\"{OverviewLayout.GapLabelX}\" y=\"{cut.LabelBaseline}\">{Escape(GapText(cut, text))}</text>\n")));
        }

        var titles = new Dictionary<OverviewEvent, OverviewCaption>(ReferenceEqualityComparer.Instance);
        foreach (var caption in layout.Captions.Where(c => c.Event is not null))
        {
            titles[caption.Event!] = caption;
        }

        foreach (var mark in layout.Marks)
        {
            // A title written out is part of its event's link: it can be read and tapped, not only hovered.
            var written = titles.TryGetValue(mark.Event, out var title)
                ? Format($"<text class=\"overview-title\" x=\"{title.X}\" y=\"{title.Baseline}\">{Escape(title.Text)}</text>")
                : "";
            pieces.Add((mark.Y - hit, 2, Format(
                $"<a href=\"{Escape(mark.Event.Url)}\"><title>{Escape(mark.Event.Name)}</title><rect class=\"overview-target\" x=\"{mark.X - hit}\" y=\"{mark.Y - hit}\" width=\"{OverviewLayout.Pitch}\" height=\"{OverviewLayout.Pitch}\"/><circle class=\"overview-mark\" cx=\"{mark.X}\" cy=\"{mark.Y}\" r=\"{OverviewLayout.MarkRadius}\"/>{written}</a>\n")));
        }

        // A stable sort: marks keep their time order within a row.
        foreach (var piece in pieces.OrderBy(p => p.Y).ThenBy(p => p.Order))
        {
            svg.Append(piece.Markup);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }


    public static string Title(OverviewLayout layout, OverviewText text) => layout.Years.Count == 0
        ? text.Get("overview_title")
        : text.Get("overview_title_years", ("first", text.Digits(layout.Years[0].Year)), ("last", text.Digits(layout.Years[^1].Year)));

    /// <summary>What the chart shows, in words, for those who cannot see it.</summary>

    public static string Description(OverviewLayout layout, OverviewText text)
    {
        var count = layout.Marks.Count;
        var events = text.Get(count == 1 ? "event_count_one" : "event_count_other", ("count", text.Digits(count)));
        var parts = new List<string> { text.Get(layout.Bands.Count > 0 ? "overview_description_eras" : "overview_description", ("events", events)) };
        if (layout.Breaks.Count == 1)
        {
            parts.Add(text.Get("overview_gaps_one", ("range", Range(layout.Breaks[0], text))));
        }
        else if (layout.Breaks.Count > 1)
        {
            var ranges = string.Join(text.Get("list_separator"), layout.Breaks.Take(layout.Breaks.Count - 1).Select(b => Range(b, text)));
            parts.Add(text.Get("overview_gaps_many", ("ranges", ranges), ("last", Range(layout.Breaks[^1], text))));
        }

        parts.Add(text.Get("overview_links"));
        return string.Join(" ", parts);
    }


    public static string GapText(OverviewBreak cut, OverviewText text) => text.Get("overview_gap", ("range", Range(cut, text)));

    private static string Range(OverviewBreak cut, OverviewText text) => $"{text.Digits(cut.FirstYear)}–{text.Digits(cut.LastYear)}";

    private static string Escape(string text) => Html.Encoder.Encode(text);

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder svg, FormattableString text) => svg.Append(Format(text));
}

/// <summary>
/// The overview's words (theme strings by key, with placeholders) and digits in the page's language.
/// </summary>
public sealed record OverviewText(IReadOnlyDictionary<string, string> Strings, Func<int, string> Digits)
{
    /// <summary>The address of a year's own list, which the year's label links to; null draws the labels as plain text.</summary>
    public Func<int, string>? YearUrl { get; init; }

    public string Get(string key, params (string Name, string Value)[] values) => ThemeStrings.Fill(Strings[key], values);
}
