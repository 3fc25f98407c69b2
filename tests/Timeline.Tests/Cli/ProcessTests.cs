using System.Diagnostics;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>The program as a process: killed mid-build, and run under other locales.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Killing_a_build_while_it_writes_leaves_the_previous_output_intact_and_complete()
    {
        var folder = TestSite.NewFolder();
        CliProcess.WriteLargeSite(folder, 3000);
        var first = CliProcess.Run(folder, null, "build", "--theme", Repository.Theme);
        Assert.True(first.Code == 0, first.Errors);
        var output = Path.Combine(folder, "output");
        var before = Snapshot(output);

        // Change every page, then kill the second build as soon as its staging folder appears.
        File.WriteAllText(Path.Combine(folder, "input", "site.yml"), "title: Renamed\ndescription: Generated.\nbase_url: https://example.org\n");
        using var process = System.Diagnostics.Process.Start(CliProcess.StartInfo(folder, null, "build", "--theme", Repository.Theme))!;
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && !Directory.EnumerateDirectories(folder, ".output.tmp-*").Any() && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(1);
        }

        var killedWhileWriting = !process.HasExited;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.True(killedWhileWriting, "The build finished before it could be killed; make the generated site larger.");
        Assert.Equal(before, Snapshot(output));

        // The next build clears what the killed one left behind and succeeds.
        var third = CliProcess.Run(folder, null, "build", "--theme", Repository.Theme);
        Assert.True(third.Code == 0, third.Errors);
        Assert.Empty(Directory.EnumerateDirectories(folder, ".output.tmp-*"));
        Assert.Empty(Directory.EnumerateDirectories(folder, ".output.old-*"));
        Assert.Contains("Renamed", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_builds_identically_under_persian_and_turkish_locales()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var outputs = new List<Dictionary<string, string>>();
        foreach (var locale in new[] { "fa_IR.UTF-8", "tr_TR.UTF-8", "C.UTF-8" })
        {
            var environment = new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale };
            var target = "output-" + locale[..2].ToLowerInvariant();
            var run = CliProcess.Run(folder, environment, "build", "--theme", Repository.Theme, "--output", target);
            Assert.True(run.Code == 0, run.Errors);
            outputs.Add(Snapshot(Path.Combine(folder, target)));
        }

        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[0], outputs[2]);
    }

    [Fact]
    public void Redirected_output_has_plain_lines_only_without_progress_or_control_characters()
    {
        var folder = TestSite.NewFolder();
        CliProcess.WriteLargeSite(folder, 1500);

        var run = CliProcess.Run(folder, null, "build", "--theme", Repository.Theme);

        Assert.True(run.Code == 0, run.Errors);
        Assert.DoesNotContain(run.Output + run.Errors, c => c is '\r' or '\u001b' or '\b');
        Assert.Matches(@"^Built 1500 events, 0 pages, 1 source into output/ \(\d+ files\) in \d+\.\d\d s; 0 errors, 0 warnings\.\n$", run.Output);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
