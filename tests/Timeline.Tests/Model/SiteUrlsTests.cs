using CsCheck;
using Timeline.Model;

namespace Timeline.Tests.Model;

/// <summary>Full addresses are made without <see cref="Uri"/> for plain paths; they must be exactly what Uri makes.</summary>
public sealed class SiteUrlsTests
{
    private static readonly string[] Bases = ["https://example.org/", "https://Example.ORG:443/memorial/", "http://localhost:8080/a/b/", "https://xn--mgbh0fb.example/"];

    private static readonly string[] Pieces = ["/", "a", "Z", "0", "-", "_", "~", ".", "..", "events", "x.json", "%20", " ", "é", "?q=1", "#note-1", ":", "\\", "//"];

    [Fact]
    public void A_full_address_is_what_uri_makes_of_the_path()
    {
        Gen.Select(Gen.Int[0, Bases.Length - 1], Gen.Int[0, Pieces.Length - 1].Array[0, 12]).Sample((b, parts) =>
        {
            var baseUrl = new Uri(Bases[b]);
            var path = "/" + string.Concat(parts.Select(i => Pieces[i]));
            return Outcome(() => SiteUrls.Absolute(baseUrl, path)) == Outcome(() => new Uri(baseUrl, path).ToString());
        }, iter: 20000);
    }

    // A path Uri cannot take ("//" names a host, here an empty one) must fail the same way.
    private static string Outcome(Func<string> make)
    {
        try
        {
            return make();
        }
        catch (UriFormatException ex)
        {
            return "failed: " + ex.Message;
        }
    }

    [Theory]
    [InlineData("/memorial/events/1988-07-19-x/", "https://example.org/memorial/events/1988-07-19-x/")]
    [InlineData("/memorial/feed.xml", "https://example.org/memorial/feed.xml")]
    [InlineData("/memorial/a/../b/", "https://example.org/memorial/b/")]
    [InlineData("/memorial/sources/#source-x", "https://example.org/memorial/sources/#source-x")]
    public void Site_paths_become_full_addresses(string path, string expected)
    {
        Assert.Equal(expected, SiteUrls.Absolute(new Uri("https://example.org/memorial/"), path));
    }

    [Fact]
    public void Every_address_is_written_to_the_file_it_names_and_back()
    {
        var urls = new SiteUrls("/memorial/").ForLanguage("de");
        var expected = new Dictionary<string, string>
        {
            [urls.Index] = "index.html",
            [urls.Event("x")] = "events/x/index.html",
            [urls.EventCitation("x", "bib")] = "events/x/cite.bib",
            [urls.EventShareImage("x")] = "events/x/share.png",
            [urls.Embed("x")] = "embed/events/x/index.html",
            [urls.Year(988)] = "years/0988/index.html",
            [urls.Entity(EntityKind.Organisation, "y")] = "organisations/y/index.html",
            [urls.Page("about")] = "about/index.html",
            [urls.Feed] = "feed.xml",
            [urls.NotFound] = "404.html",
        };

        Assert.All(expected, x => Assert.Equal(x.Value, urls.FileOf(x.Key)));
        Assert.All(expected, x => Assert.Equal(x.Key, urls.UrlOf(x.Value)));
        Assert.Equal("de/events/x/share.png", new SiteUrls("/memorial/").FileOf(urls.EventShareImage("x")));
    }

    [Fact]
    public void Note_ids_are_made_in_one_place() =>
        Assert.Equal(("note-3", "ref-3-2"), (SiteUrls.NoteId(3), SiteUrls.NoteMarkerId(3, 2)));
}
