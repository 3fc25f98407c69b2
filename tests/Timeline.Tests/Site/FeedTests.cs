using System.Xml.Linq;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>The Atom feed, the sitemap and robots.txt of Sites/valid/basic, whose base_url has a path (/memorial/).</summary>
public sealed class FeedTests : IClassFixture<FeedTests.BasicSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Base = "https://example.org/memorial/";

    private readonly TestSite _site;

    public FeedTests(BasicSite fixture)
    {
        _site = fixture.Site;
    }

    public sealed class BasicSite : IDisposable
    {
        public TestSite Site { get; } = TestSite.Build("valid/basic");

        public void Dispose() => Site.Dispose();
    }

    [Fact]
    public void The_feed_is_atom_with_the_elements_rfc_4287_requires()
    {
        var feed = XDocument.Parse(_site.Read("feed.xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(Base + "feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("Test Timeline", feed.Element(Atom + "title")!.Value);
        Assert.Equal("Test Timeline", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal(Base + "feed.xml", Link(feed, "self").Attribute("href")!.Value);
        Assert.Equal("application/atom+xml", Link(feed, "self").Attribute("type")!.Value);
        Assert.Equal(Base, Link(feed, "alternate").Attribute("href")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.All(entries, entry =>
        {
            foreach (var name in new[] { "id", "title", "updated", "summary", "content" })
            {
                Assert.Single(entry.Elements(Atom + name));
            }

            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T00:00:00Z$", entry.Element(Atom + "updated")!.Value);
            Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
            Assert.Equal(entry.Element(Atom + "id")!.Value, Link(entry, "alternate").Attribute("href")!.Value);
        });

        // The feed changed last when its newest entry did: no build time anywhere.
        Assert.Equal(entries.Max(e => e.Element(Atom + "updated")!.Value), feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void The_feed_has_every_event_once_newest_first_with_its_rendered_body()
    {
        var entries = XDocument.Parse(_site.Read("feed.xml")).Root!.Elements(Atom + "entry").ToList();
        var events = _site.Result.Site!.Events;

        Assert.Equal(events.Select(e => Base + $"events/{e.Id}/").Reverse(), entries.Select(e => e.Element(Atom + "id")!.Value));
        var letter = entries.Single(e => e.Element(Atom + "id")!.Value == Base + "events/letter-sent/");
        Assert.Equal("The letter is sent", letter.Element(Atom + "title")!.Value);
        Assert.Equal("A letter was sent.", letter.Element(Atom + "summary")!.Value);
        Assert.Equal("2020-09-03T00:00:00Z", letter.Element(Atom + "updated")!.Value);
        var content = letter.Element(Atom + "content")!;
        Assert.Equal(events.Single(e => e.Id == "letter-sent").Body.Html, content.Value);
        Assert.Equal(Base + "events/letter-sent/", content.Attribute(XNamespace.Xml + "base")!.Value);

        // A year-only date is updated on its first day.
        var yearOnly = entries.Single(e => e.Element(Atom + "id")!.Value == Base + "events/year-only/");
        Assert.Equal("1988-01-01T00:00:00Z", yearOnly.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public void Every_page_names_the_feed_in_its_head()
    {
        // Embed cards (embed.liquid) are documents of their own for other sites' frames: no feed, no navigation.
        foreach (var file in Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories).Where(f => !f.Contains("/embed/", StringComparison.Ordinal)))
        {
            Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Timeline: events\" href=\"/memorial/feed.xml\">", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sitemap_lists_every_html_page_but_the_404_page_and_embed_cards_at_its_full_address()
    {
        var sitemap = XDocument.Parse(_site.Read("sitemap.xml")).Root!;
        var listed = sitemap.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).ToList();
        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_site.Output, file).Replace('\\', '/'))
            .Where(path => path != "404.html" && !path.StartsWith("embed/", StringComparison.Ordinal))
            .Select(path => Base + path[..^"index.html".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(Sitemaps + "urlset", sitemap.Name);
        Assert.Equal(pages, listed);
        Assert.All(_site.Result.Site!.Events, e => Assert.Contains(Base + $"events/{e.Id}/", listed));
        Assert.Contains(Base, listed);
        Assert.Contains(Base + "search/", listed);
        Assert.DoesNotContain(listed, url => url.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public void Pages_under_embed_are_left_out_of_the_sitemap()
    {
        var files = new[] { "index.html", "events/a/index.html", "embed/events/a/index.html", "404.html", "assets/style.css" }
            .Select(path => new Timeline.Model.OutputFile(path, []));

        Assert.Equal(["", "events/a/"], Timeline.Publishing.Feeds.Sitemap.Listed(files));
    }

    [Fact]
    public void Robots_allows_everything_and_names_the_sitemap()
    {
        var robots = _site.Read("robots.txt");

        Assert.Equal($"User-agent: *\nAllow: /\n\nSitemap: {Base}sitemap.xml\n", robots);
    }

    [Fact]
    public void Titles_and_bodies_with_markup_characters_are_escaped_in_the_feed()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: \"A & B <site>\"\nbase_url: https://example.org\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: \"Ties & <b>bold</b> ]]> \\\"quoted\\\"\"\nsummary: \"1 < 2\"\nbody: |\n  Text & <i>more</i> [@a].\n",
        });
        site.AssertSucceeded();

        var feed = XDocument.Parse(site.Read("feed.xml")).Root!;
        var entry = feed.Element(Atom + "entry")!;
        Assert.Equal("A & B <site>", feed.Element(Atom + "title")!.Value);
        Assert.Equal("Ties & <b>bold</b> ]]> \"quoted\"", entry.Element(Atom + "title")!.Value);
        Assert.Equal("1 < 2", entry.Element(Atom + "summary")!.Value);
        Assert.StartsWith("<p>Text &amp; &lt;i&gt;more&lt;/i&gt;", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_xml_cannot_carry_is_reported_against_its_event()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: \"Title \uFFFF\"\nsummary: S\nbody: |\n  Text [@a].\n",
        });

        var error = site.SingleError();
        Assert.Equal("TL0805", error.Code);
        Assert.Equal("input/events/e.yml", error.Path);
        Assert.Contains("U+FFFF", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_character_xml_cannot_carry_in_the_site_title_is_reported_at_the_title_in_site_yml()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "base_url: https://example.org\ntitle: \"Title \uFFFF\"\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: T\nsummary: S\nbody: |\n  Text [@a].\n",
        });

        var error = site.SingleError();
        Assert.Equal("TL0805", error.Code);
        Assert.Equal(("input/site.yml", 2, 8), (error.Path, error.Position.Line, error.Position.Column));
    }

    private static XElement Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == rel);
}
