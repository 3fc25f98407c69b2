using System.Diagnostics;
using System.Security.Cryptography;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Output;

/// <summary>
/// A rebuild stages into the site the build before it replaced (kept as .output.spare), keeping unchanged files and
/// removing stale ones: its output must be the same bytes as a build into an empty folder.
/// </summary>
public sealed class SpareOutputTests
{
    private const string Letter = "input/events/2020/letter-sent.yml";

    [Fact]
    public void A_rebuild_into_the_spare_gives_the_same_bytes_as_a_build_into_an_empty_folder()
    {
        using var site = TestSite.Build("valid/basic");
        site.AssertSucceeded();
        Assert.False(Directory.Exists(Spare(site)));

        // The second build's output differs from the first's: a title changed, an event and its pages went away.
        Edit(site, Letter, "title: The letter is sent", "title: The letter is sent at last");
        File.Delete(Path.Combine(site.Folder, "input", "events", "1988", "year-only.yml"));
        TestSite.BuildIn(site.Folder).AssertSucceeded();
        Assert.True(Directory.Exists(Spare(site)));

        // The third stages into the first's site, which still has the removed event, the old title and the old search
        // index; the search index itself comes from the cache.
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        Assert.Equal(Fresh(site), Snapshot(site.Output));
        Assert.False(site.Exists("events/year-only/index.html"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "events", "year-only")));
        Assert.Empty(Directory.EnumerateDirectories(site.Folder, ".output.tmp-*"));
        Assert.Empty(Directory.EnumerateDirectories(site.Folder, ".output.old-*"));
    }

    [Fact]
    public async Task The_spare_is_claimed_only_once_its_early_walk_has_ended()
    {
        // A walk still going when the spare is renamed would miss the folders it had not reached yet.
        var folder = TestSite.NewFolder();
        var spare = Path.Combine(folder, ".output.spare");
        Timeline.Output.OwnedFolder.Claim(spare, Timeline.Output.OwnedFolder.Output);
        Directory.CreateDirectory(Path.Combine(spare, "events", "a"));
        File.WriteAllText(Path.Combine(spare, "events", "a", "index.html"), "old");
        var staging = Path.Combine(folder, ".output.tmp-1");
        var walk = new TaskCompletionSource<Timeline.Output.SpareOutput.Survey?>();

        var claim = Task.Run(() => Timeline.Output.SpareOutput.Claim(spare, staging, walk.Task));
        await Task.Delay(300);
        Assert.False(claim.IsCompleted);
        Assert.True(Directory.Exists(spare));

        walk.SetResult(Timeline.Output.SpareOutput.Survey.Of(spare));
        var claimed = await claim;
        Assert.NotNull(claimed);
        Assert.True(claimed.Has(Path.Combine(staging, "events", "a", "index.html"), Timeline.Output.FileStamp.Of(Path.Combine(staging, "events", "a", "index.html"))!.Value));
    }

    [Fact]
    public void A_rebuild_that_runs_pagefind_again_replaces_the_spares_old_index_whole()
    {
        using var site = TestSite.Build("valid/basic");
        Edit(site, Letter, "title: The letter is sent", "title: The letter is sent at last");
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        // New pages, so the cached index does not fit: Pagefind runs over a staging folder that held an older index.
        Edit(site, Letter, "summary: A letter was sent.", "summary: A letter was sent to the government.");
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        Assert.Equal(Fresh(site), Snapshot(site.Output));
    }

    [Fact]
    public void Unchanged_files_are_kept_and_changed_ones_are_made_anew_never_written_into()
    {
        using var site = TestSite.Build("valid/basic");
        Edit(site, Letter, "title: The letter is sent", "title: The letter is sent at last");
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        // In the spare (the first build's site): a file the next build leaves as it is, and one it changes, hard-linked
        // from outside as a backup made with `cp -al` would be.
        var spare = Spare(site);
        var stylesheet = Path.Combine(spare, "assets", "style.css");
        var marked = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(stylesheet, marked);
        var backup = Path.Combine(site.Folder, "backup-index.html");
        Run("ln", Path.Combine(spare, "events", "letter-sent", "index.html"), backup);
        var before = File.ReadAllText(backup);
        Assert.Contains("The letter is sent<", before, StringComparison.Ordinal);

        Edit(site, Letter, "title: The letter is sent at last", "title: The letter is sent, finally");
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        Assert.Equal(marked, File.GetLastWriteTimeUtc(Path.Combine(site.Output, "assets", "style.css")));
        Assert.Equal(before, File.ReadAllText(backup));
        site.AssertFileContains("events/letter-sent/index.html", "The letter is sent, finally");
        Assert.Equal(Fresh(site), Snapshot(site.Output));
    }

    [Fact]
    public void Links_planted_in_the_spare_are_removed_not_followed()
    {
        using var site = TestSite.Build("valid/basic");
        TestSite.BuildIn(site.Folder).AssertSucceeded();

        // Outside the output: a file and a folder that a link in the spare points to.
        var victim = Path.Combine(site.Folder, "victim.txt");
        File.WriteAllText(victim, "untouched");
        var victimFolder = Path.Combine(site.Folder, "victim-folder");
        Directory.CreateDirectory(victimFolder);
        File.WriteAllText(Path.Combine(victimFolder, "index.html"), "untouched");

        var spare = Spare(site);
        var page = Path.Combine(spare, "events", "letter-sent", "index.html");
        File.Delete(page);
        File.CreateSymbolicLink(page, victim);
        var folder = Path.Combine(spare, "events", "first-event");
        Directory.Delete(folder, recursive: true);
        Directory.CreateSymbolicLink(folder, victimFolder);

        TestSite.BuildIn(site.Folder).AssertSucceeded();

        Assert.Equal("untouched", File.ReadAllText(victim));
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(victimFolder).Select(Path.GetFileName));
        Assert.Equal("untouched", File.ReadAllText(Path.Combine(victimFolder, "index.html")));
        Assert.Null(new FileInfo(Path.Combine(site.Output, "events", "letter-sent", "index.html")).LinkTarget);
        Assert.Null(new DirectoryInfo(Path.Combine(site.Output, "events", "first-event")).LinkTarget);
        Assert.Equal(Fresh(site), Snapshot(site.Output));
    }

    [Fact]
    public void A_failed_rebuild_leaves_the_output_as_it_was_and_the_next_one_starts_afresh()
    {
        using var site = TestSite.Build("valid/basic");
        TestSite.BuildIn(site.Folder).AssertSucceeded();
        var before = Snapshot(site.Output);

        File.AppendAllText(Path.Combine(site.Folder, Letter), "bogus_field: 1\n");
        Assert.False(TestSite.BuildIn(site.Folder).Result.Succeeded);
        Assert.Equal(before, Snapshot(site.Output));

        Edit(site, Letter, "bogus_field: 1\n", "");
        TestSite.BuildIn(site.Folder).AssertSucceeded();
        Assert.Equal(Fresh(site), Snapshot(site.Output));
    }

    private static string Spare(TestSite site) => Path.Combine(site.Folder, ".output.spare");

    private static void Edit(TestSite site, string path, string from, string to)
    {
        var file = Path.Combine(site.Folder, path);
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    // The same input built into a folder that does not exist yet, with a cache of its own: an index cached from a
    // wrong staging folder must not be copied back into the build it is compared with.
    private static Dictionary<string, string> Fresh(TestSite site)
    {
        var fresh = Path.Combine(site.Folder, "fresh-" + Guid.NewGuid().ToString("N"));
        var options = new BuildOptions(Path.Combine(site.Folder, "input"), Repository.Theme, Path.Combine(fresh, "output"), null, site.Folder)
        {
            ToolsFolder = Repository.Root,
            CacheFolder = Path.Combine(fresh, "cache"),
        };
        var output = options.OutputFolder;
        var result = TimelineBuilder.Build(options);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return Snapshot(output);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(f))));

    private static void Run(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }
}
