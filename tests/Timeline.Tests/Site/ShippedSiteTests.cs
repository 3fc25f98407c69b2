using System.Text.RegularExpressions;
using Timeline.Model;
using Timeline.Output;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>The memorial site we ship: it builds cleanly, and its coverage cannot silently shrink.</summary>
public sealed partial class ShippedSiteTests : IClassFixture<ShippedSiteTests.Shipped>
{
    /// <summary>The five seed articles the content started from; each must be cited somewhere.</summary>
    private static readonly string[] SeedSources =
    [
        "aboutalebi-un-experts-initiative",
        "ncri-continuing-campaign",
        "atalayar-un-investigation",
        "ipp-un-experts-call",
        "ncri-us-decades-long-struggle",
    ];

    private readonly Shipped _shipped;

    public ShippedSiteTests(Shipped shipped)
    {
        _shipped = shipped;
    }

    public sealed class Shipped : IDisposable
    {
        public Shipped()
        {
            Folder = TestSite.NewFolder();
            Result = TimelineBuilder.Build(new BuildOptions(Repository.Input, Repository.Theme, Path.Combine(Folder, "output"), null, Repository.Root));
        }

        public string Folder { get; }

        public BuildResult Result { get; }

        public ResolvedSite Site => Result.Site!;

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [Fact]
    public void The_shipped_input_builds_with_no_errors_and_no_warnings() =>
        Assert.True(_shipped.Result.Diagnostics.Count == 0, string.Join('\n', _shipped.Result.Diagnostics));

    [Fact]
    public void It_has_at_least_30_events_spread_over_the_whole_story()
    {
        var events = _shipped.Site.Events.Select(e => e.Event.When.Start).ToList();

        Assert.True(events.Count >= 30, $"{events.Count} events");
        Assert.True(events.Count(d => d.Year == 1988) >= 8, "1988 needs at least 8 events");
        Assert.True(events.Count(d => d.Year == 2016) >= 3, "2016 needs at least 3 events");
        Assert.True(events.Count(d => d.Year is >= 2017 and <= 2019) >= 6, "2017 to 2019 need at least 6 events");
        Assert.True(events.Count(d => d.Year == 2020 && d.Month == 9) >= 2, "September 2020 needs at least 2 events");
        Assert.True(events.Count(d => d.Year == 2020 && d.Month == 12) >= 4, "December 2020 needs at least 4 events");
        Assert.True(events.Count(d => d.Year >= 2021) >= 6, "2021 and after need at least 6 events");
    }

    [Fact]
    public void Every_event_cites_at_least_one_source() =>
        Assert.All(_shipped.Site.Events, e => Assert.NotEmpty(e.Body.Notes));

    [Fact]
    public void Every_seed_article_is_cited_somewhere()
    {
        var cited = _shipped.Site.Events.SelectMany(e => e.Body.CitedSourceIds)
            .Concat(_shipped.Site.Pages.SelectMany(p => p.Body.CitedSourceIds))
            .ToHashSet();

        Assert.All(SeedSources, seed => Assert.Contains(seed, cited));
    }

    [Fact]
    public void It_has_at_least_20_sources_and_the_about_and_in_memoriam_pages()
    {
        Assert.True(_shipped.Site.Sources.Count >= 20);
        Assert.Contains(_shipped.Site.Pages, p => p.Page.Id == "about");
        Assert.Contains(_shipped.Site.Pages, p => p.Page.Id == "in-memoriam");
    }

    [Fact]
    public void At_least_45_sources_have_an_address_and_every_address_is_http_and_used_once()
    {
        var addresses = _shipped.Site.Sources.Where(s => s.Url is not null).Select(s => (s.Id, Url: s.Url!)).ToList();

        Assert.True(addresses.Count >= 45, $"Only {addresses.Count} sources have an address.");
        Assert.All(addresses, a => Assert.True(
            Uri.TryCreate(a.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            $"{a.Id}: '{a.Url}' is not an http(s) address."));
        Assert.Empty(addresses.GroupBy(a => a.Url, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Id))}"));
    }

    [Theory]
    [InlineData("2023-12-noury-appeal-ruling", "2023-12", "svea-noury-appeal-ruling")]
    [InlineData("2024-03-noury-leave-to-appeal-refused", "2024-03", "supreme-court-sweden-b-206-24")]
    public void The_appeal_and_the_supreme_courts_refusal_in_the_noury_case_are_events_citing_the_courts(string id, string date, string court)
    {
        var e = Assert.Single(_shipped.Site.Events, e => e.Id == id);

        Assert.Equal(date, e.Event.When.Start.ToString());
        Assert.Contains(court, e.Body.CitedSourceIds);
        Assert.NotNull(Assert.Single(_shipped.Site.Sources, s => s.Id == court).Url);
    }

    [Fact]
    public void Every_source_note_is_in_persian_on_persian_pages_with_english_only_in_isolated_titles_publishers_and_runs()
    {
        Assert.Empty(_shipped.Site.Sources.Where(s => s.Note is not null && s.Translations.GetValueOrDefault("fa")?.Note is null).Select(s => s.Id));

        // Every note list item and bibliography note of the Persian tree: its Latin letters are all inside an element
        // marked left to right (the citation's title and publisher, a quoted headline, an address) or a <bdi>.
        var notes = 0;
        foreach (var page in Directory.EnumerateFiles(Path.Combine(_shipped.Folder, "output", "fa"), "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            foreach (var note in Elements(html, "li", "<li id=\"note-").Concat(Elements(html, "p", "<p class=\"source-note\"")))
            {
                notes++;
                var english = LatinOutsideIsolates(note);
                Assert.True(english.Length == 0, $"{page}: a note holds English outside an isolated title, publisher or run ({english}): {note}");
            }
        }

        Assert.True(notes >= 69 + _shipped.Site.Events.Count, $"Only {notes} notes were checked.");
    }

    [Fact]
    public void Each_event_lists_its_connected_events_once_each_though_most_are_both_related_and_referring()
    {
        var overlapping = 0;
        foreach (var e in _shipped.Site.Events)
        {
            var links = ConnectedLinks(Path.Combine(_shipped.Folder, "output", "events", e.Id, "index.html"));
            var referring = _shipped.Site.Events.Where(other => other.RelatedIds.Contains(e.Id) || other.Body.LinkedEventIds.Contains(e.Id)).Select(other => other.Id);
            var expected = e.RelatedIds.Concat(referring).Where(id => id != e.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            overlapping += e.RelatedIds.Intersect(referring).Any() ? 1 : 0;

            Assert.Equal(links.Distinct().Count(), links.Count);
            Assert.Equal(expected, links.Select(l => l.Split('/')[^2]).Order(StringComparer.Ordinal).ToList());
        }

        // The case the merged list exists for: both lists named the same events on most pages.
        Assert.True(overlapping >= 20, $"only {overlapping} events are both related to and referred to by the same event");
    }

    private static List<string> ConnectedLinks(string page)
    {
        var html = File.ReadAllText(page);
        var start = html.IndexOf("<section class=\"connected", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(section, "<li><a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void The_secret_executions_are_listed_after_the_fatwa_that_ordered_them_and_before_the_evin_commission()
    {
        var ids = _shipped.Site.Events.Select(e => e.Id).ToList();

        Assert.True(ids.IndexOf("1988-07-19-death-commissions-formed") < ids.IndexOf("1988-07-secret-executions"));
        Assert.True(ids.IndexOf("1988-07-secret-executions") < ids.IndexOf("1988-07-27-evin-commission-begins"));
    }

    [Fact]
    public void The_index_and_a_crowded_years_page_list_its_events_by_month_with_links_to_each_month()
    {
        var output = Path.Combine(_shipped.Folder, "output");
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        var year = File.ReadAllText(Path.Combine(output, "years", "1988", "index.html"));
        var persian = File.ReadAllText(Path.Combine(output, "fa", "years", "1988", "index.html"));

        // The events dated to 1988 only come first, then each month in order, the fatwa before the executions it ordered.
        var headings = new[] { ">1988 as a whole<", "id=\"y1988-07\">July 1988<", "id=\"y1988-08\">August 1988<", "id=\"y1988-12\">December 1988<" };
        Assert.All(headings, h => Assert.Contains(h, index, StringComparison.Ordinal));
        Assert.Equal(headings.Select(h => index.IndexOf(h, StringComparison.Ordinal)).Order(), headings.Select(h => index.IndexOf(h, StringComparison.Ordinal)));
        var july = index[index.IndexOf("id=\"y1988-07\"", StringComparison.Ordinal)..index.IndexOf("id=\"y1988-08\"", StringComparison.Ordinal)];
        Assert.True(july.IndexOf("/events/1988-07-19-death-commissions-formed/", StringComparison.Ordinal) < july.IndexOf("/events/1988-07-secret-executions/", StringComparison.Ordinal));
        Assert.DoesNotContain("/events/1988-death-toll/", july, StringComparison.Ordinal);

        Assert.Contains("<li><a href=\"#y1988-07\">July 1988</a></li>", year, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"month-heading\" id=\"y1988-07\">July 1988</h2>", year, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"month-heading\" id=\"y1988-07\">ژوئیه ۱۹۸۸</h2>", persian, StringComparison.Ordinal);

        // A year whose events each fall in a month of their own keeps a plain list.
        foreach (var page in Directory.EnumerateFiles(Path.Combine(output, "years"), "index.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(page);
            var lists = System.Text.RegularExpressions.Regex.Matches(html, "<ol class=\"event-list\">(.*?)</ol>", System.Text.RegularExpressions.RegexOptions.Singleline);
            if (html.Contains("month-heading", StringComparison.Ordinal))
            {
                Assert.Contains(lists, list => System.Text.RegularExpressions.Regex.Matches(list.Value, "<li class=\"event-item\">").Count > 1);
            }
        }
    }

    [Fact]
    public void It_uses_eras_and_entities()
    {
        Assert.NotEmpty(_shipped.Site.Eras);
        Assert.Contains(_shipped.Site.Entities, e => e.Entity.Kind == EntityKind.Person);
        Assert.Contains(_shipped.Site.Entities, e => e.Entity.Kind == EntityKind.Organisation);
        Assert.Contains(_shipped.Site.Entities, e => e.Entity.Kind == EntityKind.Place);
    }

    [Fact]
    public void Building_twice_gives_byte_identical_output()
    {
        var second = Path.Combine(_shipped.Folder, "second");
        var result = TimelineBuilder.Build(new BuildOptions(Repository.Input, Repository.Theme, second, null, Repository.Root));
        Assert.True(result.Succeeded);

        var first = Path.Combine(_shipped.Folder, "output");
        var firstFiles = Files(first);
        Assert.Equal(firstFiles, Files(second));
        foreach (var file in firstFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs between two builds.");
        }
    }

    [Fact]
    public void Every_tag_the_shipped_events_use_has_an_english_and_a_persian_name()
    {
        var used = _shipped.Site.Events.SelectMany(e => e.Event.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        var named = _shipped.Site.Tags.ToDictionary(t => t.Id);
        Assert.All(used, id => Assert.True(named.TryGetValue(id, out var tag) && tag.Name != id && tag.Translations.ContainsKey("fa"), $"The tag '{id}' has no English and Persian name in tags.yml."));

        var output = Path.Combine(_shipped.Folder, "output");
        Assert.Contains("<a href=\"/tags/death-toll/\">Death toll</a>", File.ReadAllText(Path.Combine(output, "events", "1988-death-toll", "index.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/fa/tags/death-toll/\">شمار کشته‌شدگان</a>", File.ReadAllText(Path.Combine(output, "fa", "events", "1988-death-toll", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_overview_links_every_event_once_and_marks_the_silent_years()
    {
        var svg = OverviewSvg.FromPage(File.ReadAllText(Path.Combine(_shipped.Folder, "output", "index.html")));

        Assert.Equal(_shipped.Site.Events.Select(e => $"/events/{e.Id}/"), svg.Links.Select(l => l.Href));
        Assert.All(svg.Links, link => Assert.Matches(@"^(c\. )?([0-9A-Z].* )?(19|20)[0-9]{2}: \S", link.Name));
        Assert.Contains("1990–2015: no events recorded", svg.Texts);
        Assert.All(_shipped.Site.Eras, era => Assert.Contains(era.Title, svg.Texts));
        Assert.Equal("Overview of the timeline, 1988 to 2024", svg.Referenced("aria-labelledby"));

        // 1988, crowded, names its months; 1989's one event is written out; every year with events links to its list.
        Assert.Equal(["July", "August", "December"], svg.Root.Descendants(OverviewSvg.Svg + "text").Where(t => (string?)t.Attribute("class") == "overview-month").Select(t => t.Value).Take(3));
        Assert.Contains(svg.Root.Descendants(OverviewSvg.Svg + "text"), t => (string?)t.Attribute("class") == "overview-title" && t.Value.StartsWith("Montazeri", StringComparison.Ordinal));
        Assert.Equal(_shipped.Site.Events.Select(e => e.Event.When.Start.Year).Distinct().Select(y => $"/years/{y}/"), svg.YearLinks.Select(l => l.Href));
    }

    /// <summary>Each element starting with <paramref name="start"/>, to its matching end tag.</summary>
    private static IEnumerable<string> Elements(string html, string tag, string start)
    {
        for (var at = html.IndexOf(start, StringComparison.Ordinal); at >= 0; at = html.IndexOf(start, at + 1, StringComparison.Ordinal))
        {
            yield return html[at..EndOf(html, at, tag)];
        }
    }

    /// <summary>The Latin letters of a piece of HTML that are not inside an element with dir="ltr" or a bdi; a source's note is never counted as isolated, so an untranslated one shows.</summary>
    private static string LatinOutsideIsolates(string html)
    {
        var text = html;
        var from = 0;
        while (Isolate().Match(text, from) is { Success: true } match)
        {
            var end = EndOf(text, match.Index, match.Groups["tag"].Value);
            if (text[match.Index..end].Contains("source-note", StringComparison.Ordinal))
            {
                from = match.Index + match.Length;
            }
            else
            {
                text = text[..match.Index] + text[end..];
                from = match.Index;
            }
        }

        var visible = Entity().Replace(Tag().Replace(text, " "), " ");
        return string.Join(' ', Latin().Matches(visible).Select(m => m.Value));
    }

    /// <summary>The index just past the end tag matching the element that opens at <paramref name="at"/>.</summary>
    private static int EndOf(string html, int at, string tag)
    {
        var depth = 0;
        foreach (Match m in Regex.Matches(html[at..], $"<(/?){tag}[\\s>]"))
        {
            depth += m.Groups[1].Value.Length == 0 ? 1 : -1;
            if (depth == 0)
            {
                return at + m.Index + html[(at + m.Index)..].IndexOf('>') + 1;
            }
        }

        return html.Length;
    }

    [GeneratedRegex("<(?<tag>\\w+)\\b[^>]*\\bdir=\"ltr\"[^>]*>|<(?<tag>bdi)\\b[^>]*>")]
    private static partial Regex Isolate();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("&#?\\w+;")]
    private static partial Regex Entity();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Latin();

    private static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
}
