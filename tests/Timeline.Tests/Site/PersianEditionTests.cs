using System.Text.RegularExpressions;
using System.Xml.Linq;
using NJsonSchema;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// The Persian tree (/fa/) of the translations fixture and of the shipped site: language and direction, hreflang
/// alternates both ways, fallback notes exactly where a translation is missing, dates and digits, no English UI.
/// </summary>
public sealed partial class PersianEditionTests : IClassFixture<PersianEditionTests.TranslatedSite>, IClassFixture<ShippedSiteTests.Shipped>
{
    private readonly TestSite _site;
    private readonly string _shipped;
    private readonly Timeline.Model.ResolvedSite _shippedSite;

    public PersianEditionTests(TranslatedSite translated, ShippedSiteTests.Shipped shipped)
    {
        _site = translated.Site;
        _shipped = Path.Combine(shipped.Folder, "output");
        _shippedSite = shipped.Site;
        Assert.True(shipped.Result.Succeeded, string.Join('\n', shipped.Result.Diagnostics));
    }

    public sealed class TranslatedSite : IDisposable
    {
        public TestSite Site { get; } = TestSite.Build("valid/translations");

        public void Dispose() => Site.Dispose();
    }

    private IEnumerable<string> Outputs => [_site.Output, _shipped];

    private static IEnumerable<string> Pages(string output, string under = "") =>
        Directory.EnumerateFiles(Path.Combine(output, under), "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("pagefind/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void The_persian_tree_has_every_kind_of_page_of_the_english_one()
    {
        _site.AssertSucceeded();
        foreach (var output in Outputs)
        {
            var english = Pages(output).Where(p => !p.StartsWith("fa/", StringComparison.Ordinal) && p != "404.html").ToList();
            var persian = Pages(output, "fa").Select(p => p["fa/".Length..]).ToList();
            Assert.Equal(english, persian);
            foreach (var file in new[] { "feed.xml", "events.json", "sources.json" })
            {
                Assert.True(File.Exists(Path.Combine(output, "fa", file)), $"{output}: fa/{file} is missing.");
            }
        }

        Assert.False(File.Exists(Path.Combine(_site.Output, "fa", "404.html")), "One 404 page serves every tree.");
    }

    [Fact]
    public void Every_persian_page_has_lang_fa_and_dir_rtl_and_every_english_page_lang_en()
    {
        foreach (var output in Outputs)
        {
            foreach (var page in Pages(output))
            {
                var html = File.ReadAllText(Path.Combine(output, page));
                var expected = page.StartsWith("fa/", StringComparison.Ordinal) ? "<html lang=\"fa\" dir=\"rtl\">" : "<html lang=\"en\">";
                Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{output}/{page} has no {expected}");
            }
        }
    }

    [Fact]
    public void Every_page_has_alternates_to_the_same_page_in_the_other_tree_and_back()
    {
        foreach (var output in Outputs)
        {
            var baseUrl = Alternates(File.ReadAllText(Path.Combine(output, "index.html")))["x-default"];
            foreach (var page in Pages(output).Where(p => p != "404.html" && !p.Contains("embed/", StringComparison.Ordinal)))
            {
                var alternates = Alternates(File.ReadAllText(Path.Combine(output, page)));
                var self = baseUrl + (page.EndsWith("index.html", StringComparison.Ordinal) ? page[..^"index.html".Length] : page);
                Assert.Equal(["en", "fa", "x-default"], alternates.Keys.Order(StringComparer.Ordinal));
                Assert.Equal(alternates["en"], alternates["x-default"]);
                Assert.Equal(self, alternates[page.StartsWith("fa/", StringComparison.Ordinal) ? "fa" : "en"]);
                foreach (var (code, url) in alternates)
                {
                    Assert.StartsWith(baseUrl, url, StringComparison.Ordinal);
                    var other = Path.Combine(output, url[baseUrl.Length..], "index.html");
                    Assert.True(File.Exists(other), $"{output}/{page}: the {code} alternate {url} does not exist.");
                    Assert.Contains(self, Alternates(File.ReadAllText(other)).Values);
                }
            }
        }
    }

    [Fact]
    public void The_language_switch_leads_to_the_same_event_in_the_other_language()
    {
        _site.AssertFileContains("events/first-event/index.html", "<li><a href=\"/memorial/fa/events/first-event/\" hreflang=\"fa\" lang=\"fa\" dir=\"rtl\">فارسی</a></li>");
        _site.AssertFileContains("fa/events/first-event/index.html", "<li><a href=\"/memorial/events/first-event/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a></li>");
        _site.AssertFileContains("fa/years/1988/index.html", "<a href=\"/memorial/years/1988/\" hreflang=\"en\"");
    }

    [Fact]
    public void A_site_in_one_language_has_no_switch_and_no_alternates()
    {
        using var basic = TestSite.Build("valid/basic");
        basic.AssertSucceeded();
        Assert.False(Directory.Exists(Path.Combine(basic.Output, "fa")));
        foreach (var page in Pages(basic.Output))
        {
            var html = basic.Read(page);
            Assert.DoesNotContain("hreflang", html, StringComparison.Ordinal);
            Assert.DoesNotContain("language-switch", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fallback_notes_stand_exactly_where_a_body_is_not_translated_and_the_english_text_is_marked()
    {
        foreach (var (output, site) in new[] { (_site.Output, _site.Result.Site!), (_shipped, _shippedSite) })
        {
            foreach (var e in site.Events)
            {
                var html = File.ReadAllText(Path.Combine(output, "fa", "events", e.Id, "index.html"));
                var untranslated = !e.TranslatedBodies.ContainsKey("fa") && e.Body.Html.Length > 0;
                Assert.True(untranslated == html.Contains("<p class=\"fallback-note\">", StringComparison.Ordinal), $"{output}/fa/events/{e.Id}: fallback note {(untranslated ? "missing" : "where the body is translated")}.");
                Assert.True(untranslated == html.Contains("<div class=\"event-body\" lang=\"en\" dir=\"ltr\">", StringComparison.Ordinal), $"{output}/fa/events/{e.Id}: the English body is not marked lang=\"en\".");
                Assert.DoesNotContain("fallback-note", File.ReadAllText(Path.Combine(output, "events", e.Id, "index.html")), StringComparison.Ordinal);
            }
        }

        // The fixture's 2020-12-published has no translation at all: its title is shown in English, marked so.
        _site.AssertFileContains("fa/events/2020-12-published/index.html", "<h1 lang=\"en\" dir=\"ltr\">The letter is made public</h1>");
        _site.AssertFileContains("fa/events/letter-sent/index.html", "<h1>نامه فرستاده می‌شود</h1>");
        _site.AssertFileContains("fa/places/prison-x/index.html", "<h1 lang=\"en\" dir=\"ltr\">Prison X</h1>");
    }

    [Fact]
    public void Source_titles_and_tags_on_persian_pages_are_marked_english()
    {
        // The whole citation is one English span (its punctuation and address keep their order); the date and the
        // words the page adds inside it are in the page's language.
        _site.AssertFileContains("fa/events/first-event/index.html", "<span class=\"note-source\"><span lang=\"en\" dir=\"ltr\">Author A, <cite>Report A</cite>, Publisher A, <time datetime=\"2018-12-04\" lang=\"fa\" dir=\"rtl\">۱۳ آذر ۱۳۹۷</time>, p. 12.");
        _site.AssertFileContains("fa/events/first-event/index.html", "(<a href=\"https://archive.example.org/report-a\" data-pagefind-ignore lang=\"fa\" dir=\"rtl\">");
        _site.AssertFileContains("fa/sources/index.html", "<p><span lang=\"en\" dir=\"ltr\">Author A, <cite>Report A</cite>, Publisher A, <time datetime=\"2018-12-04\" lang=\"fa\" dir=\"rtl\">");
        _site.AssertFileDoesNotContain("events/first-event/index.html", "lang=\"en\" dir=\"ltr\"");
    }

    [Fact]
    public void Tags_have_the_names_of_tags_yml_and_one_without_a_persian_name_shows_the_english_marked()
    {
        // (The English names of this fixture are its ids; the shipped site's differ, see ShippedSiteTests.)
        _site.AssertFileContains("events/year-only/index.html", "<ul class=\"tag-list\"><li><a href=\"/memorial/tags/theme-one/\">theme-one</a></li><li><a href=\"/memorial/tags/theme-two/\">theme-two</a></li></ul>");
        _site.AssertFileContains("fa/events/year-only/index.html", "<ul class=\"tag-list\"><li><a href=\"/memorial/fa/tags/theme-one/\">موضوع یک</a></li><li><a href=\"/memorial/fa/tags/theme-two/\" lang=\"en\" dir=\"ltr\">theme-two</a></li></ul>");

        // The list of tags and a tag's own page: the untranslated one says so in words too.
        _site.AssertFileContains("fa/tags/index.html", "<a href=\"/memorial/fa/tags/theme-one/\">موضوع یک</a> <span class=\"count\">");
        Assert.Matches("<a href=\"/memorial/fa/tags/theme-two/\" lang=\"en\" dir=\"ltr\">theme-two</a> <span class=\"count\">\\([۰-۹]+\\)</span> <span class=\"fallback-note\">", _site.Read("fa/tags/index.html"));
        Assert.Contains("<span lang=\"en\" dir=\"ltr\">theme-two</span></h1>\n<p class=\"fallback-note\">", _site.Read("fa/tags/theme-two/index.html"), StringComparison.Ordinal);
        Assert.Contains("<title>برچسب: موضوع یک", _site.Read("fa/tags/theme-one/index.html"), StringComparison.Ordinal);
        _site.AssertFileDoesNotContain("fa/tags/theme-one/index.html", "fallback-note");
        Assert.Contains("<h1>Tag: theme-one</h1>", _site.Read("tags/theme-one/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_note_is_shown_in_the_pages_language_its_latin_isolated_and_untranslated_notes_marked()
    {
        // Translated: in the page's language, after the English citation's span, the address in it isolated.
        _site.AssertFileContains("fa/events/first-event/index.html", "</a>)</span> <span class=\"source-note\">منتشرشده از سوی سازمانی نزدیک به یکی از طرف‌ها، در <span lang=\"en\" dir=\"ltr\">example.org</span>.</span></span>");
        _site.AssertFileContains("fa/sources/index.html", "<p class=\"source-note\">منتشرشده از سوی سازمانی نزدیک به یکی از طرف‌ها، در <span lang=\"en\" dir=\"ltr\">example.org</span>.</p>");
        _site.AssertFileContains("fa/sources.json", "\"note\": \"منتشرشده از سوی سازمانی نزدیک به یکی از طرف‌ها، در example.org.\"");

        // Untranslated: the English note, marked English, with a visible word that it is not translated.
        _site.AssertFileContains("fa/events/letter-sent/index.html", "<span class=\"source-note\" lang=\"en\" dir=\"ltr\">Read in a copy on another site.</span> <span class=\"fallback-note\">هنوز ترجمه نشده است.</span>");
        _site.AssertFileContains("fa/sources/index.html", "<p class=\"fallback-note\">هنوز ترجمه نشده است.</p><p class=\"source-note\" lang=\"en\" dir=\"ltr\">Read in a copy on another site.</p>");

        // A title of the source's own in Persian is in the page's language inside the English citation.
        _site.AssertFileContains("fa/events/year-only/index.html", "<cite lang=\"fa\" dir=\"rtl\">مقاله‌ی پ</cite>, Publisher C.");

        // The English pages show the English notes and titles, with nothing marked.
        _site.AssertFileContains("events/first-event/index.html", "</a>) <span class=\"source-note\">Published by an organisation close to one side.</span></span>");
        _site.AssertFileContains("events/letter-sent/index.html", "<span class=\"source-note\">Read in a copy on another site.</span></span>");
        _site.AssertFileContains("events/year-only/index.html", "<cite>Article C</cite>, Publisher C.");
        _site.AssertFileDoesNotContain("sources/index.html", "fallback-note");
        _site.AssertFileDoesNotContain("sources.json", "منتشرشده");
    }

    [Theory]
    [InlineData("1988-07-19-death-commissions-formed", "1988-07-19", "۲۸ تیر ۱۳۶۷", "۱۹ ژوئیه ۱۹۸۸")]
    [InlineData("1988-08-15-montazeri-meeting", "1988-08-15", "۲۴ مرداد ۱۳۶۷", "۱۵ اوت ۱۹۸۸")]
    [InlineData("2020-09-03-un-experts-letter-sent", "2020-09-03", "۱۳ شهریور ۱۳۹۹", "۳ سپتامبر ۲۰۲۰")]
    [InlineData("2020-12-09-un-letter-made-public", "2020-12-09", "۱۹ آذر ۱۳۹۹", "۹ دسامبر ۲۰۲۰")]
    public void Persian_event_pages_give_the_solar_hijri_date_first_then_the_gregorian(string id, string iso, string solar, string gregorian)
    {
        var html = File.ReadAllText(Path.Combine(_shipped, "fa", "events", id, "index.html"));
        var date = EventDate().Match(html).Value;

        var solarAt = date.IndexOf($"<time class=\"date-solar\" datetime=\"{iso}\">{solar}</time>", StringComparison.Ordinal);
        var gregorianAt = date.IndexOf($"<time datetime=\"{iso}\">{gregorian}</time>", StringComparison.Ordinal);
        Assert.True(solarAt >= 0, $"No Solar Hijri date in {date}");
        Assert.True(gregorianAt > solarAt, $"The Gregorian date does not follow the Solar Hijri one in {date}");
    }

    [Fact]
    public void Note_numbers_on_persian_pages_are_in_persian_digits_and_their_addresses_in_ascii()
    {
        const string page = "fa/events/first-event/index.html";
        _site.AssertFileContains(page, "<a href=\"#note-1\" id=\"ref-1-1\" role=\"doc-noteref\">[۱]</a>");
        _site.AssertFileContains(page, "<a href=\"#note-3\" id=\"ref-3-1\" role=\"doc-noteref\">[۳]</a>");
        _site.AssertFileContains(page, "aria-label=\"بازگشت به ارجاع ۲\"");
        _site.AssertFileContains(page, "<a href=\"/memorial/fa/years/1988/\">همهٔ رویدادهای ۱۹۸۸</a>");
        _site.AssertFileContains("fa/index.html", "<li><a href=\"#y1988\">۱۹۸۸</a></li>");
        _site.AssertFileDoesNotContain(page, "role=\"doc-noteref\">[1]");
        _site.AssertFileContains("events/first-event/index.html", "role=\"doc-noteref\">[1]</a>");
    }

    [Fact]
    public void Links_back_from_notes_point_back_in_the_reading_direction_and_letter_each_use_in_the_pages_alphabet()
    {
        var persianLetters = "الف ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی".Split(' ');
        var persian = Pages(_shipped, "fa").SelectMany(p => Backlinks().Matches(File.ReadAllText(Path.Combine(_shipped, p)))).Select(m => m.Groups[1].Value).ToList();
        var english = Pages(_shipped).Where(p => !p.StartsWith("fa/", StringComparison.Ordinal))
            .SelectMany(p => Backlinks().Matches(File.ReadAllText(Path.Combine(_shipped, p)))).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("↪", persian);
        Assert.Contains("ب", persian);
        Assert.All(persian, label => Assert.True(label == "↪" || persianLetters.Contains(label), $"A Persian page's backlink reads '{label}'."));
        Assert.Contains("↩", english);
        Assert.Contains("b", english);
        Assert.All(english, label => Assert.True(label == "↩" || label is [>= 'a' and <= 'z'], $"An English page's backlink reads '{label}'."));
    }

    [Fact]
    public void Persian_pages_share_a_card_drawn_in_persian_right_to_left()
    {
        var events = Directory.GetDirectories(Path.Combine(_site.Output, "fa", "events")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(events);
        Assert.Equal((events.Count + 1) * 2, _site.Result.ShareImagesDrawn + _site.Result.ShareImagesReused);
        foreach (var id in events)
        {
            var html = _site.Read($"fa/events/{id}/index.html");
            Assert.Contains($"<meta property=\"og:image\" content=\"https://example.org/memorial/fa/events/{id}/share.png\">", html, StringComparison.Ordinal);
            var persian = File.ReadAllBytes(Path.Combine(_site.Output, "fa", "events", id!, "share.png"));
            var english = File.ReadAllBytes(Path.Combine(_site.Output, "events", id!, "share.png"));
            Assert.NotEqual(english, persian);

            // The title block starts at the right margin (x = 1120) on the Persian card and at the left (x = 80) on the English.
            var (persianLeft, persianRight) = TitleInk(persian);
            var (englishLeft, englishRight) = TitleInk(english);
            Assert.True(Math.Abs(persianRight - 1120) <= 4 && persianLeft > 80 + 4, $"{id}: Persian title ink from x={persianLeft} to x={persianRight}.");
            Assert.True(Math.Abs(englishLeft - 80) <= 4 && englishRight < 1120 - 4, $"{id}: English title ink from x={englishLeft} to x={englishRight}.");
        }

        Assert.Contains("<meta property=\"og:image\" content=\"https://example.org/memorial/fa/share.png\">", _site.Read("fa/index.html"), StringComparison.Ordinal);
        Assert.True(_site.Exists("fa/share.png"));
    }

    /// <summary>The leftmost and rightmost columns with ink between the card's two rules, where the title is drawn.</summary>
    private static (int Left, int Right) TitleInk(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        var background = bitmap.GetPixel(4, 4);
        int left = bitmap.Width, right = -1;
        for (var y = 160; y < 460; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (Math.Abs(c.Red - background.Red) + Math.Abs(c.Green - background.Green) + Math.Abs(c.Blue - background.Blue) > 60)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        return (left, right);
    }

    [Fact]
    public void No_english_interface_text_is_left_on_a_persian_page()
    {
        // Each piece of every English string between its placeholders, long enough not to be a word of a record.
        var english = File.ReadAllLines(Path.Combine(Repository.Theme, "i18n", "en.yml"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains(": ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim('"'))
            .SelectMany(v => Placeholder().Split(v))
            .Select(p => p.Trim(' ', '.', ',', ':', ';', '(', ')'))
            .Where(p => p.Length >= 8 && p.Contains(' ', StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("Skip to content", english);

        foreach (var output in Outputs)
        {
            foreach (var page in Pages(output, "fa"))
            {
                // Text marked as English (an untranslated body, a source) is English on purpose; the rest must not be.
                var html = EnglishText().Replace(File.ReadAllText(Path.Combine(output, page)), "");
                var left = english.Where(e => html.Contains(e, StringComparison.Ordinal) || html.Contains(e.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal)).ToList();
                Assert.True(left.Count == 0, $"{output}/{page} holds English interface text: {string.Join(" | ", left)}");
            }
        }
    }

    [Fact]
    public void The_persian_feed_and_data_files_carry_the_persian_titles_and_keep_the_schema()
    {
        _site.AssertFileContains("fa/feed.xml", "xml:lang=\"fa\"");
        _site.AssertFileContains("fa/feed.xml", "<title>نخستین رویداد</title>");
        _site.AssertFileContains("fa/feed.xml", "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/memorial/fa/feed.xml\" />");
        _site.AssertFileContains("fa/events.json", "\"title\": \"نخستین رویداد\"");
        _site.AssertFileContains("fa/events.json", "\"url\": \"https://example.org/memorial/fa/events/first-event/\"");
        _site.AssertFileContains("feed.xml", "<title>The first event</title>");
        _site.AssertFileContains("fa/search/index.html", "data-text-empty=\"واژه‌ای برای جست‌وجو بنویسید.\"");

        // What is still English in the Persian feed says so; a Persian body's note markers are in Persian digits.
        var feed = File.ReadAllText(Path.Combine(_site.Output, "fa", "feed.xml"));
        Assert.Contains("<content type=\"html\" xml:base=\"https://example.org/memorial/fa/events/letter-sent/\" xml:lang=\"en\">", feed, StringComparison.Ordinal);
        Assert.Contains("<content type=\"html\" xml:base=\"https://example.org/memorial/fa/events/first-event/\">", feed, StringComparison.Ordinal);
        Assert.Contains("role=\"doc-noteref\"&gt;[۱]&lt;/a&gt;", feed, StringComparison.Ordinal);
        Assert.Contains("<title xml:lang=\"en\">", feed, StringComparison.Ordinal);
        Assert.Contains("<summary xml:lang=\"en\">", feed, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(File.ReadAllText(Path.Combine(_site.Output, "feed.xml")), "xml:lang="));
    }

    [Theory]
    [InlineData("events.json", "events.schema.json")]
    [InlineData("sources.json", "sources.schema.json")]
    public async Task The_persian_data_files_are_valid_against_the_schemas(string file, string schemaFile)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Repository.Schemas, schemaFile));
        foreach (var output in Outputs)
        {
            var errors = schema.Validate(File.ReadAllText(Path.Combine(output, "fa", file)));
            Assert.True(errors.Count == 0, $"{output}/fa/{file}:\n" + string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [Fact]
    public void The_sitemap_lists_both_trees_but_no_embed_page()
    {
        _site.AssertFileContains("sitemap.xml", "<loc>https://example.org/memorial/fa/events/first-event/</loc>");
        _site.AssertFileContains("sitemap.xml", "<loc>https://example.org/memorial/events/first-event/</loc>");
        _site.AssertFileDoesNotContain("sitemap.xml", "embed/");
    }

    [Fact]
    public void Every_address_of_the_sitemap_names_its_twin_in_the_other_tree_and_the_twin_names_it_back()
    {
        XNamespace sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        foreach (var output in Outputs)
        {
            var urls = XDocument.Load(Path.Combine(output, "sitemap.xml")).Root!.Elements(sitemaps + "url")
                .ToDictionary(
                    u => u.Element(sitemaps + "loc")!.Value,
                    u => u.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!));
            Assert.True(urls.Count > 10, $"{output}/sitemap.xml lists {urls.Count} addresses.");
            foreach (var (loc, alternates) in urls)
            {
                var language = loc.Contains("/fa/", StringComparison.Ordinal) ? "fa" : "en";
                Assert.True(alternates.Count == 3, $"{loc} has {alternates.Count} alternates in the sitemap.");
                Assert.Equal(loc, alternates[language]);
                Assert.Equal(alternates["en"], alternates["x-default"]);
                var twin = alternates[language == "fa" ? "en" : "fa"];
                Assert.True(urls.TryGetValue(twin, out var back), $"{loc}'s twin {twin} is not in the sitemap.");
                Assert.Equal(loc, back[language]);
            }
        }
    }

    private static Dictionary<string, string> Alternates(string html) =>
        AlternateLink().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\">")]
    private static partial Regex AlternateLink();

    [GeneratedRegex("<p class=\"event-date\".*?</p>", RegexOptions.Singleline)]
    private static partial Regex EventDate();

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex Placeholder();

    // An element marked lang="en" up to its end: good enough for the flat elements the theme marks.
    [GeneratedRegex("<(\\w+)[^>]* lang=\"en\" dir=\"ltr\"[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex EnglishText();

    [GeneratedRegex("role=\"doc-backlink\" aria-label=\"[^\"]*\">([^<]*)</a>")]
    private static partial Regex Backlinks();
}
