using System.Diagnostics;
using System.Text.Json.Nodes;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// The dates of an entry itself (first published, last updated, corrected): from the record, from the git history
/// of its file, or none; shown on its page, in its JSON-LD, its citation, the feed and the changes page.
/// </summary>
public sealed class EntryDatesTests
{
    private const string SiteYaml = "title: T\ndescription: D\nbase_url: https://example.org\n";
    private const string Sources = "- id: a\n  title: A\n  publisher: P\n  kind: report\n";

    private const string Dated = """
        date: "1988-07-19"
        title: The commissions are formed
        summary: S
        published: "2024-05-03"
        updated: "2024-06-01"
        corrections:
          - date: "2024-07-10"
            text: The date of the *second* meeting was 15, not 16 August.
        body: Claim [@a].
        """;

    private const string Undated = "date: \"1990\"\ntitle: Undated\nsummary: S\nbody: Claim [@a].\n";

    private static Dictionary<string, string> Files(string dated = Dated) => new()
    {
        ["input/site.yml"] = SiteYaml,
        ["input/sources.yml"] = Sources,
        ["input/events/dated.yml"] = dated,
        ["input/events/undated.yml"] = Undated,
    };

    [Fact]
    public void Dates_from_the_record_show_on_the_page_in_json_ld_and_in_the_citation()
    {
        using var site = TestSite.FromFiles(Files());
        site.AssertSucceeded();

        const string page = "events/dated/index.html";
        site.AssertFileContains(page, "First published <time datetime=\"2024-05-03\">3 May 2024</time>, last updated <time datetime=\"2024-07-10\">10 July 2024</time>.");
        site.AssertFileContains(page, "<li>Corrected on <time datetime=\"2024-07-10\">10 July 2024</time>: The date of the <em>second</em> meeting was 15, not 16 August.</li>");
        site.AssertFileContains(page, "\"datePublished\":\"2024-05-03\",\"dateModified\":\"2024-07-10\"");
        site.AssertFileContains(page, "<i>The commissions are formed</i>. (2024, July 10). T. https://example.org/events/dated/</p>");
        var item = JsonNode.Parse(site.Read("events/dated/cite.json"))![0]!;
        Assert.Equal("[[2024,7,10]]", item["issued"]!["date-parts"]!.ToJsonString());
        Assert.Equal("[[1988,7,19]]", item["event-date"]!["date-parts"]!.ToJsonString());

        // Without dates: no sentence, no JSON-LD dates, no issued.
        site.AssertFileDoesNotContain("events/undated/index.html", "class=\"entry-dates\"");
        site.AssertFileDoesNotContain("events/undated/index.html", "datePublished");
        Assert.Null(JsonNode.Parse(site.Read("events/undated/cite.json"))![0]!["issued"]);
    }

    [Fact]
    public void The_changes_page_lists_every_dated_change_newest_first()
    {
        using var site = TestSite.FromFiles(Files());

        var html = site.Read("changes/index.html");
        var corrected = html.IndexOf("<span class=\"change-kind\">Corrected</span>", StringComparison.Ordinal);
        var updated = html.IndexOf("<span class=\"change-kind\">Updated</span>", StringComparison.Ordinal);
        var published = html.IndexOf("<span class=\"change-kind\">First published</span>", StringComparison.Ordinal);
        Assert.True(corrected > 0 && corrected < updated && updated < published, html);
        site.AssertFileContains("changes/index.html", "<a href=\"/events/dated/\">The commissions are formed</a>: <span class=\"change-text\">The date of the <em>second</em> meeting was 15, not 16 August.</span>");
        site.AssertFileDoesNotContain("changes/index.html", "Undated");
    }

    [Fact]
    public void The_feed_gives_each_entry_its_own_dates_as_a_feed_reader_reads_them()
    {
        using var site = TestSite.FromFiles(Files());

        var feed = site.Read("feed.xml");
        Assert.Contains("<published>2024-05-03T00:00:00Z</published>", feed, StringComparison.Ordinal);
        Assert.Contains("<updated>2024-07-10T00:00:00Z</updated>", feed, StringComparison.Ordinal);
        var (code, output, errors) = NodeScript.Run(Path.Combine(Repository.Root, "tests", "Timeline.Tests", "Publishing", "Clients", "feed.mjs"), feed);
        Assert.True(code == 0, errors);
        var parsed = JsonNode.Parse(output)!;
        Assert.Equal("atom", (string?)parsed["type"]);
        Assert.Equal("2024-07-10T00:00:00.000Z", (string?)parsed["updated"]);
        var dated = parsed["items"]!.AsArray().Single(i => (string?)i!["id"] == "https://example.org/events/dated/")!;
        Assert.Equal("2024-05-03T00:00:00.000Z", (string?)dated["published"]);
        Assert.Equal("2024-07-10T00:00:00.000Z", (string?)dated["updated"]);

        // An entry with no date of its own keeps the first day of its event as 'updated', which Atom requires, and has no 'published'.
        var undated = parsed["items"]!.AsArray().Single(i => (string?)i!["id"] == "https://example.org/events/undated/")!;
        Assert.Equal("1990-01-01T00:00:00.000Z", (string?)undated["updated"]);
        Assert.Null((string?)undated["published"]);
    }

    [Fact]
    public void Dates_come_from_the_git_history_of_each_file_and_two_builds_of_a_commit_are_identical()
    {
        var folder = TestSite.NewFolder();
        var input = Path.Combine(folder, "input");
        Write(input, "site.yml", SiteYaml);
        Write(input, "sources.yml", Sources);
        Write(input, "events/moved.yml", Undated.Replace("Undated", "Moved", StringComparison.Ordinal));
        Git(folder, "init", "-q");
        Commit(folder, "2021-02-03T23:30:00-05:00");
        Write(input, "events/late.yml", "date: \"1991\"\ntitle: Late\nsummary: S\nbody: Claim [@a].\n");
        Git(folder, "mv", "input/events/moved.yml", "input/events/renamed.yml");
        Commit(folder, "2022-05-06T10:00:00Z");
        File.AppendAllText(Path.Combine(input, "events", "renamed.yml"), "tags: [x]\n");
        Commit(folder, "2023-08-09T10:00:00Z");

        // An edit not committed changes no date: the last commit's stands.
        File.AppendAllText(Path.Combine(input, "events", "late.yml"), "tags: [y]\n");
        using var first = TestSite.BuildIn(folder);
        first.AssertSucceeded();

        // The committer's day in UTC (23:30 at UTC-5 is the next day), and the file's first name's history counts.
        first.AssertFileContains("events/renamed/index.html", "First published <time datetime=\"2021-02-04\">4 February 2021</time>, last updated <time datetime=\"2023-08-09\">9 August 2023</time>.");
        first.AssertFileContains("events/late/index.html", "First published <time datetime=\"2022-05-06\">6 May 2022</time>. ");

        var again = Path.Combine(folder, "again");
        var result = TimelineBuilder.Build(new BuildOptions(input, Repository.Theme, again, null, folder));
        Assert.Empty(result.Diagnostics);
        foreach (var file in Directory.EnumerateFiles(first.Output, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".timeline", StringComparison.Ordinal)))
        {
            var twin = Path.Combine(again, Path.GetRelativePath(first.Output, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(twin)), $"{file} differs between two builds of the same commit.");
        }
    }

    [Fact]
    public void A_shallow_clone_gives_no_dates_rather_than_the_date_of_its_cut()
    {
        var folder = TestSite.NewFolder();
        var origin = Path.Combine(folder, "origin");
        Write(Path.Combine(origin, "input"), "site.yml", SiteYaml);
        Write(Path.Combine(origin, "input"), "sources.yml", Sources);
        Write(Path.Combine(origin, "input"), "events/one.yml", Undated);
        Git(origin, "init", "-q");
        Commit(origin, "2021-02-03T10:00:00Z");
        File.AppendAllText(Path.Combine(origin, "input", "events", "one.yml"), "tags: [x]\n");
        Commit(origin, "2022-02-03T10:00:00Z");
        var clone = Path.Combine(folder, "clone");
        Git(folder, "clone", "-q", "--depth", "1", "file://" + origin, clone);

        using var site = TestSite.BuildIn(clone);

        site.AssertSucceeded();
        site.AssertFileDoesNotContain("events/one/index.html", "class=\"entry-dates\"");
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static void Commit(string folder, string date)
    {
        Git(folder, "add", "-A");
        Git(folder, new Dictionary<string, string> { ["GIT_COMMITTER_DATE"] = date, ["GIT_AUTHOR_DATE"] = date }, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", date);
    }

    private static void Git(string folder, params string[] args) => Git(folder, [], args);

    private static void Git(string folder, Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var git = Process.Start(info)!;
        var errors = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {errors}");
    }
}
