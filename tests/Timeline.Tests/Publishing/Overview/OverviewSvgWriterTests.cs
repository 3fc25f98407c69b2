using System.Globalization;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Publishing.Overview;

public sealed class OverviewSvgWriterTests
{
    private static readonly OverviewSection[] Sections =
    [
        new("The killings", 1988, 1988, [new("/m/events/a/", "19 July 1988: The first event", 1988), new("/m/events/b/", "c. 1988: \"Quoted\" <b>&</b> it's", 1988)]),
        new(null, null, null, [new("/m/events/c/", "2020: Later", 2020)]),
    ];

    private static string Write() => OverviewSvgWriter.Write(OverviewLayout.Compute(Sections, new OverviewOptions()), EnglishTheme.Overview);

    [Fact]
    public void The_chart_is_well_formed_with_a_title_a_description_and_a_named_link_per_event()
    {
        var svg = OverviewSvg.FromPage(Write());

        Assert.Null(svg.Root.Attribute("role"));
        Assert.Equal("Overview of the timeline, 1988 to 2020", svg.Referenced("aria-labelledby"));
        Assert.Equal(
            "3 events, one mark per event, in rows by year under the periods of the timeline. The years 1989–2019 have no events recorded and are drawn shortened. Each mark links to its event and each year to its list; the list below gives every event in full.",
            svg.Referenced("aria-describedby"));
        Assert.Equal(
            [("/m/events/a/", "19 July 1988: The first event"), ("/m/events/b/", "c. 1988: \"Quoted\" <b>&</b> it's"), ("/m/events/c/", "2020: Later")],
            svg.Links);
        Assert.Contains("The killings", svg.Texts);
        Assert.Contains("1989–2019: no events recorded", svg.Texts);
    }

    [Fact]
    public void Text_is_escaped_and_colours_come_from_classes_not_style_attributes()
    {
        var markup = Write();

        Assert.DoesNotContain("<b>", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("fill=", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_and_its_marks_follow_their_eras_title_in_reading_order()
    {
        var svg = OverviewSvg.FromPage(Write());
        var order = svg.Root.Elements().Where(e => e.Name.LocalName is "text" or "a")
            .Select(e => e.Name.LocalName == "a" ? (string)e.Attribute("href")! : e.Value)
            .ToList();

        Assert.Equal(["The killings", "1988", "/m/events/a/", "/m/events/b/", "1989–2019: no events recorded", "2020", "/m/events/c/"], order);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fa-IR")]
    [InlineData("ar-SA")]
    public void The_markup_is_the_same_in_every_culture(string culture)
    {
        var expected = Write();
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Write());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
