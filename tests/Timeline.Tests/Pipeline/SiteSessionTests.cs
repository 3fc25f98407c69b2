using Timeline.Model;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Pipeline;

/// <summary>What `timeline serve` holds in memory is what `timeline build` writes, after any sequence of edits.</summary>
public sealed class SiteSessionTests
{
    private static string NewSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        return folder;
    }

    private static BuildOptions Options(string folder) =>
        new(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root };

    /// <summary>Every file the session serves equals the built one, and every built page is served.</summary>
    private static void AssertSameAsBuild(string folder, SiteSnapshot snapshot)
    {
        var output = Path.Combine(folder, "output");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var built = TimelineBuilder.Build(Options(folder));
        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics));
        // Serve builds no search index (Pagefind runs over a written site), so its search page says search is unavailable.
        foreach (var path in snapshot.Paths.Where(p => !p.EndsWith("search/index.html", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(output, path)), $"{path} is served but not built.");
            Assert.True(File.ReadAllBytes(Path.Combine(output, path)).SequenceEqual(snapshot.File(path)!), $"{path} differs from the built file.");
        }

        foreach (var page in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetRelativePath(output, page).Replace('\\', '/'), snapshot.Paths);
        }
    }

    [Fact]
    public void Serves_full_check_renders_every_page_and_finds_what_a_build_finds()
    {
        var folder = NewSite();
        var about = Path.Combine(folder, "input", "pages", "about.md");
        File.AppendAllText(about, "\nSee [a page that is not there](/nowhere/).\n");
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);

        var found = session.Current!.Check(CancellationToken.None);

        var built = TimelineBuilder.Build(Options(folder));
        Assert.False(built.Succeeded);
        Assert.Contains(built.Diagnostics, d => d.Code == "TL0402" && d.Message.Contains("/nowhere/", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Code == "TL0402" && d.Message.Contains("/nowhere/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_build_in_memory_equals_the_built_site()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));

        var result = session.Rebuild();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        AssertSameAsBuild(folder, session.Current!);

        // Serve's full check (rendering every page, checking every link) finds nothing a build does not: the feed
        // every page links to is served too.
        Assert.Empty(session.Current!.Check(CancellationToken.None));
        Assert.NotNull(session.Current!.File("feed.xml"));
    }

    [Fact]
    public void A_change_of_languages_parses_every_record_again_and_page_translations_join_their_page()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "translations"), folder);
        var session = new SiteSession(Options(folder));
        var first = session.Rebuild();
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        AssertSameAsBuild(folder, session.Current!);

        // Without 'fa' in site.yml, every translation (records and about.fa.md) is now an error, as `check` says.
        var site = Path.Combine(folder, "input", "site.yml");
        var text = File.ReadAllText(site);
        File.WriteAllText(site, text.Replace("languages: [en, fa]", "languages: [en]", StringComparison.Ordinal));
        var broken = session.Rebuild([site]);
        var check = TimelineBuilder.Check(Options(folder));
        Assert.False(check.Succeeded);
        Assert.Equal(check.Diagnostics.Select(d => d.ToString()), broken.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(broken.Diagnostics, d => d.ToString().Contains("about.fa.md", StringComparison.Ordinal));

        File.WriteAllText(site, text);
        var mended = session.Rebuild([site]);
        Assert.True(mended.Succeeded, string.Join('\n', mended.Diagnostics));
        Assert.Contains("fa", session.Current!.Site.Pages.Single().Page.Translations.Keys);
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void Edits_additions_and_deletions_rebuild_to_what_a_full_build_makes()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var events = Path.Combine(folder, "input", "events");

        // A title that other pages show (neighbours, lists), so more than the edited page changes.
        var edited = Path.Combine(events, "2020", "letter-sent.yml");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("The letter is sent", "The letter was sent at last", StringComparison.Ordinal));
        Assert.True(session.Rebuild([edited]).Succeeded);
        Assert.Contains("The letter was sent at last", System.Text.Encoding.UTF8.GetString(session.Current!.File("events/letter-sent/index.html")!), StringComparison.Ordinal);
        AssertSameAsBuild(folder, session.Current!);

        var added = Path.Combine(events, "2021", "new-event.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(added)!);
        File.WriteAllText(added, "date: \"2021-01-02\"\ntitle: A new event\nsummary: Added.\nbody: |\n  It links to [[letter-sent]] [@letter-b].\n");
        Assert.True(session.Rebuild([Path.GetDirectoryName(added)!]).Succeeded);
        Assert.NotNull(session.Current!.File("events/new-event/index.html"));
        AssertSameAsBuild(folder, session.Current!);

        File.Delete(added);
        Assert.True(session.Rebuild([added]).Succeeded);
        Assert.Null(session.Current!.File("events/new-event/index.html"));
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void A_broken_record_is_reported_and_the_last_good_site_is_kept_until_it_is_fixed()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var good = session.Current!;
        var path = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        var text = File.ReadAllText(path);

        File.WriteAllText(path, text.Replace("sources: [letter-b]", "sources: [letter-z]", StringComparison.Ordinal));
        var broken = session.Rebuild([path]);

        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0300" && d.Path.EndsWith("letter-sent.yml", StringComparison.Ordinal));
        Assert.Same(good, session.Current);

        // Reported again on the next rebuild, even when another file changed: errors are never cached away.
        var other = Path.Combine(folder, "input", "events", "1988", "first-event.yml");
        File.AppendAllText(other, "\n");
        Assert.Contains(session.Rebuild([other]).Diagnostics, d => d.Code == "TL0300");

        File.WriteAllText(path, text);
        var fixedAgain = session.Rebuild([path]);
        Assert.True(fixedAgain.Succeeded, string.Join('\n', fixedAgain.Diagnostics));
        Assert.True(session.Current!.Version > good.Version);
    }

    [Fact]
    public void A_change_to_a_source_reaches_the_events_that_cite_it()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var sources = Path.Combine(folder, "input", "sources.yml");
        var text = File.ReadAllText(sources);
        Assert.Contains("Publisher B", text, StringComparison.Ordinal);

        File.WriteAllText(sources, text.Replace("Publisher B", "Publisher Renamed", StringComparison.Ordinal));
        Assert.True(session.Rebuild([sources]).Succeeded);

        Assert.Contains("Publisher Renamed", System.Text.Encoding.UTF8.GetString(session.Current!.File("events/letter-sent/index.html")!), StringComparison.Ordinal);
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void A_new_title_reaches_the_events_that_link_to_it_in_every_language()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "translations"), folder);
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var path = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace("title: The letter is sent", "title: The letter was sent at last", StringComparison.Ordinal)
            .Replace("title: نامه فرستاده می‌شود", "title: نامه سرانجام فرستاده شد", StringComparison.Ordinal));

        var result = session.Rebuild([path]);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var linking = session.Current!.Site.Events.Single(e => e.Id == "first-event");
        Assert.Contains("The letter was sent at last", linking.Body.Html, StringComparison.Ordinal);
        Assert.Contains("نامه سرانجام فرستاده شد", linking.TranslatedBodies["fa"].Html, StringComparison.Ordinal);
        Assert.Contains("The letter was sent at last", System.Text.Encoding.UTF8.GetString(session.Current!.File("events/first-event/index.html")!), StringComparison.Ordinal);
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void An_edit_resolves_again_only_the_edited_event_and_those_that_link_to_it()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var before = session.Current!.Site.Events.ToDictionary(e => e.Id);
        var path = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");

        // The body only: the title that first-event's links show is unchanged, so first-event is kept as it was.
        File.WriteAllText(path, File.ReadAllText(path).Replace("The letter was sent", "The letter was sent by post", StringComparison.Ordinal));
        Assert.True(session.Rebuild([path]).Succeeded);
        var afterBody = session.Current!.Site.Events.ToDictionary(e => e.Id);
        Assert.NotSame(before["letter-sent"], afterBody["letter-sent"]);
        Assert.Contains("by post", afterBody["letter-sent"].Body.Html, StringComparison.Ordinal);
        Assert.All(before.Keys.Where(id => id != "letter-sent"), id => Assert.Same(before[id], afterBody[id]));

        // The title: first-event shows it in its links, so it is resolved again; the others are still kept.
        File.WriteAllText(path, File.ReadAllText(path).Replace("title: The letter is sent", "title: The letter went", StringComparison.Ordinal));
        Assert.True(session.Rebuild([path]).Succeeded);
        var afterTitle = session.Current!.Site.Events.ToDictionary(e => e.Id);
        Assert.NotSame(afterBody["first-event"], afterTitle["first-event"]);
        Assert.Contains("The letter went", afterTitle["first-event"].Body.Html, StringComparison.Ordinal);
        Assert.All(before.Keys.Where(id => id is not ("letter-sent" or "first-event")), id => Assert.Same(before[id], afterTitle[id]));
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void A_deleted_event_disappears_and_what_pointed_at_it_is_reported_until_it_is_back()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var good = session.Current!;
        var path = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        var text = File.ReadAllText(path);

        File.Delete(path);
        var broken = session.Rebuild([path]);

        // first-event links to it and lists it as related; 2020-12-published lists it as related.
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0302" && d.Path.EndsWith("first-event.yml", StringComparison.Ordinal));
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0301" && d.Path.EndsWith("2020-12-published.yml", StringComparison.Ordinal));
        Assert.Same(good, session.Current);
        Assert.NotNull(session.Current!.File("events/letter-sent/index.html"));

        // Still reported when the next change is elsewhere: what pointed at the event is not taken as unchanged.
        var other = Path.Combine(folder, "input", "events", "1988", "year-only.yml");
        File.AppendAllText(other, "\n");
        var again = session.Rebuild([other]);
        Assert.Contains(again.Diagnostics, d => d.Code == "TL0302" && d.Path.EndsWith("first-event.yml", StringComparison.Ordinal));
        Assert.Contains(again.Diagnostics, d => d.Code == "TL0301" && d.Path.EndsWith("2020-12-published.yml", StringComparison.Ordinal));

        File.WriteAllText(path, text);
        Assert.True(session.Rebuild([path]).Succeeded);
        AssertSameAsBuild(folder, session.Current!);

        // An event nothing points at goes without a word.
        var alone = Path.Combine(folder, "input", "events", "2021", "alone.yml");
        File.WriteAllText(alone, "date: \"2021-03-04\"\ntitle: Alone\nsummary: Nothing links here.\nbody: |\n  Alone [@letter-b].\n");
        Assert.True(session.Rebuild([alone]).Succeeded);
        Assert.NotNull(session.Current!.File("events/alone/index.html"));
        File.Delete(alone);
        Assert.True(session.Rebuild([alone]).Succeeded);
        Assert.Null(session.Current!.File("events/alone/index.html"));
        Assert.DoesNotContain(session.Current!.Site.Events, e => e.Id == "alone");
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void A_renamed_entity_reaches_the_events_that_name_it()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var entities = Path.Combine(folder, "input", "entities.yml");

        File.WriteAllText(entities, File.ReadAllText(entities).Replace("name: Person One", "name: Person Renamed", StringComparison.Ordinal));
        Assert.True(session.Rebuild([entities]).Succeeded);

        var named = session.Current!.Site.Events.Single(e => e.Id == "letter-sent");
        Assert.Equal("Person Renamed", Assert.Single(named.People).Name);
        Assert.Contains("Person Renamed", System.Text.Encoding.UTF8.GetString(session.Current!.File("events/letter-sent/index.html")!), StringComparison.Ordinal);
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void A_new_site_title_keeps_the_resolved_events_and_a_new_base_path_resolves_them_again()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var before = session.Current!.Site.Events;
        var site = Path.Combine(folder, "input", "site.yml");

        File.WriteAllText(site, File.ReadAllText(site).Replace("title: Test Timeline", "title: Test Timeline Renamed", StringComparison.Ordinal));
        Assert.True(session.Rebuild([site]).Succeeded);
        Assert.All(before.Zip(session.Current!.Site.Events), pair => Assert.Same(pair.First, pair.Second));
        AssertSameAsBuild(folder, session.Current!);

        // Links in the events' bodies hold the base path.
        File.WriteAllText(site, File.ReadAllText(site).Replace("https://example.org/memorial/", "https://example.org/archive/", StringComparison.Ordinal));
        Assert.True(session.Rebuild([site]).Succeeded);
        Assert.Contains("/archive/events/letter-sent/", session.Current!.Site.Events.Single(e => e.Id == "first-event").Body.Html, StringComparison.Ordinal);
        AssertSameAsBuild(folder, session.Current!);
    }
    [Fact]
    public void A_page_an_edit_makes_is_served_and_a_page_an_edit_removes_is_gone()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        Assert.Null(session.Current!.File("tags/new-theme/index.html"));
        Assert.Null(session.Current!.File("years/2019/index.html"));
        var path = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        var text = File.ReadAllText(path);

        // A tag no other event has, and a year no other event falls in.
        File.WriteAllText(path, text.Replace("date: \"2020-09-03\"", "date: \"2019-09-03\"\ntags: [new-theme]", StringComparison.Ordinal));
        Assert.True(session.Rebuild([path]).Succeeded);
        Assert.Contains("The letter is sent", System.Text.Encoding.UTF8.GetString(session.Current!.File("tags/new-theme/index.html")!), StringComparison.Ordinal);
        Assert.Contains("The letter is sent", System.Text.Encoding.UTF8.GetString(session.Current!.File("years/2019/index.html")!), StringComparison.Ordinal);
        Assert.Contains("tags/new-theme/index.html", session.Current!.Paths);
        AssertSameAsBuild(folder, session.Current!);

        File.WriteAllText(path, text);
        Assert.True(session.Rebuild([path]).Succeeded);
        Assert.Null(session.Current!.File("tags/new-theme/index.html"));
        Assert.Null(session.Current!.File("years/2019/index.html"));
        Assert.DoesNotContain("tags/new-theme/index.html", session.Current!.Paths);
        Assert.DoesNotContain("years/2019/index.html", session.Current!.Paths);
        AssertSameAsBuild(folder, session.Current!);
    }

    [Fact]
    public void Pages_are_found_by_their_paths_and_a_path_the_site_has_not_gets_nothing()
    {
        var folder = NewSite();
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var site = session.Current!;

        string[] known =
        [
            "index.html", "404.html", "tags/index.html", "tags/theme-one/index.html", "years/1988/index.html", "events/letter-sent/index.html",
            "events/letter-sent/cite.json", "events/letter-sent/cite.bib", "embed/events/letter-sent/index.html", "people/index.html",
            "people/person-one/index.html", "places/prison-x/index.html", "about/index.html", "events.json", "sources.json", "feed.xml",
        ];
        Assert.All(known, path => Assert.NotNull(site.File(path)));
        Assert.All(known, path => Assert.Contains(path, site.Paths));

        string[] unknown =
        [
            "", "nothing", "events/no-such-event/index.html", "events/letter-sent/other.html", "events/letter-sent/", "events/letter-sent",
            "events//index.html", "embed/events/letter-sent/cite.json", "embed/events/no-such-event/index.html", "tags/no-such-tag/index.html",
            "tags//index.html", "tags/theme-one/index.htm", "years/1700/index.html", "years/88/index.html", "people/no-one/index.html",
            "places/person-one/index.html", "no-such-page/index.html", "fa/index.html", "assets/no-such-file.css",
        ];
        Assert.All(unknown, path => Assert.Null(site.File(path)));
        Assert.All(unknown, path => Assert.DoesNotContain(path, site.Paths));
    }

    [Fact]
    public void Each_language_tree_is_served_under_its_folder_and_the_404_page_only_at_the_root()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "translations"), folder);
        var session = new SiteSession(Options(folder));
        Assert.True(session.Rebuild().Succeeded);
        var site = session.Current!;

        Assert.Contains("lang=\"fa\"", System.Text.Encoding.UTF8.GetString(site.File("fa/events/letter-sent/index.html")!), StringComparison.Ordinal);
        Assert.NotNull(site.File("fa/index.html"));
        Assert.NotNull(site.File("fa/feed.xml"));
        Assert.NotNull(site.File("404.html"));
        Assert.Null(site.File("fa/404.html"));
        Assert.Null(site.File("fa/events/no-such-event/index.html"));
        Assert.Null(site.File("de/index.html"));
    }
}
