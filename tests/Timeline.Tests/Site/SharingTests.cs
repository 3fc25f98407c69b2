using System.Text.RegularExpressions;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>Builds Sites/valid/basic and checks what sharing a page gives: meta tags, share images, share links and embed cards.</summary>
public sealed partial class SharingTests : IClassFixture<WholeSiteTests.BasicSite>
{
    private const string BaseUrl = "https://example.org/memorial/";

    private static readonly string[] EventIds = ["first-event", "year-only", "letter-sent", "2020-12-published", "circa-month-range"];

    private readonly TestSite _site;

    public SharingTests(WholeSiteTests.BasicSite fixture)
    {
        _site = fixture.Site;
    }

    [Fact]
    public void Every_page_has_open_graph_and_twitter_tags_with_absolute_addresses_under_base_url()
    {
        var pages = Directory.EnumerateFiles(_site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_site.Output, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith("embed/", StringComparison.Ordinal))
            .ToList();
        Assert.True(pages.Count > 10, $"Only {pages.Count} pages.");
        foreach (var page in pages)
        {
            var html = _site.Read(page);
            var canonical = Meta(html, "link", "rel", "canonical", "href");
            Assert.StartsWith(BaseUrl, canonical, StringComparison.Ordinal);
            Assert.Equal(canonical, Meta(html, "meta", "property", "og:url"));
            Assert.Equal("Test Timeline", Meta(html, "meta", "property", "og:site_name"));
            Assert.Equal("en_GB", Meta(html, "meta", "property", "og:locale"));
            Assert.NotEmpty(Meta(html, "meta", "property", "og:title"));
            Assert.Equal(Meta(html, "meta", "name", "description"), Meta(html, "meta", "property", "og:description"));
            Assert.Equal("summary_large_image", Meta(html, "meta", "name", "twitter:card"));
            Assert.Equal("1200", Meta(html, "meta", "property", "og:image:width"));
            Assert.Equal("630", Meta(html, "meta", "property", "og:image:height"));
            Assert.Equal("image/png", Meta(html, "meta", "property", "og:image:type"));
            Assert.NotEmpty(Meta(html, "meta", "property", "og:image:alt"));

            var image = Meta(html, "meta", "property", "og:image");
            Assert.Equal(image, Meta(html, "meta", "name", "twitter:image"));
            Assert.StartsWith(BaseUrl, image, StringComparison.Ordinal);
            Assert.True(_site.Exists(image[BaseUrl.Length..]), $"{page}: og:image {image} is not a file of the site.");

            var isEvent = page.StartsWith("events/", StringComparison.Ordinal);
            Assert.Equal(isEvent ? "article" : "website", Meta(html, "meta", "property", "og:type"));
            var expectedImage = isEvent ? BaseUrl + page[..^"index.html".Length] + "share.png" : BaseUrl + "share.png";
            Assert.Equal(expectedImage, image);
        }
    }

    [Fact]
    public void An_event_page_describes_its_own_image_and_title()
    {
        var html = _site.Read("events/first-event/index.html");

        Assert.Equal("The first event", Meta(html, "meta", "property", "og:title"));
        Assert.Equal("The first event happened over several weeks.", Meta(html, "meta", "property", "og:description"));
        Assert.Equal(BaseUrl + "events/first-event/share.png", Meta(html, "meta", "property", "og:image"));
        Assert.Equal("The first event. 19 July – 16 August 1988. Test Timeline", Meta(html, "meta", "property", "og:image:alt"));
    }

    [Fact]
    public void Every_event_and_the_site_have_a_1200_by_630_png()
    {
        foreach (var path in EventIds.Select(id => $"events/{id}/share.png").Append("share.png"))
        {
            var bytes = File.ReadAllBytes(Path.Combine(_site.Output, path));
            Assert.Equal((1200, 630), PngSize(bytes));
            using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
            Assert.Equal(1200, bitmap.Width);
            Assert.Equal(630, bitmap.Height);
        }

        Assert.Equal(EventIds.Length + 1, _site.Result.ShareImagesDrawn + _site.Result.ShareImagesReused);
    }

    [Fact]
    public void Event_pages_offer_a_copy_field_email_and_network_links_without_scripts_of_others()
    {
        const string page = "events/first-event/index.html";
        _site.AssertFileContains(page, $"<input id=\"share-url\" class=\"share-field\" type=\"url\" value=\"{BaseUrl}events/first-event/\" dir=\"ltr\" readonly>");
        _site.AssertFileContains(page, "<button type=\"button\" class=\"copy-button\" data-copy=\"share-url\" data-text-copied=\"Copied.\" data-text-selected=\"Selected: press Ctrl&#x2B;C or ⌘C to copy.\" hidden>Copy link</button>");
        _site.AssertFileContains(page, "<a href=\"mailto:?subject=The%20first%20event%20%2819%20July%20%E2%80%93%2016%20August%201988%29&amp;body=The%20first%20event%20happened%20over%20several%20weeks.%0D%0A%0D%0Ahttps%3A%2F%2Fexample.org%2Fmemorial%2Fevents%2Ffirst-event%2F\">E-mail</a>");
        _site.AssertFileContains(page, "<a href=\"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fmemorial%2Fevents%2Ffirst-event%2F\" rel=\"noopener noreferrer\">Facebook</a>");
        _site.AssertFileContains(page, "<script src=\"/memorial/assets/share.js\" defer></script>");

        var html = _site.Read(page);
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["/memorial/assets/notes.js", "/memorial/assets/cite.js", "/memorial/assets/share.js"], scripts);
        foreach (var name in new[] { "Bluesky", "Facebook", "LinkedIn", "Reddit", "Telegram", "WhatsApp", "X (Twitter)" })
        {
            Assert.Matches($"<a href=\"https://[^\"]+\" rel=\"noopener noreferrer\">{Regex.Escape(name)}</a>", html);
        }
    }

    [Fact]
    public void Share_links_encode_ampersands_and_quotes_in_titles()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\ndescription: D.\nbase_url: https://example.org\n",
            ["input/sources.yml"] = "- id: s\n  title: S\n  publisher: P\n  kind: report\n",
            ["input/events/quoted.yml"] = "date: \"1988-07-19\"\ntitle: 'Trial & \"error\" in the court''s record'\nsummary: A & B.\nbody: |\n  Text [@s].\n",
        });
        site.AssertSucceeded();
        const string page = "events/quoted/index.html";

        // The post is the title, the date and the summary; a subject or a title is the title and the date.
        const string title = "Trial%20%26%20%22error%22%20in%20the%20court%27s%20record%20%2819%20July%201988%29";
        site.AssertFileContains(page, $"<a href=\"mailto:?subject={title}&amp;body=A%20%26%20B.%0D%0A%0D%0Ahttps%3A%2F%2Fexample.org%2Fevents%2Fquoted%2F\">E-mail</a>");
        site.AssertFileContains(page, $"<a href=\"https://x.com/intent/tweet?text={title}%3A%20A%20%26%20B.&amp;url=https%3A%2F%2Fexample.org%2Fevents%2Fquoted%2F\" rel=\"noopener noreferrer\">X (Twitter)</a>");
        site.AssertFileContains(page, $"<a href=\"https://www.reddit.com/submit?url=https%3A%2F%2Fexample.org%2Fevents%2Fquoted%2F&amp;title={title}\" rel=\"noopener noreferrer\">Reddit</a>");
        site.AssertFileContains(page, "<meta property=\"og:title\" content=\"Trial &amp; &quot;error&quot; in the court&#x27;s record\">");

        // The snippet is escaped once for the iframe's own attribute, then once more to show it in the page.
        site.AssertFileContains(page, "title=&quot;Trial &amp;amp; &amp;quot;error&amp;quot; in the court&amp;#x27;s record · T&quot;");
    }

    [Fact]
    public void Embed_pages_are_minimal_cards_that_search_engines_skip_and_link_back_to_the_top_window()
    {
        const string embed = "embed/events/first-event/index.html";
        _site.AssertFileContains(embed, "<meta name=\"robots\" content=\"noindex\">");
        _site.AssertFileContains(embed, $"<link rel=\"canonical\" href=\"{BaseUrl}events/first-event/\">");
        _site.AssertFileContains(embed, "<h1><a href=\"/memorial/events/first-event/\" target=\"_top\">The first event</a></h1>");
        _site.AssertFileContains(embed, "<span class=\"date-solar-latin\">28 Tir – 25 Mordad 1367 SH</span>");
        _site.AssertFileContains(embed, "<p>The first event happened over several weeks.</p>");
        _site.AssertFileDoesNotContain(embed, "site-nav");
        // One script, the site's own, which only sizes the card when the page around it asks (embed-frame.js).
        Assert.Equal(["/memorial/assets/embed-frame.js"], ScriptSource().Matches(_site.Read(embed)).Select(m => m.Groups[1].Value));

        _site.AssertFileContains("events/first-event/index.html", "<label for=\"embed-code\">");
        _site.AssertFileContains("events/first-event/index.html", "<textarea id=\"embed-code\" class=\"share-field\" rows=\"5\" dir=\"ltr\" readonly aria-describedby=\"embed-script-note\">&lt;iframe src=&quot;https://example.org/memorial/embed/events/first-event/&quot; title=&quot;The first event · Test Timeline&quot; width=&quot;600&quot; height=&quot;360&quot; style=&quot;width:100%;max-width:600px;border:0&quot; loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;&#xA;&lt;script src=&quot;https://example.org/memorial/assets/embed.js&quot; async&gt;&lt;/script&gt;</textarea>");
        Assert.All(EventIds, id => Assert.True(_site.Exists($"embed/events/{id}/index.html"), id));
    }

    /// <summary>The value of one attribute of the one tag that has attribute key="name": content by default.</summary>
    private static string Meta(string html, string tag, string key, string name, string attribute = "content")
    {
        var matches = Regex.Matches(html, $"<{tag} {key}=\"{Regex.Escape(name)}\" {attribute}=\"([^\"]*)\">");
        Assert.True(matches.Count == 1, $"Expected one <{tag} {key}=\"{name}\">, found {matches.Count}.");
        return System.Net.WebUtility.HtmlDecode(matches[0].Groups[1].Value);
    }

    /// <summary>Width and height from the IHDR chunk, which the PNG format puts first.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
