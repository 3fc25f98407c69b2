using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>`sort` places an event within its own period: it orders every list, and the date shown stays the record's.</summary>
public sealed class SortOrderTests
{
    private const string Site = "title: T\ndescription: D\nbase_url: https://example.org\n";
    private const string Sources = "- id: a\n  title: A\n  publisher: P\n  kind: report\n";

    private static TestSite Build(string? sort) => TestSite.FromFiles(new Dictionary<string, string>
    {
        ["input/site.yml"] = Site,
        ["input/sources.yml"] = Sources,
        ["input/events/fatwa.yml"] = "date: \"1988-07-19\"\ntitle: The fatwa\nsummary: S\nsources: [a]\n",
        ["input/events/executions.yml"] = "date: \"1988-07\"\nend: \"1988-09\"\n" + (sort is null ? "" : $"sort: \"{sort}\"\n") + "title: The executions\nsummary: S\nsources: [a]\n",
        ["input/events/evin.yml"] = "date: \"1988-07-27\"\ntitle: Evin\nsummary: S\nsources: [a]\n",
    });

    private static List<string> Order(TestSite site, string page)
    {
        var html = site.Read(page);
        return new[] { "/events/fatwa/", "/events/executions/", "/events/evin/" }
            .OrderBy(url => html.IndexOf($"href=\"{url}\"", StringComparison.Ordinal))
            .Select(url => url.Split('/')[2])
            .ToList();
    }

    [Fact]
    public void Without_sort_an_event_dated_by_its_month_comes_before_the_days_of_that_month()
    {
        using var site = Build(null);

        site.AssertSucceeded();
        Assert.Equal(["executions", "fatwa", "evin"], Order(site, "index.html"));
    }

    [Fact]
    public void Sort_places_the_event_among_the_days_of_its_period_in_every_list_and_in_previous_and_next()
    {
        using var site = Build("1988-07-20");

        site.AssertSucceeded();
        Assert.Equal(["fatwa", "executions", "evin"], Order(site, "index.html"));
        Assert.Equal(["fatwa", "executions", "evin"], Order(site, "years/1988/index.html"));
        site.AssertFileContains("events/executions/index.html", "<a href=\"/events/fatwa/\" rel=\"prev\">");
        site.AssertFileContains("events/executions/index.html", "<a href=\"/events/evin/\" rel=\"next\">");

        // The date shown is still the record's: July to September 1988, not 20 July.
        var page = site.Read("events/executions/index.html");
        Assert.Contains("July", page[..page.IndexOf("<h1", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("20 July", page, StringComparison.Ordinal);
    }
}
