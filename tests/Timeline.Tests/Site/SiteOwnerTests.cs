using System.Text.Json;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// Who stands behind the site (site.yml's publisher, contact, corrections and license): shown in every page's footer,
/// on the about page, in JSON-LD, the feed and the data files; and nothing at all when site.yml does not say.
/// </summary>
public sealed class SiteOwnerTests
{
    private const string Owner = """
        publisher:
          name: Documentation Group
          url: https://docs.example.org/
        contact: mailto:editors@example.org
        corrections:
          contact: https://example.org/corrections?from=site&x=1
          policy: |
            We check every report against the sources.

            A corrected entry says so.
        license: CC-BY-SA-4.0
        translations:
          fa:
            title: ت
            publisher: { name: گروه مستندسازی }

        """;

    private static TestSite Build(string owner) => TestSite.FromFiles(new Dictionary<string, string>
    {
        ["input/site.yml"] = "title: T\ndescription: D.\nbase_url: https://example.org/\nlanguages: [en, fa]\n" + owner,
        ["input/sources.yml"] = "- id: s\n  title: S\n  publisher: P\n  kind: report\n  url: https://example.com/s\n",
        ["input/events/1988-07-19-a.yml"] = "date: \"1988-07-19\"\ntitle: A\nsummary: S.\nbody: It happened [@s].\n",
        ["input/pages/about.md"] = "---\ntitle: About\n---\nWho we are [@s].\n",
    });

    [Theory]
    [InlineData("index.html")]
    [InlineData("events/1988-07-19-a/index.html")]
    [InlineData("sources/s/index.html")]
    [InlineData("404.html")]
    public void Every_pages_footer_names_the_publisher_the_contact_where_to_report_errors_and_the_licence(string page)
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        site.AssertFileContains(page, "<p class=\"site-publisher\">Published by <a href=\"https://docs.example.org/\">Documentation Group</a>.</p>");
        site.AssertFileContains(page, "<p class=\"site-contact\">Contact: <a href=\"mailto:editors@example.org\" dir=\"ltr\">editors@example.org</a>.</p>");
        site.AssertFileContains(page, "To report an error: <a href=\"https://example.org/corrections?from=site&amp;x=1\" dir=\"ltr\">");
        site.AssertFileContains(page, "Text licensed under <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\" rel=\"license\" lang=\"en\" dir=\"ltr\">Creative Commons Attribution-ShareAlike 4.0 International</a>.");
    }

    [Fact]
    public void The_persian_pages_give_the_publishers_persian_name_and_mark_the_untranslated_policy_as_english()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        site.AssertFileContains("fa/index.html", "<p class=\"site-publisher\">ناشر: <a href=\"https://docs.example.org/\">گروه مستندسازی</a>.</p>");
        site.AssertFileContains("fa/about/index.html", "<p lang=\"en\" dir=\"ltr\">We check every report against the sources.</p>");
        site.AssertFileContains("fa/index.html", "\"publisher\":{\"@type\":\"Organization\",\"name\":\"گروه مستندسازی\"");
    }

    [Fact]
    public void The_about_page_keeps_its_own_words_and_says_who_stands_behind_the_site_with_the_corrections_policy()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        const string about = "about/index.html";
        site.AssertFileContains(about, "<p>Who we are<sup class=\"noteref\">");
        site.AssertFileContains(about, "<h2 id=\"site-about-title\">Who stands behind this site</h2>");
        site.AssertFileContains(about, "<h3>Corrections</h3>\n<p>We check every report against the sources.</p>\n<p>A corrected entry says so.</p>");
    }

    [Fact]
    public void Json_ld_names_the_publisher_as_an_organization_and_the_licence_by_its_address_on_event_pages_and_the_index()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        const string owner = "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Documentation Group\",\"url\":\"https://docs.example.org/\"},\"license\":\"https://creativecommons.org/licenses/by-sa/4.0/\"";
        site.AssertFileContains("events/1988-07-19-a/index.html", owner);
        site.AssertFileContains("index.html", "{\"@context\":\"https://schema.org\",\"@type\":\"WebSite\",\"name\":\"T\",\"description\":\"D.\",\"url\":\"https://example.org/\",\"inLanguage\":\"en\"," + owner + "}");
    }

    [Fact]
    public void The_citation_files_name_the_publisher_and_cite_json_the_licence()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        using var csl = JsonDocument.Parse(site.Read("events/1988-07-19-a/cite.json"));
        var item = csl.RootElement[0];
        Assert.Equal("Documentation Group", item.GetProperty("publisher").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", item.GetProperty("license").GetString());
        site.AssertFileContains("events/1988-07-19-a/cite.bib", "publisher = {{Documentation Group}}");

        using var plain = Build("");
        plain.AssertSucceeded();
        using var bare = JsonDocument.Parse(plain.Read("events/1988-07-19-a/cite.json"));
        Assert.False(bare.RootElement[0].TryGetProperty("publisher", out _));
        Assert.False(bare.RootElement[0].TryGetProperty("license", out _));
    }

    [Fact]
    public void The_feed_has_the_publisher_as_author_and_the_licence_as_its_rights()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        site.AssertFileContains("feed.xml", "<author>\n    <name>Documentation Group</name>\n    <uri>https://docs.example.org/</uri>\n    <email>editors@example.org</email>\n  </author>");
        site.AssertFileContains("feed.xml", "<rights>Creative Commons Attribution-ShareAlike 4.0 International (https://creativecommons.org/licenses/by-sa/4.0/)</rights>");
    }

    [Fact]
    public void The_data_files_say_who_stands_behind_them()
    {
        using var site = Build(Owner);
        site.AssertSucceeded();

        foreach (var file in new[] { "events.json", "sources.json" })
        {
            using var json = JsonDocument.Parse(site.Read(file));
            var about = json.RootElement.GetProperty("site");
            Assert.Equal("Documentation Group", about.GetProperty("publisher").GetProperty("name").GetString());
            Assert.Equal("editors@example.org", about.GetProperty("contact").GetString());
            Assert.Equal("https://example.org/corrections?from=site&x=1", about.GetProperty("corrections").GetProperty("contact").GetString());
            Assert.Equal("CC-BY-SA-4.0", about.GetProperty("license").GetProperty("id").GetString());
            Assert.Equal("https://creativecommons.org/licenses/by-sa/4.0/", about.GetProperty("license").GetProperty("url").GetString());
        }
    }

    [Fact]
    public void A_site_that_does_not_say_who_stands_behind_it_shows_no_empty_lines_and_invents_nothing()
    {
        using var site = Build("");
        site.AssertSucceeded();

        foreach (var page in new[] { "index.html", "about/index.html", "events/1988-07-19-a/index.html" })
        {
            site.AssertFileDoesNotContain(page, "site-publisher");
            site.AssertFileDoesNotContain(page, "site-license");
            site.AssertFileDoesNotContain(page, "site-about");
            site.AssertFileDoesNotContain(page, "\"publisher\"");
            site.AssertFileDoesNotContain(page, "\"license\"");
        }

        site.AssertFileContains("index.html", "<p>Every statement on this site carries a numbered note to its source. See <a href=\"/sources/\">all sources</a>.</p>\n</footer>");
        site.AssertFileContains("feed.xml", "<author>\n    <name>T</name>\n    <uri>https://example.org/</uri>\n  </author>\n  <entry>");
        using var json = JsonDocument.Parse(site.Read("events.json"));
        var about = json.RootElement.GetProperty("site");
        Assert.All(new[] { "publisher", "contact", "corrections", "license" }, field => Assert.Equal(JsonValueKind.Null, about.GetProperty(field).ValueKind));
    }

    [Theory]
    [InlineData("contact: editors@example.org", "href=\"mailto:editors@example.org\"")]
    [InlineData("contact: https://example.org/contact", "href=\"https://example.org/contact\"")]
    public void A_contact_is_an_e_mail_address_or_a_page(string line, string link)
    {
        using var site = Build(line + "\n");
        site.AssertSucceeded();

        site.AssertFileContains("index.html", link);
    }
}
