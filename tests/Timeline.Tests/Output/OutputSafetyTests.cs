using Timeline.Output;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Output;

public sealed class OutputSafetyTests
{
    [Fact]
    public void A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();
        var before = Snapshot(site.Output);

        File.AppendAllText(Path.Combine(site.Folder, "input", "events", "2020", "letter-sent.yml"), "bogus_field: 1\n");
        var again = TestSite.BuildIn(site.Folder);

        Assert.False(again.Result.Succeeded);
        Assert.Equal(before, Snapshot(site.Output));
        Assert.Empty(Directory.EnumerateDirectories(site.Folder, ".output.*"));
    }

    [Fact]
    public void A_successful_build_replaces_the_previous_output_and_removes_stale_files()
    {
        using var site = TestSite.Build("valid/basic");
        File.Delete(Path.Combine(site.Folder, "input", "events", "1988", "year-only.yml"));
        var again = TestSite.BuildIn(site.Folder);

        again.AssertSucceeded();
        Assert.False(site.Exists("events/year-only/index.html"));
        Assert.True(site.Exists("events/first-event/index.html"));
    }

    [Fact]
    public void Refuses_a_non_empty_folder_that_is_not_a_timeline_output()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var precious = Path.Combine(folder, "precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "notes.txt"), "my words");

        var result = TimelineBuilder.Build(new BuildOptions(Path.Combine(folder, "input"), Repository.Theme, precious, null, folder));

        Assert.Equal("precious/: error TL0500: refusing to write the site into 'precious': it is not empty and is not a previous Timeline output (it has no .timeline-output file). Choose an empty folder or a previous Timeline output, such as 'output'.", Assert.Single(result.Diagnostics).ToString());
        Assert.Equal("my words", File.ReadAllText(Path.Combine(precious, "notes.txt")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("input")]
    [InlineData("input/events")]
    [InlineData(".")]
    public void Refuses_dangerous_targets(string target)
    {
        var folder = TestSite.NewFolder();
        Directory.CreateDirectory(Path.Combine(folder, "input"));
        File.WriteAllText(Path.Combine(folder, "Timeline.sln"), "");
        var output = Path.IsPathRooted(target) ? target : Path.Combine(folder, target);

        Assert.NotNull(OutputWriter.Refusal(output, Path.Combine(folder, "input"), Path.Combine(folder, "theme")));
    }

    [Fact]
    public void Refuses_the_home_folder() =>
        Assert.Equal("it is your home folder", OutputWriter.Refusal(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "/nonexistent/input", "/nonexistent/theme"));

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
