using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Timeline.Output.Search;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Output;

/// <summary>
/// Issue 21: the search index is split into shards so that a rebuild runs Pagefind only over the shards whose pages
/// changed in what Pagefind reads. The digest that decides it may leave out ignored regions only when nothing
/// Pagefind reads is there; the shards follow from the pages alone; and a rebuild gives the index of a clean build.
/// </summary>
public sealed class SearchShardsTests
{
    private const string Page = """
        <!DOCTYPE html><html lang="en"><head><title>T</title></head><body><article data-pagefind-body>
        <h1>Title</h1><p>Body text.</p>
        <nav class="prev-next" data-pagefind-ignore><a href="/a/">NEIGHBOUR</a><div><div>deep</div></div></nav>
        <p>More text.</p></article></body></html>
        """;

    private static byte[] Digest(string html) => SearchPage.DigestOf(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void A_change_inside_an_ignored_region_leaves_the_digest_and_one_outside_changes_it()
    {
        Assert.Equal(Digest(Page), Digest(Page.Replace("NEIGHBOUR", "Another neighbour, renamed", StringComparison.Ordinal)));
        Assert.NotEqual(Digest(Page), Digest(Page.Replace("Body text.", "Body text, edited.", StringComparison.Ordinal)));
        Assert.NotEqual(Digest(Page), Digest(Page.Replace("More text.", "More text, edited.", StringComparison.Ordinal)));
        Assert.NotEqual(Digest(Page), Digest(Page.Replace("lang=\"en\"", "lang=\"de\"", StringComparison.Ordinal)));
    }

    /// <summary>Pagefind reads meta, filters, the first image and h1 even inside ignored regions; a doubt keeps the region.</summary>
    [Theory]
    [InlineData("<span data-pagefind-meta=\"date:NEIGHBOUR\"></span>")]
    [InlineData("<span data-pagefind-filter=\"year:NEIGHBOUR\"></span>")]
    [InlineData("<img src=\"/NEIGHBOUR.png\" alt=\"\">")]
    [InlineData("<H1>NEIGHBOUR</H1>")]
    [InlineData("<template>NEIGHBOUR</template>")]
    public void An_ignored_region_that_holds_what_pagefind_reads_is_kept_in_the_digest(string inside)
    {
        var page = Page.Replace("<a href=\"/a/\">NEIGHBOUR</a>", inside, StringComparison.Ordinal);
        Assert.NotEqual(Digest(page), Digest(page.Replace("NEIGHBOUR", "Renamed", StringComparison.Ordinal)));
    }

    /// <summary>A comment or a script's text is read as a browser reads it: an end tag there ends nothing, and the region goes whole.</summary>
    [Theory]
    [InlineData("<!-- </nav> -->NEIGHBOUR")]
    [InlineData("<script>let end = '</nav>';</script>NEIGHBOUR")]
    [InlineData("<SCRIPT src=\"/a.js\" defer></SCRIPT><style>nav::after { content: \"</nav>\" }</style>NEIGHBOUR")]
    public void Comments_and_scripts_in_an_ignored_region_end_nothing_and_go_with_it(string inside)
    {
        var page = Page.Replace("<a href=\"/a/\">NEIGHBOUR</a>", inside, StringComparison.Ordinal);
        Assert.Equal(Digest(page), Digest(page.Replace("NEIGHBOUR", "Renamed", StringComparison.Ordinal)));
        var handed = Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page)));
        Assert.DoesNotContain("NEIGHBOUR", handed, StringComparison.Ordinal);
        Assert.Contains("<p>More text.</p></article>", handed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p data-pagefind-ignore>NEIGHBOUR</p>")]                       // an end tag that may be left out
    [InlineData("<ul data-pagefind-ignore><li>NEIGHBOUR</li>")]                 // never closed
    [InlineData("<div data-pagefind-ignore><div>NEIGHBOUR</div>")]              // closed once, opened twice
    [InlineData("<code>x data-pagefind-ignore</code> NEIGHBOUR")]               // the words in text, not an attribute
    [InlineData("<span data-pagefind-ignored>NEIGHBOUR</span>")]                // another attribute
    [InlineData("<nav data-pagefind-ignore><script>NEIGHBOUR</nav>")]          // a script never closed
    [InlineData(" word<span data-pagefind-ignore>NEIGHBOUR</span> ")]          // glued to the word before it
    [InlineData(" <span data-pagefind-ignore>NEIGHBOUR</span>word ")]          // glued to the word after it
    public void A_region_whose_end_cannot_be_told_or_that_is_not_ignored_is_kept(string html)
    {
        var page = $"<html lang=\"en\"><body><main data-pagefind-body>{html}<p>after</p></main></body></html>";
        Assert.NotEqual(Digest(page), Digest(page.Replace("NEIGHBOUR", "Renamed", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Pagefind passes over scripts and styles wherever they are, as over ignored regions: an event's structured data,
    /// inside its marked body, names the sources it cites, and must not make a source's new title re-index every shard.
    /// </summary>
    [Theory]
    [InlineData("<script type=\"application/ld+json\">{\"citation\": \"NEIGHBOUR\"}</script>")]
    [InlineData("<SCRIPT>let a = '<div>NEIGHBOUR';</SCRIPT>")]
    [InlineData("<style>p::after { content: \"NEIGHBOUR\" }</style>")]
    [InlineData("<div title=\"a > b\" data-pagefind-ignore>NEIGHBOUR</div>")]            // a quoted '>' ends no tag
    [InlineData("<div title='</div>' data-pagefind-ignore=\"\">NEIGHBOUR</div>")]        // nor a quoted end tag an element
    [InlineData("<script data-x = \"a > b\" src=/x.js>NEIGHBOUR</script>")]
    public void A_script_or_style_in_the_marked_body_goes_as_an_ignored_region_does(string inside)
    {
        var page = Page.Replace("<p>More text.</p>", inside + "\n<p>More text.</p>", StringComparison.Ordinal);
        Assert.Equal(Digest(page), Digest(page.Replace("NEIGHBOUR", "Renamed", StringComparison.Ordinal)));
        var handed = Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page)));
        Assert.DoesNotContain("NEIGHBOUR", handed, StringComparison.Ordinal);
        Assert.Contains("<p>More text.</p></article>", handed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Only real tags count, read as a browser reads them: not words in a comment, in a quoted attribute, or in the
    /// text of a title or textarea; a script with an id (Pagefind notes its anchor) or with a Pagefind attribute stays.
    /// </summary>
    [Theory]
    [InlineData("<script id=\"data\">NEIGHBOUR</script>")]
    [InlineData("<script data-pagefind-meta=\"x:y\">NEIGHBOUR</script>")]
    [InlineData("<!-- <script> --> NEIGHBOUR </script>")]
    [InlineData("<!-- <div data-pagefind-ignore> --> NEIGHBOUR </div>")]
    [InlineData("<p title=\" <script>\"> NEIGHBOUR </script></p>")]
    [InlineData("<p title=\"a > data-pagefind-ignore\"> NEIGHBOUR </p>")]
    [InlineData("<p class=x data-pagefind-ignore-not> NEIGHBOUR </p>")]
    [InlineData("<textarea> <script> </textarea> NEIGHBOUR </script>")]
    [InlineData("<plaintext> <script>NEIGHBOUR</script>")]
    public void Only_a_real_tag_can_leave_a_region_out(string html)
    {
        var page = $"<html lang=\"en\"><body><main data-pagefind-body>\n{html}\n<p>after</p></main></body></html>";
        Assert.NotEqual(Digest(page), Digest(page.Replace("NEIGHBOUR", "Renamed", StringComparison.Ordinal)));
        Assert.Contains("NEIGHBOUR", Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page))), StringComparison.Ordinal);
    }

    [Fact]
    public void Pagefind_is_handed_what_the_digest_covers_and_a_page_with_nothing_to_leave_out_as_it_is()
    {
        var page = Encoding.UTF8.GetBytes(Page);
        var handed = Encoding.UTF8.GetString(SearchPage.ForIndex(page));
        Assert.DoesNotContain("NEIGHBOUR", handed, StringComparison.Ordinal);
        Assert.Equal(Page.Replace("""<nav class="prev-next" data-pagefind-ignore><a href="/a/">NEIGHBOUR</a><div><div>deep</div></div></nav>""", "", StringComparison.Ordinal), handed);
        Assert.Equal(Digest(Page), SHA256.HashData(SearchPage.ForIndex(page)));

        var plain = Encoding.UTF8.GetBytes(Page.Replace(" data-pagefind-ignore", "", StringComparison.Ordinal));
        Assert.Same(plain, SearchPage.ForIndex(plain));
    }

    // A page as a theme lays it out: the marked body inside main, the site's header and footer around it.
    private const string Laid = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Title · Site</title>
        <link rel="stylesheet" href="/assets/site.css">
        <script type="application/ld+json">{"name": "</head>"}</script>
        <style>body { color: black; }</style>
        </head>
        <body>
        <a class="skip" href="#main">SKIP</a>
        <header class="site"><nav><a href="/">NAVIGATION</a></nav></header>
        <main id="main">
        <article data-pagefind-body>
        <h1>Title</h1><p>Body text.</p>
        </article>
        </main>
        <footer><p>FOOTER</p></footer>
        <script src="/assets/site.js" defer></script>
        </body>
        </html>
        """;

    [Fact]
    public void On_a_page_with_a_marked_body_what_lies_outside_it_is_left_out_but_for_the_title()
    {
        var handed = Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(Laid)));
        foreach (var gone in new[] { "charset", "stylesheet", "ld+json", "color: black", "SKIP", "NAVIGATION", "FOOTER", "site.js" })
        {
            Assert.DoesNotContain(gone, handed, StringComparison.Ordinal);
        }

        foreach (var kept in new[] { "<html lang=\"en\">", "<title>Title · Site</title>", "<main id=\"main\">\n<article data-pagefind-body>\n<h1>Title</h1><p>Body text.</p>\n</article>\n</main>" })
        {
            Assert.Contains(kept, handed, StringComparison.Ordinal);
        }

        Assert.Equal(Digest(Laid), Digest(Laid.Replace("NAVIGATION", "Another menu", StringComparison.Ordinal).Replace("FOOTER", "Another footer", StringComparison.Ordinal)));
        Assert.NotEqual(Digest(Laid), Digest(Laid.Replace("Title · Site", "Another title", StringComparison.Ordinal)));
    }

    /// <summary>What Pagefind reads outside the marked body stays: meta and filters, an h1 or image (its defaults), a template.</summary>
    [Theory]
    [InlineData("<nav><a href=\"/\" data-pagefind-meta=\"site\">NAVIGATION</a></nav>")]
    [InlineData("<nav><h1>NAVIGATION</h1></nav>")]
    [InlineData("<nav><img src=\"/logo.png\" alt=\"NAVIGATION\"></nav>")]
    [InlineData("<nav><template>NAVIGATION</template></nav>")]
    public void Outside_the_marked_body_what_pagefind_reads_stays(string nav)
    {
        var page = Laid.Replace("<nav><a href=\"/\">NAVIGATION</a></nav>", nav, StringComparison.Ordinal);
        Assert.Contains("NAVIGATION", Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page))), StringComparison.Ordinal);
        Assert.NotEqual(Digest(page), Digest(page.Replace("NAVIGATION", "Another menu", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_page_without_a_marked_body_is_read_whole_by_pagefind_and_keeps_its_outside()
    {
        var page = Laid.Replace(" data-pagefind-body", "", StringComparison.Ordinal);
        Assert.Contains("NAVIGATION", Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page))), StringComparison.Ordinal);
        Assert.NotEqual(Digest(page), Digest(page.Replace("NAVIGATION", "Another menu", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_child_whose_end_cannot_be_told_stops_the_search_and_what_follows_stays()
    {
        var page = Laid.Replace("<a class=\"skip\" href=\"#main\">SKIP</a>", "<div class=\"open\">SKIP", StringComparison.Ordinal);
        var handed = Encoding.UTF8.GetString(SearchPage.ForIndex(Encoding.UTF8.GetBytes(page)));
        Assert.Contains("SKIP", handed, StringComparison.Ordinal);
        Assert.Contains("FOOTER", handed, StringComparison.Ordinal);
        Assert.DoesNotContain("ld+json", handed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html lang=\"fa\" dir=\"rtl\">", "fa")]
    [InlineData("<HTML dir=rtl LANG=pt-BR>", "pt-BR")]
    [InlineData("<html>", SearchPage.NoLanguage)]
    [InlineData("<html lang=\"\">", SearchPage.NoLanguage)]
    public void A_pages_language_is_its_html_elements(string tag, string expected)
    {
        Assert.Equal(expected, SearchPage.LanguageOf(Encoding.UTF8.GetBytes($"<!DOCTYPE html>{tag}<head></head></html>")));

        // Wherever the element is: a long comment may come first.
        Assert.Equal(expected, SearchPage.LanguageOf(Encoding.UTF8.GetBytes($"<!DOCTYPE html><!-- {new string('x', 10_000)} <htmlx lang=\"de\"> -->{tag}<head></head></html>")));
    }

    [Fact]
    public void Shards_follow_from_the_pages_alone_hold_one_language_each_and_only_marked_pages_when_any_is_marked()
    {
        var pages = Enumerable.Range(0, 300).Select(i => new SearchPage($"events/e-{i}/index.html", i % 3 == 0 ? "fa" : "en", MarkedBody: i % 10 != 9, [(byte)i]))
            .Append(new SearchPage("index.html", "en", MarkedBody: false, [1]))
            .ToList();
        var shards = SearchShards.Plan(pages);
        var again = SearchShards.Plan(Enumerable.Reverse(pages));

        Assert.Equal(shards.Select(s => (s.Folder, string.Join(',', s.Pages.Select(p => p.Path)))), again.Select(s => (s.Folder, string.Join(',', s.Pages.Select(p => p.Path)))));
        Assert.All(shards, s => Assert.All(s.Pages, p => Assert.Equal(s.Language, p.Language)));
        Assert.Equal(pages.Count(p => p.MarkedBody), shards.Sum(s => s.Pages.Count));
        Assert.Equal(SearchShards.CountFor(pages.Count(p => p.MarkedBody && p.Language == "en")), shards.Count(s => s.Language == "en"));
        Assert.Equal(["en/0", "fa/0"], shards.Where(s => s.Primary).Select(s => s.Folder));
        Assert.Equal(1, SearchShards.CountFor(1));
        Assert.Equal(2, SearchShards.CountFor(SearchShards.PagesPerShard + 1));
        Assert.Equal(SearchShards.MaxShards, SearchShards.CountFor(1_000_000));
    }

    /// <summary>
    /// The shipped site (a few shards a language): after one event's title changes, Pagefind runs only over the
    /// shards of the pages that show it in their text, and the index is the bytes of a clean build's. After a source's
    /// title changes, only its own pages' shards (one a language): the 76 notes that cite it show the title, but notes are
    /// left out of events' search text (the source's page holds it), and so is events' structured data.
    /// </summary>
    [Theory]
    [InlineData("events", "2016-11-27-ahmad-montazeri-sentenced.yml", "^title: ", "title: Edited ", 0)]
    [InlineData(".", "sources.yml", "title: \"Continuing a Lengthy", "title: \"Edited: Continuing a Lengthy", 2)]
    public void After_one_title_edit_only_the_shards_that_show_it_are_indexed_again_and_the_index_is_a_clean_builds(string under, string file, string title, string edited, int most)
    {
        var folder = TestSite.NewFolder();
        try
        {
            TestSite.CopyFolder(Repository.Input, Path.Combine(folder, "input"));
            var first = TestSite.BuildIn(folder);
            first.AssertSucceeded();
            var shards = first.Result.SearchShardsIndexed;
            Assert.True(shards >= 4, $"The shipped site has {shards} shards: this test needs a few a language.");

            var record = Directory.EnumerateFiles(Path.Combine(folder, "input", under), file, SearchOption.AllDirectories).Single();
            var text = File.ReadAllText(record);
            var changed = new System.Text.RegularExpressions.Regex(title, System.Text.RegularExpressions.RegexOptions.Multiline).Replace(text, edited, 1);
            Assert.NotEqual(text, changed);
            File.WriteAllText(record, changed);
            var rebuilt = TestSite.BuildIn(folder);
            rebuilt.AssertSucceeded();

            Assert.Equal(shards, rebuilt.Result.SearchShardsIndexed + rebuilt.Result.SearchShardsReused);
            Assert.InRange(rebuilt.Result.SearchShardsIndexed, 1, most > 0 ? most : shards / 2);

            var clean = Path.Combine(folder, "clean");
            var result = TimelineBuilder.Build(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, Path.Combine(clean, "output"), null, folder)
            {
                ToolsFolder = Repository.Root,
                CacheFolder = Path.Combine(clean, "cache"),
            });
            Assert.True(result.Succeeded);
            Assert.Equal(shards, result.SearchShardsIndexed);
            var expected = Hashes(Path.Combine(clean, "output", "pagefind"));
            var actual = Hashes(Path.Combine(folder, "output", "pagefind"));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, file => Assert.True(file.Value == actual[file.Key], $"pagefind/{file.Key} differs from a clean build's"));

            using var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "output", "pagefind", SearchShards.ListFile)));
            Assert.Equal(shards, list.RootElement.EnumerateObject().Sum(language => language.Value.GetArrayLength()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A shard the spare holds as the cache has it is left as it is, by the list beside the cached shard; one that lost
    /// a file, or holds one more, is made whole from the cache: the index is a clean build's.
    /// </summary>
    [Fact]
    public void A_shard_in_the_spare_that_lost_or_gained_a_file_is_made_whole_from_the_cache() => RebuiltAfter(folder =>
    {
        // The spare is the site the last build replaced: the next build stages into it.
        var spare = Path.Combine(folder, ".output.spare", "pagefind");
        var shards = Directory.EnumerateDirectories(spare, "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, "pagefind-entry.json")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(shards.Count >= 2);
        File.Delete(Directory.EnumerateFiles(Path.Combine(shards[0], "fragment")).Order(StringComparer.Ordinal).First());
        File.WriteAllText(Path.Combine(shards[1], "stray.json"), "{}");
    });

    /// <summary>
    /// Whether the spare holds a shard exactly as the cache does, by the list beside the cached shard and the spare's
    /// walk: every listed file with its stamp and every listed folder, and nothing more under the shard's folder (a
    /// neighbouring shard whose name starts the same, "1" and "10", is not counted as part of it).
    /// </summary>
    [Fact]
    public void A_shard_in_the_spare_is_known_unchanged_only_when_it_holds_what_the_cached_list_names_and_no_more()
    {
        var folder = TestSite.NewFolder();
        try
        {
            var cached = Path.Combine(folder, "cached-shard");
            Directory.CreateDirectory(Path.Combine(cached, "fragment"));
            File.WriteAllText(Path.Combine(cached, "pagefind-entry.json"), "{}");
            File.WriteAllText(Path.Combine(cached, "fragment", "en_1.pf_fragment"), "fragment");
            SearchIndexCache.WriteList(cached, replace: true);

            var shard = Path.Combine("pagefind", "en", "1");
            var files = new Dictionary<string, Timeline.Output.FileStamp>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(cached, "*", SearchOption.AllDirectories))
            {
                files[Path.Combine(shard, Path.GetRelativePath(cached, file))] = Timeline.Output.FileStamp.Of(file)!.Value;
            }

            // The neighbouring shard "10" holds files of its own.
            files[Path.Combine("pagefind", "en", "10", "pagefind-entry.json")] = new(2, 1);
            var folders = new HashSet<string>([Path.Combine(shard, "fragment"), Path.Combine("pagefind", "en", "10")], StringComparer.Ordinal);
            bool Unchanged(Dictionary<string, Timeline.Output.FileStamp> f, HashSet<string> d)
            {
                var left = new Timeline.Output.SpareOutput.Contents(f, d);
                var under = SearchIndexCache.CountUnder([shard, Path.Combine("pagefind", "en", "10")], left);
                return SearchIndexCache.AlreadyThere(cached, shard, left, under);
            }

            Assert.True(Unchanged(files, folders));
            Assert.False(Unchanged(new(files) { [Path.Combine(shard, "stray.json")] = new(2, 1) }, folders));
            Assert.False(Unchanged(new(files) { [Path.Combine(shard, "pagefind-entry.json")] = new(3, 1) }, folders));
            Assert.False(Unchanged(files.Where(f => !f.Key.EndsWith(".pf_fragment", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal), folders));
            Assert.False(Unchanged(files, new(folders) { Path.Combine(shard, "stray") }));
            Assert.False(Unchanged(files, new(folders.Where(d => d != Path.Combine(shard, "fragment")), StringComparer.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A shard's list that is a link (to an endless device here) is not followed: the shard is copied as before.</summary>
    [Fact]
    public void A_shard_list_planted_as_a_link_is_not_followed() => RebuiltAfter(folder =>
    {
        var lists = Directory.EnumerateFiles(Path.Combine(folder, ".timeline-cache", "search"), "*.files").ToList();
        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            File.Delete(list);
            File.CreateSymbolicLink(list, "/dev/zero");
        }
    });

    /// <summary>
    /// Builds the shipped site twice (so that the spare and the cache both hold its shards), does <paramref name="damage"/>,
    /// and builds again: no shard is indexed again, and the index is the last build's.
    /// </summary>
    private static void RebuiltAfter(Action<string> damage)
    {
        var folder = TestSite.NewFolder();
        try
        {
            TestSite.CopyFolder(Repository.Input, Path.Combine(folder, "input"));
            TestSite.BuildIn(folder).AssertSucceeded();
            TestSite.BuildIn(folder).AssertSucceeded();
            var expected = Hashes(Path.Combine(folder, "output", "pagefind"));

            damage(folder);
            var rebuilt = TestSite.BuildIn(folder);

            rebuilt.AssertSucceeded();
            Assert.Equal(0, rebuilt.Result.SearchShardsIndexed);
            var actual = Hashes(Path.Combine(folder, "output", "pagefind"));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, file => Assert.True(file.Value == actual[file.Key], $"pagefind/{file.Key} differs from the last build's"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
