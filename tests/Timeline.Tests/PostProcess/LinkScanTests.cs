using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Timeline.PostProcess;

namespace Timeline.Tests.PostProcess;

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
}
