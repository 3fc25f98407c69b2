using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Pipeline;

/// <summary>What `timeline serve` holds in memory is what `timeline build` writes, after any sequence of edits.</summary>
public sealed class SiteSessionTests
{
    private const string LetterSent = "input/events/2020/letter-sent.yml";

    [Fact]
    public void Serves_full_check_renders_every_page_and_finds_what_a_build_finds()
    {
        var site = ServedSite.Copy("valid/basic");
        site.Append("input/pages/about.md", "\nSee [a page that is not there](/nowhere/).\n");
        Assert.True(site.Rebuild().Succeeded);

        var found = site.Current.Check(CancellationToken.None);

        var built = TimelineBuilder.Build(site.Options);
        Assert.False(built.Succeeded);
        Assert.Contains(built.Diagnostics, d => d.Code == "TL0402" && d.Message.Contains("/nowhere/", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Code == "TL0402" && d.Message.Contains("/nowhere/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_build_in_memory_equals_the_built_site()
    {
        var site = ServedSite.Copy("valid/basic");

        var result = site.Rebuild();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        site.AssertSameAsBuild();

        // Serve's full check (rendering every page, checking every link) finds nothing a build does not: the feed
        // every page links to is served too.
        Assert.Empty(site.Current.Check(CancellationToken.None));
        Assert.NotNull(site.Current.File("feed.xml"));
    }

    [Fact]
    public void A_change_of_languages_parses_every_record_again_and_page_translations_join_their_page()
    {
        var site = ServedSite.Start("valid/translations");
        site.AssertSameAsBuild();

        // Without 'fa' in site.yml, every translation (records and about.fa.md) is now an error, as `check` says.
        var text = site.Read("input/site.yml");
        var broken = site.Replace("input/site.yml", "languages: [en, fa]", "languages: [en]").Rebuild();
        var check = TimelineBuilder.Check(site.Options);
        Assert.False(check.Succeeded);
        Assert.Equal(check.Diagnostics.Select(d => d.ToString()), broken.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(broken.Diagnostics, d => d.ToString().Contains("about.fa.md", StringComparison.Ordinal));

        site.Edit("input/site.yml", text).Rebuilt();
        Assert.Contains("fa", site.Current.Site.Pages.Single().Page.Translations.Keys);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void Edits_additions_and_deletions_rebuild_to_what_a_full_build_makes()
    {
        var site = ServedSite.Start();

        // A title that other pages show (neighbours, lists), so more than the edited page changes.
        site.Replace(LetterSent, "The letter is sent", "The letter was sent at last").Rebuilt();
        Assert.Contains("The letter was sent at last", site.Page("events/letter-sent/index.html"), StringComparison.Ordinal);
        site.AssertSameAsBuild();

        // Made in a new folder: the watcher reports the folder.
        site.Edit("input/events/2021/new-event.yml", "date: \"2021-01-02\"\ntitle: A new event\nsummary: Added.\nbody: |\n  It links to [[letter-sent]] [@letter-b].\n")
            .Rebuilt("input/events/2021");
        Assert.NotNull(site.Current.File("events/new-event/index.html"));
        site.AssertSameAsBuild();

        site.Delete("input/events/2021/new-event.yml").Rebuilt();
        Assert.Null(site.Current.File("events/new-event/index.html"));
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_broken_record_is_reported_and_the_last_good_site_is_kept_until_it_is_fixed()
    {
        var site = ServedSite.Start();
        var good = site.Current;
        var text = site.Read(LetterSent);

        var broken = site.Replace(LetterSent, "sources: [letter-b]", "sources: [letter-z]").Rebuild();

        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0300" && d.Path.EndsWith("letter-sent.yml", StringComparison.Ordinal));
        Assert.Same(good, site.Current);

        // Reported again on the next rebuild, even when another file changed: errors are never cached away.
        Assert.Contains(site.Append("input/events/1988/first-event.yml", "\n").Rebuild().Diagnostics, d => d.Code == "TL0300");

        site.Edit(LetterSent, text).Rebuilt();
        Assert.True(site.Current.Version > good.Version);
    }

    [Fact]
    public void A_change_to_a_source_reaches_the_events_that_cite_it()
    {
        var site = ServedSite.Start();

        site.Replace("input/sources.yml", "Publisher B", "Publisher Renamed").Rebuilt();

        Assert.Contains("Publisher Renamed", site.Page("events/letter-sent/index.html"), StringComparison.Ordinal);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_new_title_reaches_the_events_that_link_to_it_in_every_language()
    {
        var site = ServedSite.Start("valid/translations");
        site.Edit(LetterSent, site.Read(LetterSent)
            .Replace("title: The letter is sent", "title: The letter was sent at last", StringComparison.Ordinal)
            .Replace("title: نامه فرستاده می‌شود", "title: نامه سرانجام فرستاده شد", StringComparison.Ordinal));

        site.Rebuilt();

        var linking = site.Current.Site.Events.Single(e => e.Id == "first-event");
        Assert.Contains("The letter was sent at last", linking.Body.Html, StringComparison.Ordinal);
        Assert.Contains("نامه سرانجام فرستاده شد", linking.TranslatedBodies["fa"].Html, StringComparison.Ordinal);
        Assert.Contains("The letter was sent at last", site.Page("events/first-event/index.html"), StringComparison.Ordinal);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void An_edit_resolves_again_only_the_edited_event_and_those_that_link_to_it()
    {
        var site = ServedSite.Start();
        var before = site.Current.Site.Events.ToDictionary(e => e.Id);

        // The body only: the title that first-event's links show is unchanged, so first-event is kept as it was.
        site.Replace(LetterSent, "The letter was sent", "The letter was sent by post").Rebuilt();
        var afterBody = site.Current.Site.Events.ToDictionary(e => e.Id);
        Assert.NotSame(before["letter-sent"], afterBody["letter-sent"]);
        Assert.Contains("by post", afterBody["letter-sent"].Body.Html, StringComparison.Ordinal);
        Assert.All(before.Keys.Where(id => id != "letter-sent"), id => Assert.Same(before[id], afterBody[id]));

        // The title: first-event shows it in its links, so it is resolved again; the others are still kept.
        site.Replace(LetterSent, "title: The letter is sent", "title: The letter went").Rebuilt();
        var afterTitle = site.Current.Site.Events.ToDictionary(e => e.Id);
        Assert.NotSame(afterBody["first-event"], afterTitle["first-event"]);
        Assert.Contains("The letter went", afterTitle["first-event"].Body.Html, StringComparison.Ordinal);
        Assert.All(before.Keys.Where(id => id is not ("letter-sent" or "first-event")), id => Assert.Same(before[id], afterTitle[id]));
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_deleted_event_disappears_and_what_pointed_at_it_is_reported_until_it_is_back()
    {
        var site = ServedSite.Start();
        var good = site.Current;
        var text = site.Read(LetterSent);

        var broken = site.Delete(LetterSent).Rebuild();

        // first-event links to it and lists it as related; 2020-12-published lists it as related.
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0302" && d.Path.EndsWith("first-event.yml", StringComparison.Ordinal));
        Assert.Contains(broken.Diagnostics, d => d.Code == "TL0301" && d.Path.EndsWith("2020-12-published.yml", StringComparison.Ordinal));
        Assert.Same(good, site.Current);
        Assert.NotNull(site.Current.File("events/letter-sent/index.html"));

        // Still reported when the next change is elsewhere: what pointed at the event is not taken as unchanged.
        var again = site.Append("input/events/1988/year-only.yml", "\n").Rebuild();
        Assert.Contains(again.Diagnostics, d => d.Code == "TL0302" && d.Path.EndsWith("first-event.yml", StringComparison.Ordinal));
        Assert.Contains(again.Diagnostics, d => d.Code == "TL0301" && d.Path.EndsWith("2020-12-published.yml", StringComparison.Ordinal));

        site.Edit(LetterSent, text).Rebuilt();
        site.AssertSameAsBuild();

        // An event nothing points at goes without a word.
        site.Edit("input/events/2021/alone.yml", "date: \"2021-03-04\"\ntitle: Alone\nsummary: Nothing links here.\nbody: |\n  Alone [@letter-b].\n").Rebuilt();
        Assert.NotNull(site.Current.File("events/alone/index.html"));
        site.Delete("input/events/2021/alone.yml").Rebuilt();
        Assert.Null(site.Current.File("events/alone/index.html"));
        Assert.DoesNotContain(site.Current.Site.Events, e => e.Id == "alone");
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_renamed_entity_reaches_the_events_that_name_it()
    {
        var site = ServedSite.Start();

        site.Replace("input/entities.yml", "name: Person One", "name: Person Renamed").Rebuilt();

        var named = site.Current.Site.Events.Single(e => e.Id == "letter-sent");
        Assert.Equal("Person Renamed", Assert.Single(named.People).Name);
        Assert.Contains("Person Renamed", site.Page("events/letter-sent/index.html"), StringComparison.Ordinal);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_new_site_title_keeps_the_resolved_events_and_a_new_base_path_resolves_them_again()
    {
        var site = ServedSite.Start();
        var before = site.Current.Site.Events;

        site.Replace("input/site.yml", "title: Test Timeline", "title: Test Timeline Renamed").Rebuilt();
        Assert.All(before.Zip(site.Current.Site.Events), pair => Assert.Same(pair.First, pair.Second));
        site.AssertSameAsBuild();

        // Links in the events' bodies hold the base path.
        site.Replace("input/site.yml", "https://example.org/memorial/", "https://example.org/archive/").Rebuilt();
        Assert.Contains("/archive/events/letter-sent/", site.Current.Site.Events.Single(e => e.Id == "first-event").Body.Html, StringComparison.Ordinal);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void A_page_an_edit_makes_is_served_and_a_page_an_edit_removes_is_gone()
    {
        var site = ServedSite.Start();
        Assert.Null(site.Current.File("tags/new-theme/index.html"));
        Assert.Null(site.Current.File("years/2019/index.html"));
        var text = site.Read(LetterSent);

        // A tag no other event has, and a year no other event falls in.
        site.Replace(LetterSent, "date: \"2020-09-03\"", "date: \"2019-09-03\"\ntags: [new-theme]").Rebuilt();
        Assert.Contains("The letter is sent", site.Page("tags/new-theme/index.html"), StringComparison.Ordinal);
        Assert.Contains("The letter is sent", site.Page("years/2019/index.html"), StringComparison.Ordinal);
        Assert.Contains("tags/new-theme/index.html", site.Current.Paths);
        site.AssertSameAsBuild();

        site.Edit(LetterSent, text).Rebuilt();
        Assert.Null(site.Current.File("tags/new-theme/index.html"));
        Assert.Null(site.Current.File("years/2019/index.html"));
        Assert.DoesNotContain("tags/new-theme/index.html", site.Current.Paths);
        Assert.DoesNotContain("years/2019/index.html", site.Current.Paths);
        site.AssertSameAsBuild();
    }

    [Fact]
    public void Pages_are_found_by_their_paths_and_a_path_the_site_has_not_gets_nothing()
    {
        var site = ServedSite.Start().Current;

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
        var site = ServedSite.Start("valid/translations").Current;

        Assert.Contains("lang=\"fa\"", System.Text.Encoding.UTF8.GetString(site.File("fa/events/letter-sent/index.html")!), StringComparison.Ordinal);
        Assert.NotNull(site.File("fa/index.html"));
        Assert.NotNull(site.File("fa/feed.xml"));
        Assert.NotNull(site.File("404.html"));
        Assert.Null(site.File("fa/404.html"));
        Assert.Null(site.File("fa/events/no-such-event/index.html"));
        Assert.Null(site.File("de/index.html"));
    }
}
