using System.Text.Json.Nodes;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>`timeline init`: a site that builds at once, with the built-in theme; never written over anything.</summary>
public sealed class InitCommandTests
{
    private static (int Code, string Output, string Errors) Run(string folder, params string[] args) => CliProcess.Run(folder, null, args);

    [Fact]
    public void A_new_site_builds_at_once_and_again_after_new_event_with_no_warnings()
    {
        var parent = TestSite.NewFolder();
        var site = Path.Combine(parent, "my-timeline");

        var init = Run(parent, "init", "my-timeline");
        Assert.True(init.Code == 0, init.Errors);
        Assert.Equal(
            [".gitignore", "README.md", "input/events/2000/2000-01-01-example-event.yml", "input/pages/about.md", "input/site.yml", "input/sources.yml", "package.json",
             .. Directory.EnumerateFiles(Path.Combine(Repository.Root, "schemas", "input")).Select(f => "schemas/input/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)],
            Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(site, f)).Order(StringComparer.Ordinal));

        // Each record names its schema, which init copied beside the input, so an editor checks it offline.
        foreach (var yaml in Directory.EnumerateFiles(Path.Combine(site, "input"), "*.yml", SearchOption.AllDirectories))
        {
            AssertSchemaLineReaches(yaml);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.Root, "schemas", "input", "event.schema.json")), File.ReadAllBytes(Path.Combine(site, "schemas", "input", "event.schema.json")));

        // No theme/ of its own: the built-in theme is used.
        var first = Run(site, "build");
        Assert.True(first.Code == 0, first.Errors);
        Assert.Contains("0 errors, 0 warnings.", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "output", "events", "2000-01-01-example-event", "index.html")));

        var added = Run(site, "new", "event", "--title", "Second example", "--date", "2001-02-03");
        Assert.True(added.Code == 0, added.Errors);
        var record = Path.Combine(site, "input", "events", "2001", "2001-02-03-second-example.yml");
        File.WriteAllText(record, File.ReadAllText(record)
            .Replace("summary: \"\"", "summary: \"What the author wrote.\"", StringComparison.Ordinal)
            .Replace("sources: []", "sources: [example-source]", StringComparison.Ordinal));

        AssertSchemaLineReaches(record);

        var second = Run(site, "build");
        Assert.True(second.Code == 0, second.Errors);
        Assert.Contains("Built 2 events", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 errors, 0 warnings.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var site = TestSite.NewFolder();
        File.WriteAllText(Path.Combine(site, "notes.txt"), "mine\n");

        var refused = Run(site, "init");

        Assert.Equal(2, refused.Code);
        Assert.StartsWith("./: error TL0965: '.' is not empty", refused.Errors, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName));
    }

    [Fact]
    public void With_force_the_starter_files_go_beside_others_but_never_over_one()
    {
        var site = TestSite.NewFolder();
        File.WriteAllText(Path.Combine(site, "notes.txt"), "mine\n");

        var added = Run(site, "init", "--force");
        Assert.True(added.Code == 0, added.Errors);
        Assert.True(File.Exists(Path.Combine(site, "input", "site.yml")));
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(site, "notes.txt")));

        File.WriteAllText(Path.Combine(site, "README.md"), "my own readme\n");
        File.Delete(Path.Combine(site, "package.json"));
        var again = Run(site, "init", "--force");

        Assert.Equal(2, again.Code);
        Assert.Contains("error TL0966: ", again.Errors, StringComparison.Ordinal);
        Assert.Contains("'README.md'", again.Errors, StringComparison.Ordinal);
        Assert.Equal("my own readme\n", File.ReadAllText(Path.Combine(site, "README.md")));
        Assert.False(File.Exists(Path.Combine(site, "package.json")), "A refused init wrote a file.");
    }

    [Fact]
    public void A_file_in_place_of_the_folder_is_refused()
    {
        var parent = TestSite.NewFolder();
        File.WriteAllText(Path.Combine(parent, "site"), "a file\n");

        var refused = Run(parent, "init", "site");

        Assert.Equal(2, refused.Code);
        Assert.Contains("error TL0967: 'site' is a file, not a folder.", refused.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_new_sites_packages_are_the_build_tools_at_the_versions_timeline_is_tested_with()
    {
        var repository = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "package.json")))!;

        var package = JsonNode.Parse(Timeline.Cli.Init.InitCommand.PackageJson(repository.ToJsonString()))!;

        Assert.True(JsonNode.DeepEquals(repository["dependencies"], package["dependencies"]));
        Assert.True(JsonNode.DeepEquals(repository["optionalDependencies"], package["optionalDependencies"]));
        Assert.Null(package["devDependencies"]);
        Assert.Contains("vazirmatn", package["dependencies"]!.AsObject().Select(p => p.Key));
    }

    private static void AssertSchemaLineReaches(string yaml)
    {
        var first = File.ReadLines(yaml).First();
        const string Prefix = "# yaml-language-server: $schema=";
        Assert.StartsWith(Prefix, first, StringComparison.Ordinal);
        var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(yaml)!, first[Prefix.Length..]));
        Assert.True(File.Exists(schema), $"{yaml} names {schema}, which is not there.");
    }
}
