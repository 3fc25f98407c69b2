using System.Net;
using System.Text.RegularExpressions;
using System.Text;
using CsCheck;
using Timeline.Checks;

namespace Timeline.Tests.Checks;

/// <summary>The link checker scans bytes by hand; it must find exactly what the plain regular expressions find.</summary>
public sealed class LinkScanTests
{
    private static readonly string[] Fragments =
        [" href=\"", " src=\"", " id=\"", "\tid=\"", "\u00A0href=\"", "\u2003src=\"", "data-id=\"", "xhref=\"", "href=\"", "\"", "=", "=\"", " ", "\n", "a", "/x/", "#y", "&amp;", "&quot;", "é", "۱۳۶۷", "<a", ">"];

    [Fact]
    public void Finds_what_the_regular_expressions_find()
    {
        Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 30].Select(parts => string.Concat(parts)).Sample(html =>
        {
            var scanned = LinkChecker.Scan(Encoding.UTF8.GetBytes(html));
            var links = Regex.Matches(html, @"\s(href|src)=""([^""]*)""").Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();
            var ids = Regex.Matches(html, @"\sid=""([^""]*)""").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet();
            return links.SequenceEqual(scanned.Links) && ids.SetEquals(scanned.Ids);
        }, iter: 20000);
    }

    [Fact]
    public void Finds_links_and_ids_of_a_page()
    {
        var scanned = LinkChecker.Scan(Encoding.UTF8.GetBytes("<main id=\"main\"><a href=\"/events/a/#note-1\" data-id=\"no\">x</a><img src=\"/a.png\" alt=\"\"><h2 id=\"y&amp;z\">"));
        Assert.Equal(["/events/a/#note-1", "/a.png"], scanned.Links);
        Assert.Equal(["main", "y&z"], scanned.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_page_keeps_only_the_links_the_check_could_find_wrong()
    {
        var html = "<main id=\"main\"><a href=\"#main\">top</a><a href=\"#gone\">x</a><a href=\"#\">y</a>"
            + "<a href=\"https://example.org/a?b=1&amp;c=2\">e</a><a href=\"HTTP://example.org/\">f</a><a href=\"mailto:?subject=x\">m</a>"
            + "<a href=\"javascript:alert(1)\">j</a><a href=\"/events/a/#note-1\">n</a><a href=\"../b/\">r</a><img src=\"/a.png\" alt=\"\"></main>";

        var page = LinkChecker.Scan("events/x/index.html", Encoding.UTF8.GetBytes(html))!;

        // Addresses leaving the site are always allowed, and #main is on the page: only these can be broken.
        Assert.Equal(["#gone", "javascript:alert(1)", "/events/a/#note-1", "../b/", "/a.png"], page.Links);
        Assert.Equal(["main"], page.Ids);
    }

    [Fact]
    public void Pages_scanned_together_share_one_copy_of_each_address_and_id()
    {
        var shared = new LinkChecker.Shared();
        var html = Encoding.UTF8.GetBytes("<p id=\"notes\"><a href=\"/sources/\">s</a></p>");

        var first = LinkChecker.Scan("a/index.html", html, shared)!;
        var second = LinkChecker.Scan("b/index.html", html, shared)!;

        Assert.Same(first.Links[0], second.Links[0]);
        Assert.Same(first.Ids.Single(), second.Ids.Single());
    }

    [Fact]
    public void Pages_with_the_same_ids_share_one_set_and_pages_with_others_do_not()
    {
        var shared = new LinkChecker.Shared();
        LinkChecker.PageLinks Page(string path, params string[] ids) =>
            LinkChecker.Scan(path, Encoding.UTF8.GetBytes(string.Concat(ids.Select(id => $"<p id=\"{WebUtility.HtmlEncode(id)}\"></p>"))), shared)!;

        var first = Page("a/index.html", "note-1", "main", "ref-1-1");
        var sameInAnotherOrder = Page("b/index.html", "ref-1-1", "note-1", "main");
        var oneMore = Page("c/index.html", "note-1", "main", "ref-1-1", "note-2");
        // Sets that would be one text if their ids were only joined: an id may hold a line break or a colon.
        var joined = Page("d/index.html", "a", "b");
        var oneWithABreak = Page("e/index.html", "a\nb");
        var lengthLike = Page("f/index.html", "1:a1:b");

        Assert.Same(first.Ids, sameInAnotherOrder.Ids);
        Assert.NotSame(first.Ids, oneMore.Ids);
        Assert.Equal(["main", "note-1", "note-2", "ref-1-1"], oneMore.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b"], joined.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(["a\nb"], oneWithABreak.Ids);
        Assert.Equal(["1:a1:b"], lengthLike.Ids);
        Assert.Empty(Page("g/index.html").Ids);
    }
}
