using System.Text.RegularExpressions;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Pipeline;
using Timeline.Rendering;
using Timeline.Tests.Support;

namespace Timeline.Tests.Theme;

/// <summary>
/// Pages are rendered straight into a reused buffer, the page's template inside the layout's writer. What a theme
/// sees of its content, and what a failed page leaves, must be what it was when each page was a string.
/// </summary>
public sealed partial class PageStreamingTests
{
    private const string EventPage = "events/first-event/index.html";

    [Fact]
    public void A_layout_that_outputs_content_without_raw_gets_it_escaped()
    {
        using var site = TestSite.BuildWithTemplate("layout.liquid", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head><body>{{ content }}</body></html>\n");

        site.AssertSucceeded();
        site.AssertFileContains(EventPage, "<body>&lt;article class=&quot;event&quot;");
        site.AssertFileDoesNotContain(EventPage, "<article");
    }

    [Fact]
    public void A_layout_can_read_its_content_as_text_and_still_write_it_whole()
    {
        using var site = TestSite.BuildWithTemplate("layout.liquid", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head><body>[{{ content | size }}]{{ content | raw }}</body></html>\n");

        site.AssertSucceeded();
        var page = site.Read(EventPage);
        var match = SizeThenContent().Match(page);
        Assert.True(match.Success, page);
        Assert.StartsWith("<article class=\"event\"", match.Groups[2].Value, StringComparison.Ordinal);
        Assert.Equal(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value.Length);
    }

    [Theory]
    [InlineData("<main>{{ content | raw }}</main><aside>{{ content | raw }}</aside>")]
    [InlineData("{% for i in (1..2) %}<section>{{ content | raw }}</section>{% endfor %}")]
    public void A_layout_that_writes_its_content_twice_gets_the_same_text_twice(string body)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var templates = Path.Combine(folder, "theme", "templates");
        Directory.CreateDirectory(templates);
        File.WriteAllText(Path.Combine(templates, "layout.liquid"), $"<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{{{ page.title }}}}</title></head><body>{body}</body></html>\n");
        // A counter shows whether the page's template ran once or twice.
        File.WriteAllText(Path.Combine(templates, "event.liquid"), "<p class=\"run\">[{% increment runs %}]</p><h1>{{ event.title }}</h1>\n");
        // The event pages above write no note markers for the source pages to link to.
        File.WriteAllText(Path.Combine(templates, "source.liquid"), "<h1>{{ source_page.source.title }}</h1>\n");
        using var site = TestSite.BuildIn(folder);

        site.AssertSucceeded();
        var runs = RunCounter().Matches(site.Read(EventPage)).Select(m => m.Value).ToList();
        Assert.Equal(["[0]", "[0]"], runs);
    }

    [Fact]
    public void A_page_whose_template_fails_is_reported_and_nothing_is_written()
    {
        using var site = TestSite.BuildWithTemplate("event.liquid", "<article class=\"event\"><h1>{{ event.title }}</h1>{% render 'partials/not-there' %}</article>\n");

        var errors = site.Result.Diagnostics.Where(d => d.Severity == Timeline.Diagnostics.Severity.Error).ToList();
        Assert.Equal(5, errors.Count);  // one per event page
        Assert.All(errors, e => Assert.Equal("TL0401", e.Code));
        Assert.All(errors, e => Assert.EndsWith("event.liquid", e.Path, StringComparison.Ordinal));
        Assert.False(Directory.Exists(site.Output), "A failed build wrote its output.");
    }

    [Fact]
    public void In_serve_a_page_whose_template_fails_is_empty_rather_than_cut_short()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var theme = Path.Combine(folder, "theme");
        TestSite.CopyFolder(Repository.Theme, theme);
        File.WriteAllText(Path.Combine(theme, "templates", "event.liquid"), "<article class=\"event\"><h1>{{ event.title }}</h1>{% render 'partials/not-there' %}</article>\n");
        var session = new SiteSession(new BuildOptions(Path.Combine(folder, "input"), theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root });

        Assert.True(session.Rebuild().Succeeded);

        Assert.Empty(session.Current!.File(EventPage)!);
        Assert.Contains(session.Current.RenderDiagnostics, d => d.Code == "TL0401");
        Assert.Contains("<html", Encoding.UTF8.GetString(session.Current.File("index.html")!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_buffer_encodes_every_page_as_the_encoder_would_however_large_and_whatever_it_held_before()
    {
        var buffer = new PageBuffer();
        // Over a million characters (the buffer is let go afterwards), with characters of two and four bytes and a
        // lone surrogate falling anywhere, chunk boundaries included.
        var large = string.Concat(Enumerable.Range(0, 120_000).Select(i => i % 7 == 0 ? "قتل‌عام " : i % 11 == 0 ? "😀 " : i % 5_001 == 0 ? "\ud800 " : "text "));
        var pages = new[] { "<p>first</p>", large, "<p>after the large page: ۱۳۶۷</p>", "" };

        foreach (var page in pages)
        {
            var writer = buffer.Start();
            foreach (var piece in page.Chunk(997))
            {
                writer.Write(piece);
            }

            Assert.Equal(Encoding.UTF8.GetBytes(page), buffer.Encode().ToArray());
        }
    }

    [Fact]
    public void A_character_split_between_two_chunks_of_the_buffer_is_encoded_whole()
    {
        // The buffer starts with room for 16,384 characters: the emoji's two halves fall on both sides of the boundary.
        var page = new string('a', 16 * 1024 - 1) + "😀" + new string('b', 70_000);
        var buffer = new PageBuffer();
        buffer.Start().Write(page);

        Assert.Equal(Encoding.UTF8.GetBytes(page), buffer.Encode().ToArray());
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex RunCounter();

    [GeneratedRegex(@"<body>\[(\d+)\](.*)</body>", RegexOptions.Singleline)]
    private static partial Regex SizeThenContent();
}
