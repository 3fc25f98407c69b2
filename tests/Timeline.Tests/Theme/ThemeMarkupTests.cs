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

    [Fact]
    public void Note_markers_are_the_themes_partial_and_keep_their_links_to_the_notes()
    {
        using var site = TestSite.BuildWithTemplate(
            "partials/noteref.liquid",
            "{% for marker in markers %}<a class=\"mine\" href=\"#{{ marker.note_id }}\" id=\"{{ marker.id }}\" role=\"doc-noteref\">{{ marker.number }}</a>{% endfor %}");

        site.AssertSucceeded();
        var page = site.Read("events/first-event/index.html");
        Assert.Matches("<a class=\"mine\" href=\"#note-1\" id=\"[^\"]+\" role=\"doc-noteref\">1</a>", page);
        Assert.DoesNotContain("<sup class=\"noteref\">", page, StringComparison.Ordinal);
        Assert.Contains("<li id=\"note-1\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_marker_partial_that_fails_is_an_error_naming_it()
    {
        using var site = TestSite.BuildWithTemplate("partials/noteref.liquid", "{{ 1 | divided_by: 0 }}");

        Assert.False(site.Result.Succeeded);
        Assert.Contains(site.Errors, e => e.StartsWith("theme/templates/partials/noteref.liquid:1:1: error TL0401: ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output));
    }
}
