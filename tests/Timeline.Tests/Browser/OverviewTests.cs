using System.Globalization;
using System.Text.RegularExpressions;

namespace Timeline.Tests.Browser;

/// <summary>
/// The index's overview chart as a browser draws it: colours with enough contrast (axe-core does not measure
/// graphics), text that stays readable on a narrow phone, and a skip link that passes its links.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OverviewTests
{
    /// <summary>The computed colours of the chart's parts, as "rgb(r, g, b)".</summary>
    private const string Colours = """
        () => {
          const style = selector => getComputedStyle(document.querySelector(selector));
          return {
            page: getComputedStyle(document.body).backgroundColor,
            band: style('.overview-band').fill,
            mark: style('.overview-mark').fill,
            axis: style('.overview-axis').stroke,
            era: style('.overview-era').fill,
            year: style('.overview-year').fill,
            gap: style('.overview-gap').fill,
          };
        }
        """;

    /// <summary>The smallest size, in CSS pixels, at which any text of the chart is drawn.</summary>
    private const string SmallestText = """
        () => {
          const svg = document.querySelector('svg.overview-chart');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
        }
        """;

    private readonly BrowserSite _site;

    public OverviewTests(BrowserSite site)
    {
        _site = site;
    }

    public sealed class ChartColours
    {
        public string Page { get; set; } = "";

        public string Band { get; set; } = "";

        public string Mark { get; set; } = "";

        public string Axis { get; set; } = "";

        public string Era { get; set; } = "";

        public string Year { get; set; } = "";

        public string Gap { get; set; } = "";
    }

    [Fact]
    public async Task Marks_axis_and_text_contrast_with_the_bands_and_the_page()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/"));
        var colours = await watched.Page.EvaluateAsync<ChartColours>(Colours);
        await watched.Page.Locator("svg.overview-chart a").First.FocusAsync();
        var focus = await watched.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineColor");

        // WCAG 2.2 AA: 3:1 for graphics a reader needs (1.4.11), 4.5:1 for text (1.4.3). Rows outside every era sit on the page.
        var problems = new List<string>();
        foreach (var background in new[] { ("band", colours.Band), ("page", colours.Page) })
        {
            Check(problems, "mark", colours.Mark, background, 3);
            Check(problems, "axis", colours.Axis, background, 3);
            Check(problems, "focus outline", focus, background, 3);
            Check(problems, "era title", colours.Era, background, 4.5);
            Check(problems, "year", colours.Year, background, 4.5);
            Check(problems, "gap label", colours.Gap, background, 4.5);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        watched.AssertNoProblems();
    }

    [Theory]
    [InlineData(320)]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task Its_text_is_at_least_11_pixels_at_any_width(int width)
    {
        await using var watched = await _site.NewPageAsync(width: width);
        await watched.GotoAsync(_site.Site.Url("/"));

        var smallest = await watched.Page.EvaluateAsync<double>(SmallestText);

        Assert.True(smallest >= 11, $"At {width} px wide the chart's smallest text is {smallest:F1} px.");
        Assert.False(await watched.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth"), $"The index scrolls sideways at {width} px.");
        watched.AssertNoProblems();
    }

    [Fact]
    public async Task The_skip_link_shows_when_focused_and_passes_the_charts_links()
    {
        await using var watched = await _site.NewPageAsync();
        await watched.GotoAsync(_site.Site.Url("/"));
        var skip = watched.Page.Locator("a.overview-skip");
        Assert.True((await skip.BoundingBoxAsync())?.Width <= 1, "The skip link shows before it is focused.");

        for (var i = 0; i < 40 && !await skip.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await watched.Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"), "Tab never reached the overview's skip link.");
        Assert.True((await skip.BoundingBoxAsync())?.Width > 50, "The focused skip link is not visible.");
        await watched.Page.Keyboard.PressAsync("Enter");
        await watched.Page.Keyboard.PressAsync("Tab");

        Assert.True(
            await watched.Page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.year-nav a')"),
            "After the skip link, Tab does not reach the first year of the year navigation.");
        watched.AssertNoProblems();
    }

    private static void Check(List<string> problems, string what, string colour, (string Name, string Colour) background, double minimum)
    {
        var ratio = Contrast(colour, background.Colour);
        if (ratio < minimum)
        {
            problems.Add($"The {what} ({colour}) has a contrast of {ratio:F2}:1 on the {background.Name} ({background.Colour}); it needs {minimum}:1.");
        }
    }

    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string rgb)
    {
        var match = RgbPattern().Match(rgb);
        Assert.True(match.Success, $"'{rgb}' is not an opaque rgb() colour.");
        var channels = Enumerable.Range(1, 3)
            .Select(i => double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) / 255)
            .Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4))
            .ToArray();
        return (0.2126 * channels[0]) + (0.7152 * channels[1]) + (0.0722 * channels[2]);
    }

    [GeneratedRegex(@"^rgb\((\d+), (\d+), (\d+)\)$")]
    private static partial Regex RgbPattern();
}
