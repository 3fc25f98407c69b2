using System.Text.RegularExpressions;
using Timeline.Model;
using Timeline.Tests.Support;

namespace Timeline.Tests.Loading;

/// <summary>
/// Translations are read beside the records they translate (Sites/valid/translations is Sites/valid/basic with a
/// Persian translation of each kind of record) and resolved as their originals are, ready for the renderer.
/// </summary>
public sealed class TranslationTests : IDisposable
{
    private const char Zwnj = '\u200C';

    private readonly TestSite _site = TestSite.Build("valid/translations");

    private ResolvedSite Resolved => _site.Result.Site!;

    public void Dispose() => _site.Dispose();

    [Fact]
    public void A_site_with_translations_builds_without_errors_or_warnings() =>
        _site.AssertSucceeded();

    [Fact]
    public void Site_yml_lists_the_default_language_first_and_translates_the_title()
    {
        Assert.Equal("en", Resolved.Site.Language);
        Assert.Equal(["en", "fa"], Resolved.Site.Languages);
        Assert.Equal(["fa"], Resolved.Site.OtherLanguages);
        Assert.Equal($"گاه{Zwnj}شمار آزمایشی", Resolved.Site.Translations["fa"].Title);
    }

    [Fact]
    public void A_site_with_only_language_has_that_one_language()
    {
        using var basic = TestSite.Build("valid/basic");

        Assert.Equal(["en"], basic.Result.Site!.Site.Languages);
        Assert.Empty(basic.Result.Site.Site.OtherLanguages);
        Assert.Empty(basic.Result.Site.Site.Translations);
    }

    [Fact]
    public void The_first_of_languages_is_the_default_when_language_is_not_written()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\nlanguages: [fa, en]\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: عنوان\nsummary: خلاصه\nsources: [a]\ntranslations:\n  en:\n    title: Title\n    summary: Summary\n",
        });

        Assert.True(site.Result.Succeeded, string.Join('\n', site.Errors));
        Assert.Equal("fa", site.Result.Site!.Site.Language);
        Assert.Equal("Title", site.Result.Site.Events[0].Event.Translations["en"].Title);
    }

    [Fact]
    public void An_event_translation_keeps_its_title_summary_and_body()
    {
        var translation = Event("first-event").Event.Translations["fa"];

        Assert.Equal("نخستین رویداد", translation.Title);
        Assert.Contains($"گزارش{Zwnj}ها", translation.Summary, StringComparison.Ordinal);
        // A build lets go of the Markdown once rendered (see BuildMemoryTests); serve keeps it.
        var served = ServedSite.Start("valid/translations").Current.Site.Events.Single(e => e.Id == "first-event");
        Assert.StartsWith("نخستین ادعا [@report-a, p. 12].", served.Event.Translations["fa"].Body.Text, StringComparison.Ordinal);
        Assert.StartsWith("<p>نخستین ادعا", Event("first-event").TranslatedBodies["fa"].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_body_numbers_its_notes_as_the_original_does()
    {
        var e = Event("first-event");
        var persian = e.TranslatedBodies["fa"];

        Assert.Equal(e.Body.Notes.Select(n => (n.Number, n.Source.Id, n.Locator)), persian.Notes.Select(n => (n.Number, n.Source.Id, n.Locator)));
        Assert.Contains("href=\"#note-1\"", persian.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_links_in_a_translation_go_to_that_language_and_show_its_title()
    {
        var html = Event("first-event").TranslatedBodies["fa"].Html;

        Assert.Contains("href=\"/memorial/fa/events/letter-sent/\"", html, StringComparison.Ordinal);
        Assert.Contains($"نامه فرستاده می{Zwnj}شود</a>", html, StringComparison.Ordinal);
        Assert.Contains("آن نامه</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/memorial/events/", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_without_a_body_leaves_the_body_to_the_original() =>
        Assert.Empty(Event("letter-sent").TranslatedBodies);

    [Fact]
    public void Eras_entities_and_pages_carry_their_translations()
    {
        var era = Assert.Single(Resolved.Eras);
        Assert.Equal("کشتارها", era.Translations["fa"].Title);

        var person = Resolved.Entities.Single(e => e.Entity.Id == "person-one");
        Assert.Equal("شخص یکم", person.Entity.Translations["fa"].Name);
        Assert.Contains("در دو رویداد آمده است", person.TranslatedSummaries["fa"].Html, StringComparison.Ordinal);
        Assert.Equal("article-c", Assert.Single(person.TranslatedSummaries["fa"].Notes).Source.Id);

        var page = Assert.Single(Resolved.Pages);
        Assert.Equal("about", page.Page.Id);
        Assert.Equal("درباره", page.Page.Translations["fa"].Title);
        Assert.Contains("href=\"/memorial/fa/events/first-event/\"", page.TranslatedBodies["fa"].Html, StringComparison.Ordinal);
        Assert.Contains(">نخستین رویداد</a>", page.TranslatedBodies["fa"].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Translations_do_not_change_what_the_default_language_renders()
    {
        using var basic = TestSite.Build("valid/basic");
        var original = basic.Result.Site!;

        Assert.Equal(original.Events.Select(e => e.Body.Html), Resolved.Events.Select(e => e.Body.Html));
        Assert.Equal(original.Entities.Select(e => e.Summary.Html), Resolved.Entities.Select(e => e.Summary.Html));
        Assert.Equal(original.Pages.Select(p => p.Body.Html), Resolved.Pages.Select(p => p.Body.Html));
        // The English tree is the same file for file, but for what a second language adds: the hreflang alternates,
        // the language switch, the Persian tree's pages in the sitemap, and its pages in the search index.
        foreach (var file in Directory.EnumerateFiles(basic.Output, "*", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(basic.Output, file);
            if (path == "sitemap.xml" || path.StartsWith("pagefind", StringComparison.Ordinal))
            {
                continue;
            }

            var translated = File.ReadAllText(Path.Combine(_site.Output, path));
            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                translated = Regex.Replace(translated, "<link rel=\"alternate\" hreflang=\"[^\"]+\" href=\"[^\"]+\">\n", "");
                translated = Regex.Replace(translated, "\n<nav class=\"language-switch\".*?</nav>", "", RegexOptions.Singleline);
            }

            Assert.True(File.ReadAllText(file) == translated, $"{path} differs.");
        }
    }

    [Theory]
    [InlineData("\u200C", "زبان‌ها")]
    [InlineData("\u200D", "ZWJ")]
    [InlineData("\u200F", "RLM")]
    [InlineData("\u200E", "LRM")]
    public void Joiners_and_direction_marks_are_allowed_in_text(string character, string what)
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\nlanguages: [en, fa]\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = $"date: \"1988\"\ntitle: T\nsummary: S\nsources: [a]\ntranslations:\n  fa:\n    title: می{character}شود\n    summary: {what}\n",
        });

        site.AssertSucceeded();
        Assert.Equal($"می{character}شود", site.Result.Site!.Events[0].Event.Translations["fa"].Title);
    }

    [Fact]
    public void A_translation_that_cites_other_sources_is_warned_about()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\nlanguages: [en, fa]\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n- id: b\n  title: B\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: T\nsummary: S\nbody: Claim [@a].\ntranslations:\n  fa:\n    title: ع\n    summary: خ\n    body: ادعا [@b].\n",
        });

        var warning = Assert.Single(site.Result.Diagnostics);
        Assert.Equal("input/events/e.yml:7:5: warning TL1006: the 'fa' text does not cite the same sources as the default text (it leaves out 'a'; it adds 'b'). A translation cites what the text it translates cites; check its [@id] markers.", warning.ToString());
    }

    private ResolvedEvent Event(string id) => Resolved.Events.Single(e => e.Id == id);
}
