using Timeline.Diagnostics;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Pipeline;

/// <summary>
/// `timeline check` and `timeline serve` go one road (<see cref="SitePipeline"/>) with two sinks: for the same input
/// they report the same lines and make the same pages, whether serve read the site whole or was brought to it by edits.
/// </summary>
public sealed class BuildAndServeAgreeTests
{
    /// <summary>Broken sites of every phase: a missing file, a folder that is a file, bytes, YAML, records, references, templates, links.</summary>
    public static TheoryData<string> BrokenSites() =>
    [
        "missing-site-yml", "missing-sources-yml", "events-is-a-file", "not-utf8", "malformed-yaml", "duplicate-event-id",
        "unknown-source-in-citation", "page-translation-unknown-language", "i18n-language-without-strings", "liquid-syntax-error",
        "share-image-bad-values", "broken-link-in-event-body", "broken-link-in-template", "several-errors-at-once",
    ];

    [Theory]
    [MemberData(nameof(BrokenSites))]
    public void Serve_reports_what_check_reports_for_a_broken_site(string name)
    {
        var site = ServedSite.Copy(Path.Combine("invalid", name));

        var served = Served(site, site.Rebuild());
        var checkedLines = Lines(TimelineBuilder.Check(site.Options).Diagnostics);

        Assert.NotEmpty(checkedLines);
        Assert.Equal(checkedLines, served);
    }

    /// <summary>Edits that break a good site, each told to serve as its watcher would tell it.</summary>
    public static TheoryData<string> BreakingEdits() =>
    [
        "delete site.yml", "delete sources.yml", "events become a file", "an event not in UTF-8", "an id twice", "an unknown source",
        "a translation into a language the site has not", "a link to nowhere",
    ];

    [Theory]
    [MemberData(nameof(BreakingEdits))]
    public void Serve_brought_to_a_broken_site_by_an_edit_reports_what_check_reports(string edit)
    {
        var site = ServedSite.Start();
        var changed = Break(site, edit);

        var served = Served(site, site.Rebuild(changed));
        var checkedLines = Lines(TimelineBuilder.Check(site.Options).Diagnostics);

        Assert.NotEmpty(checkedLines);
        Assert.Equal(checkedLines, served);
    }

    [Theory]
    [InlineData("valid/basic")]
    [InlineData("valid/translations")]
    [InlineData("valid/bom-and-crlf")]
    public void Serve_makes_the_pages_build_writes(string fixture)
    {
        var site = ServedSite.Start(fixture);

        site.AssertSameAsBuild();
        Assert.Empty(site.Current.Check(CancellationToken.None));
    }

    /// <summary>
    /// Serve keeps the last time order and uses it again while every event's date is as it was: a title edit keeps
    /// it, and an event moved in time, given the same day as another, or the same date precision, is placed as a build places it.
    /// </summary>
    [Fact]
    public void Serve_places_events_moved_in_time_where_build_does()
    {
        const string Letter = "input/events/2020/letter-sent.yml";
        var site = ServedSite.Start();
        Assert.Equal("letter-sent", Order(site)[^3]);

        site.Replace(Letter, "title: The letter is sent", "title: The letter is sent, renamed").Rebuilt();
        site.AssertSameAsBuild();

        site.Replace(Letter, "date: \"2020-09-03\"", "date: \"1987\"").Rebuilt();
        Assert.Equal("letter-sent", Order(site)[0]);
        site.AssertSameAsBuild();

        // The same first day as the first event, a coarser date: it comes first.
        site.Replace(Letter, "date: \"1987\"", "date: \"1988-07\"").Rebuilt();
        site.AssertSameAsBuild();
        site.Replace(Letter, "date: \"1988-07\"", "date: \"2030-01-01\"").Rebuilt();
        Assert.Equal("letter-sent", Order(site)[^1]);
        site.AssertSameAsBuild();
    }

    private static List<string> Order(ServedSite site) => site.Current.Site.Events.Select(e => e.Id).ToList();

    /// <summary>What serve reports for a rebuild: its lines, and when it succeeded, its full check's (every page rendered, every link checked).</summary>
    private static IReadOnlyList<string> Served(ServedSite site, BuildResult result)
    {
        var all = new DiagnosticBag();
        foreach (var diagnostic in result.Diagnostics.Concat(result.Succeeded ? site.Current.Check(CancellationToken.None) : []))
        {
            all.Add(diagnostic);
        }

        return Lines(all.Sorted());
    }

    private static IReadOnlyList<string> Lines(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).ToList();

    /// <summary>Makes the edit and returns the paths the watcher reports for it.</summary>
    private static string[] Break(ServedSite site, string edit)
    {
        switch (edit)
        {
            case "delete site.yml":
                site.Delete("input/site.yml");
                return [];
            case "delete sources.yml":
                site.Delete("input/sources.yml");
                return [];
            case "events become a file":
                Directory.Delete(site.FullPath("input/events"), recursive: true);
                File.WriteAllText(site.FullPath("input/events"), "date: \"2020\"\n");
                return ["input/events"];
            case "an event not in UTF-8":
                File.WriteAllBytes(site.FullPath("input/events/2020/letter-sent.yml"), [.. "title: caf"u8, 0xE9, .. "\n"u8]);
                return ["input/events/2020/letter-sent.yml"];
            case "an id twice":
                site.Edit("input/events/2021/letter-sent.yml", site.Read("input/events/2020/letter-sent.yml"));
                return ["input/events/2021"];
            case "an unknown source":
                site.Replace("input/events/2020/letter-sent.yml", "sources: [letter-b]", "sources: [letter-z]");
                return [];
            case "a translation into a language the site has not":
                site.Edit("input/pages/about.de.md", "---\ntitle: Über\n---\nText.\n");
                return [];
            default:
                site.Append("input/pages/about.md", "\nSee [a page that is not there](/nowhere/).\n");
                return [];
        }
    }
}
