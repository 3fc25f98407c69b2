using Timeline.Tests.Support;

namespace Timeline.Tests.Rendering;

/// <summary>
/// A build takes the pages whose views, theme and code did not change from the output the last build left, and
/// renders the rest: the result is always the bytes of a clean build (Pipeline/IncrementalBuildPropertyTests checks
/// that over random edits; these check that pages are in fact taken, and when they must not be).
/// </summary>
public sealed class PageCacheTests
{
    [Fact]
    public void A_second_build_of_the_same_input_renders_no_page_and_a_title_edit_renders_only_the_pages_that_show_it()
    {
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        site.AssertSucceeded();
        Assert.Equal(0, site.Result.PagesReused);
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).Count(f => !f.Contains("pagefind", StringComparison.Ordinal));

        // The first build, into no output, records nothing (a site built once never has a page to take); the
        // second records every page, and the third takes them all.
        var second = TestSite.BuildIn(site.Folder);
        Assert.Equal(0, second.Result.PagesReused);
        var again = TestSite.BuildIn(site.Folder);
        again.AssertSucceeded();
        Assert.Equal(pages, again.Result.PagesReused);

        // A title is shown on its own page and embed, its neighbours' pages (previous, next, connected), the lists
        // and the index; the other events' pages stay as they were.
        var file = Path.Combine(site.Folder, "input", "events", "2021", "circa-month-range.yml");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(text, "^title: .*$", "title: A new title", System.Text.RegularExpressions.RegexOptions.Multiline));
        var edited = TestSite.BuildIn(site.Folder);
        edited.AssertSucceeded();
        Assert.InRange(edited.Result.PagesReused, 1, pages - 3);
        Assert.Contains("A new title", File.ReadAllText(Path.Combine(site.Output, "events", "circa-month-range", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_template_or_a_page_changed_in_the_output_is_rendered_again()
    {
        using var site = TestSite.BuildWithTemplate("event.liquid", File.ReadAllText(Path.Combine(Repository.Theme, "templates", "event.liquid")));
        site.AssertSucceeded();
        Assert.Equal(0, TestSite.BuildIn(site.Folder).Result.PagesReused);
        Assert.True(TestSite.BuildIn(site.Folder).Result.PagesReused > 20);

        // Someone edits a page of the output by hand: the next build writes it anew.
        var page = Path.Combine(site.Output, "events", "first-event", "index.html");
        var built = File.ReadAllText(page);
        File.WriteAllText(page, built.Replace("</main>", "<p>edited by hand</p></main>", StringComparison.Ordinal));
        var rebuilt = TestSite.BuildIn(site.Folder);
        rebuilt.AssertSucceeded();
        Assert.Equal(built, File.ReadAllText(page));
        Assert.True(rebuilt.Result.PagesReused > 20);

        // A template every page goes through: nothing is taken from the last build.
        var layout = Path.Combine(site.Folder, "theme", "templates", "layout.liquid");
        File.WriteAllText(layout, File.ReadAllText(layout).Replace("<main id=\"main\"", "<main data-edited id=\"main\"", StringComparison.Ordinal));
        var restyled = TestSite.BuildIn(site.Folder);
        restyled.AssertSucceeded();
        Assert.Equal(0, restyled.Result.PagesReused);
        Assert.Contains("<main data-edited id=\"main\"", File.ReadAllText(page), StringComparison.Ordinal);
    }
}
