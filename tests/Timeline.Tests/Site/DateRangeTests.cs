using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// Dates run from the first day of the Solar Hijri calendar (0622-03-22), in which every date is also shown, to
/// 9999-12-31. The ends build into every page, feed and chart; what lies before is an error at its value.
/// </summary>
public sealed class DateRangeTests
{
    private const string Site = "title: T\ndescription: D\nbase_url: https://example.org\nlanguages: [en, fa]\n";

    [Fact]
    public void Dates_at_both_ends_of_the_range_build_and_are_written_in_both_calendars()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n  date: \"0622-04\"\n  accessed: \"9999-12-31\"\n",
            ["input/eras.yml"] = "- id: all\n  title: All\n  start: \"0623\"\n  end: \"9999\"\n",
            ["input/events/first.yml"] = "date: \"0622-03-22\"\nend: \"9999-12-31\"\ntitle: First\nsummary: S\nsources: [a]\n",
            ["input/events/last.yml"] = "date: \"9999-12-31\"\ntitle: Last\nsummary: S\nsources: [a]\n",
        });

        site.AssertSucceeded();
        site.AssertFileContains("events/last/index.html", "13 Dey 9378 SH");
        site.AssertFileContains("fa/events/last/index.html", "۱۳ دی ۹۳۷۸");
        site.AssertFileContains("fa/events/first/index.html", "۱ فروردین ۱");
        site.AssertFileContains("feed.xml", "9999-12-31");
    }

    [Fact]
    public void A_date_before_the_calendar_is_an_error_at_its_value()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = Site,
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"0621\"\ntitle: T\nsummary: S\nsources: [a]\n",
        });

        Assert.Equal(
            "input/events/e.yml:1:7: error TL0213: 'date' is '0621', outside the dates a site can show: from 0622-03-22, the first day of the Solar Hijri calendar in which every date is also shown, to 9999-12-31. A year or a month must start inside that range, so the earliest year is 0623 and the earliest month 0622-04; check the year.",
            site.SingleError().ToString());
        Assert.False(Directory.Exists(site.Output));
    }
}
