using System.Security.Cryptography;
using Timeline.Model;
using Timeline.Tests.Support;

namespace Timeline.Tests.Languages;

/// <summary>
/// Sites/valid/three-languages is in English, German and Arabic. German and Arabic are taught to the generator by
/// their i18n files (the fixture's theme/i18n/de.yml and ar.yml) and the records' translations alone: their pages,
/// dates, digits, direction, feeds and share images must come out in their own rules.
/// </summary>
public sealed class ThreeLanguagesTests(ThreeLanguagesTests.Built built) : IClassFixture<ThreeLanguagesTests.Built>
{
    private const string Commissions = "events/1988-07-19-commissions/";
    private const string Span = "events/1988-08-16-span/";

    public sealed class Built : IDisposable
    {
        public TestSite Site { get; } = TestSite.Build("valid/three-languages");

        public void Dispose() => Site.Dispose();
    }

    private TestSite Site => built.Site;

    [Fact]
    public void The_site_builds_without_errors_or_warnings() => Site.AssertSucceeded();

    [Fact]
    public void Arabic_pages_are_right_to_left_and_german_ones_left_to_right()
    {
        Site.AssertFileContains("ar/index.html", "<html lang=\"ar\" dir=\"rtl\">");
        Site.AssertFileContains("de/index.html", "<html lang=\"de\">");

        // The language switch names each language in its own direction.
        Site.AssertFileContains("index.html", "lang=\"ar\" dir=\"rtl\"");
    }

    [Fact]
    public void Each_language_has_its_own_open_graph_locale()
    {
        Site.AssertFileContains("index.html", "<meta property=\"og:locale\" content=\"en_GB\">");
        Site.AssertFileContains("de/index.html", "<meta property=\"og:locale\" content=\"de_DE\">");
        Site.AssertFileContains("ar/index.html", "<meta property=\"og:locale\" content=\"ar_AR\">");
    }

    [Fact]
    public void Dates_are_written_in_each_languages_month_names_and_digits_gregorian_first()
    {
        Site.AssertFileContains("ar/" + Commissions + "index.html", "<time datetime=\"1988-07-19\">١٩ يوليو ١٩٨٨</time>");
        Site.AssertFileContains("de/" + Commissions + "index.html", "<time datetime=\"1988-07-19\">19. Juli 1988</time>");
        Site.AssertFileContains("de/" + Span + "index.html", "<time datetime=\"1988-08-16\">16.</time>–<time datetime=\"1988-08-30\">30. August 1988</time>");
        Site.AssertFileContains(Commissions + "index.html", "<time datetime=\"1988-07-19\">19 July 1988</time>");

        // The Solar Hijri date follows in Persian, as on English pages.
        Site.AssertFileContains("ar/" + Commissions + "index.html", "<span class=\"date-fa\" lang=\"fa\" dir=\"rtl\">۲۸ تیر ۱۳۶۷</span>");
        Site.AssertFileContains("de/" + Commissions + "index.html", "<span class=\"date-solar-latin\">28 Tir 1367 SH</span>");
    }

    [Fact]
    public void Arabic_pages_number_notes_and_years_in_arabic_indic_digits_and_keep_ascii_addresses()
    {
        Site.AssertFileContains("ar/" + Commissions + "index.html", "<a href=\"#note-2\" id=\"ref-2-1\" role=\"doc-noteref\">[٢]</a>");
        Site.AssertFileContains("de/" + Commissions + "index.html", "<a href=\"#note-2\" id=\"ref-2-1\" role=\"doc-noteref\">[2]</a>");
        Site.AssertFileContains("ar/index.html", "١٩٨٨");
        Site.AssertFileContains("ar/index.html", "href=\"/memorial/ar/years/1988/\"");
    }

    [Fact]
    public void Each_feed_is_in_its_language_with_its_digits_and_marks_untranslated_bodies()
    {
        Site.AssertFileContains("ar/feed.xml", "<feed xml:lang=\"ar\"");
        Site.AssertFileContains("ar/feed.xml", "<title>تشكيل اللجان</title>");
        Site.AssertFileContains("ar/feed.xml", "role=\"doc-noteref\"&gt;[٢]&lt;/a&gt;");
        Site.AssertFileContains("de/feed.xml", "<feed xml:lang=\"de\"");
        Site.AssertFileContains("de/feed.xml", "<title>Kommissionen gebildet</title>");

        // The span's body has no Arabic translation: it is shown in English, with English digits, and marked so.
        var feed = Site.Read("ar/feed.xml");
        var content = feed[feed.IndexOf("xml:base=\"https://example.org/memorial/ar/" + Span + "\"", StringComparison.Ordinal)..];
        content = content[..content.IndexOf("</content>", StringComparison.Ordinal)];
        Assert.Contains("xml:lang=\"en\">", content, StringComparison.Ordinal);
        Assert.Contains("[1]&lt;/a&gt;", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_its_own_share_images()
    {
        string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(Site.Output, path))));

        foreach (var image in new[] { "share.png", Commissions + "share.png" })
        {
            var hashes = new[] { image, "de/" + image, "ar/" + image }.Select(Hash).ToList();
            Assert.Equal(3, hashes.Distinct().Count());
        }

        Site.AssertFileContains("ar/" + Commissions + "index.html", "<meta property=\"og:image\" content=\"https://example.org/memorial/ar/" + Commissions + "share.png\">");
    }

    [Fact]
    public void Every_folder_the_site_writes_at_its_root_is_a_name_no_page_may_take()
    {
        var reserved = SiteUrls.ReservedPageNames(["en", "de", "ar"]);
        var folders = Directory.EnumerateDirectories(Site.Output).Select(Path.GetFileName).Where(f => f != "about").ToList();

        Assert.Contains("pagefind", folders);
        Assert.All(folders, folder => Assert.Contains(folder!, reserved));
        Assert.All(Directory.EnumerateFiles(Site.Output).Select(Path.GetFileName), file => Assert.Contains('.', file!));
    }

    [Fact]
    public void A_page_named_like_a_language_of_the_site_is_an_error_with_the_name_to_use()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "three-languages"), folder);
        File.WriteAllText(Path.Combine(folder, "input", "pages", "de.md"), "---\ntitle: Deutsch\n---\nA page about German.\n");
        using var site = TestSite.BuildIn(folder);

        Assert.Equal(
            ["input/pages/de.md:1:1: error TL0975: the page 'de' would be written at /de/, which is the home page of the site's language 'de' (site.yml, 'languages'), and would replace it. Rename the file, for example to input/pages/de-page.md; a page's translation is named like pages/about.de.md."],
            site.Errors);
    }
}
