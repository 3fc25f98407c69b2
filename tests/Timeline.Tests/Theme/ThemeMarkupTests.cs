using Timeline.Tests.Support;

namespace Timeline.Tests.Theme;

/// <summary>The theme, not the C# code, decides the markup of pages: a theme author changes it by editing a template.</summary>
public sealed class ThemeMarkupTests
{
    [Fact]
    public void The_404_page_is_the_themes_own_template()
    {
        using var site = TestSite.BuildWithTemplate(
            "404.liquid",
            "<article class=\"lost\"><h1>{{ page.title }}</h1><p><a href=\"{{ site.home_url }}\">{{ t.not_found_body }}</a></p></article>\n");

        site.AssertSucceeded();
        var page = site.Read("404.html");
        Assert.Contains("<article class=\"lost\"><h1>Page not found</h1><p><a href=\"/", page, StringComparison.Ordinal);
        Assert.Contains("There is no page at this address. Start again from the timeline.</a></p></article>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_of_those_involved_in_an_event_are_one_partial()
    {
        using var site = TestSite.BuildWithTemplate(
            "partials/involved.liquid",
            "{% if items.size > 0 %}<dt class=\"mine\">{{ heading }} ({{ items.size }})</dt>{% endif %}");

        site.AssertSucceeded();
        var pages = Directory.EnumerateFiles(Path.Combine(site.Output, "events"), "index.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Where(p => p.Contains("class=\"involved\"", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.Contains("<dt class=\"mine\">", p, StringComparison.Ordinal));
        Assert.All(pages, p => Assert.DoesNotContain("<dd>", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Lang_attrs_writes_a_languages_attributes_or_nothing_and_escapes_what_it_is_given()
    {
        using var site = TestSite.BuildWithTemplate(
            "tags.liquid",
            "<p id=\"fa\"{{ 'fa' | lang_attrs }}>x</p><p id=\"en\"{{ 'en-GB' | lang_attrs }}>x</p><p id=\"none\"{{ '' | lang_attrs }}>x</p><p id=\"odd\"{{ 'a\"b' | lang_attrs }}>x</p>\n");

        site.AssertSucceeded();
        var page = site.Read("tags/index.html");
        Assert.Contains("<p id=\"fa\" lang=\"fa\" dir=\"rtl\">x</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"en\" lang=\"en-GB\" dir=\"ltr\">x</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"none\">x</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"odd\" lang=\"a&quot;b\" dir=\"ltr\">x</p>", page, StringComparison.Ordinal);
    }
}
