using System.Xml.Linq;

namespace Timeline.Tests.Support;

/// <summary>The index's overview chart, read as XML: it must be well-formed on its own.</summary>
public sealed class OverviewSvg
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private OverviewSvg(XElement root)
    {
        Root = root;
    }

    public XElement Root { get; }

    /// <summary>Every event's link: its href and its accessible name (its title child), in document order.</summary>
    public IReadOnlyList<(string Href, string Name)> Links => Root.Descendants(Svg + "a")
        .Where(a => (string?)a.Attribute("class") != "overview-year-link")
        .Select(a => ((string?)a.Attribute("href") ?? "", a.Element(Svg + "title")?.Value ?? ""))
        .ToList();

    /// <summary>The years' links to their lists: the year as written and the href, in document order.</summary>
    public IReadOnlyList<(string Year, string Href)> YearLinks => Root.Descendants(Svg + "a")
        .Where(a => (string?)a.Attribute("class") == "overview-year-link")
        .Select(a => (a.Value, (string?)a.Attribute("href") ?? ""))
        .ToList();

    public IEnumerable<string> Texts => Root.Descendants(Svg + "text").Select(t => t.Value);

    /// <summary>Finds the one overview chart in the page and parses it; fails the test if there is none or more than one.</summary>
    public static OverviewSvg FromPage(string html)
    {
        const string chart = "<svg class=\"overview-chart\"";
        var start = html.IndexOf(chart, StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no overview chart.");
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
        Assert.True(html.IndexOf(chart, end, StringComparison.Ordinal) < 0, "The page has more than one overview chart.");
        return new OverviewSvg(XElement.Parse(html[start..end]));
    }

    /// <summary>The text of the element the svg's attribute points at (aria-labelledby, aria-describedby).</summary>
    public string Referenced(string attribute)
    {
        var id = (string?)Root.Attribute(attribute);
        Assert.False(string.IsNullOrEmpty(id), $"The svg has no {attribute}.");
        var target = Root.Descendants().SingleOrDefault(e => (string?)e.Attribute("id") == id);
        Assert.True(target is not null, $"{attribute} points at '{id}', which is not in the svg.");
        return target.Value;
    }
}
