using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>What an attacker might slip into a record is shown as text, never run.</summary>
public sealed class HostileInputTests
{
    private const string Hostile = "Quote \\\" and 'single' <b onmouseover=x> & co";

    [Fact]
    public void Titles_summaries_names_and_sources_are_escaped_everywhere_attributes_included()
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = $"title: \"Site {Hostile}\"\ndescription: \"Desc {Hostile}\"\nbase_url: https://example.org\n",
            ["input/sources.yml"] = $"- id: a\n  title: \"Source {Hostile}\"\n  publisher: \"Pub {Hostile}\"\n  url: \"https://example.org/?a=1&b=\\\"2\\\"\"\n  kind: report\n",
            ["input/entities.yml"] = $"- id: p\n  name: \"Name {Hostile}\"\n  kind: person\n",
            ["input/events/e.yml"] = $"date: \"1988\"\ntitle: \"Title {Hostile}\"\nsummary: \"Summary {Hostile}\"\npeople: [p]\ntags: [t]\nbody: |\n  Text [@a]. <img src=x onerror=alert(1)> [x](https://example.org/\"onmouseover=\"x)\n",
        });
        site.AssertSucceeded();

        foreach (var file in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain("<b onmouseover", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"onmouseover=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Quote \" and", html, StringComparison.Ordinal);
        }

        site.AssertFileContains("events/e/index.html", "<meta name=\"description\" content=\"Summary Quote &quot; and &#x27;single&#x27; &lt;b onmouseover=x&gt; &amp; co\">");
        site.AssertFileContains("events/e/index.html", "<h1>Title Quote &quot; and &#x27;single&#x27; &lt;b onmouseover=x&gt; &amp; co</h1>");
        site.AssertFileContains("events/e/index.html", "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"");
        site.AssertFileContains("people/p/index.html", "<h1>Name Quote &quot; and");
        site.AssertFileContains("events/e/index.html", "&lt;img src=x onerror=alert(1)&gt;");
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "javascript:alert(1)")]
    [InlineData("[x](JavaScript:alert(1))", "JavaScript:alert(1)")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("[x](vbscript:msgbox)", "vbscript:msgbox")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void Script_and_data_links_in_markdown_are_errors(string markdown, string url)
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\n",
            ["input/sources.yml"] = "- id: a\n  title: A\n  publisher: P\n  kind: report\n",
            ["input/events/e.yml"] = $"date: \"1988\"\ntitle: T\nsummary: S\nbody: |\n  Text [@a] {markdown}\n",
        });

        Assert.Contains($"error TL0305: the link '{url}' is not allowed", site.SingleError().ToString(), StringComparison.Ordinal);
        Assert.Equal(5, site.SingleError().Position.Line);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("archive_url")]
    public void Script_urls_in_sources_are_errors(string field)
    {
        using var site = TestSite.FromFiles(new Dictionary<string, string>
        {
            ["input/site.yml"] = "title: T\nbase_url: https://example.org\n",
            ["input/sources.yml"] = $"- id: a\n  title: A\n  publisher: P\n  kind: report\n  {field}: \"javascript:alert(1)\"\n",
            ["input/events/e.yml"] = "date: \"1988\"\ntitle: T\nsummary: S\nsources: [a]\n",
        });

        Assert.Equal($"input/sources.yml:5:{field.Length + 5}: error TL0208: '{field}' is 'javascript:alert(1)', which is not an http or https address. Give the full address, starting with https://.", site.SingleError().ToString());
    }
}
