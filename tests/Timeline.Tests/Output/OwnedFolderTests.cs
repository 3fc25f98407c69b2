using System.Diagnostics;
using Timeline.Input;
using Timeline.Output.Search;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Output;

/// <summary>
/// A build deletes, moves and writes only into folders it has proven are its own. Each case plants what a hostile
/// repository or a careless hand could (a link, someone's folder) where a build keeps the output, its spare, an old
/// output, a staging folder or the cache, beside a folder of someone's files that must survive byte for byte.
/// </summary>
public sealed class OwnedFolderTests
{
    [Theory]
    [InlineData(".output.spare")]
    [InlineData(".output.old-0123456789abcdef0123456789abcdef")]
    [InlineData(".output.tmp-0123456789abcdef0123456789abcdef")]
    public void A_link_beside_the_output_is_an_error_and_what_it_points_to_is_untouched(string name)
    {
        var (folder, home) = SiteWithHome();
        Directory.CreateSymbolicLink(Path.Combine(folder, name), home);
        var before = Snapshot(home);

        // Three builds: the second and third of the old code emptied the target.
        for (var i = 0; i < 3; i++)
        {
            var site = TestSite.BuildIn(folder);
            var error = site.SingleError();
            Assert.Equal("TL0510", error.Code);
            Assert.Equal(name + "/", error.Path);
            Assert.Contains($"'{name}' is a symbolic link (to '{home}')", error.Message, StringComparison.Ordinal);
            Assert.Contains("remove", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Snapshot(home));
        Assert.False(OwnedLink(Path.Combine(folder, "output")), "The output became a link.");
        Assert.False(Directory.Exists(Path.Combine(folder, "output")), "Nothing may be written.");
        Assert.NotNull(new DirectoryInfo(Path.Combine(folder, name)).LinkTarget);
    }

    [Fact]
    public void A_link_beside_the_output_is_refused_even_when_a_previous_output_exists()
    {
        var (folder, home) = SiteWithHome();
        TestSite.BuildIn(folder).AssertSucceeded();

        TestSite.BuildIn(folder).AssertSucceeded();
        var output = Snapshot(Path.Combine(folder, "output"));
        Directory.Delete(Path.Combine(folder, ".output.spare"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(folder, ".output.spare"), home);
        var before = Snapshot(home);

        var again = TestSite.BuildIn(folder);

        Assert.Equal("TL0510", again.SingleError().Code);
        Assert.Equal(before, Snapshot(home));
        Assert.Equal(output, Snapshot(Path.Combine(folder, "output")));
    }

    [Fact]
    public void A_folder_beside_the_output_that_a_build_did_not_make_is_an_error()
    {
        var (folder, _) = SiteWithHome();
        var foreign = Directory.CreateDirectory(Path.Combine(folder, ".output.spare")).FullName;
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "my words");

        var site = TestSite.BuildIn(folder);

        Assert.Equal(
            ".output.spare/: error TL0510: '.output.spare' is a folder that Timeline did not make (it has no .timeline-output file). A build deletes, moves and writes only into folders it made itself, so it stopped before touching anything. Move or remove '.output.spare' yourself (removing a link leaves what it points to as it is); the next build makes its own.",
            site.SingleError().ToString());
        Assert.Equal("my words", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
    }

    [Fact]
    public void An_output_that_is_a_link_is_refused()
    {
        var (folder, home) = SiteWithHome();
        File.WriteAllText(Path.Combine(home, ".timeline-output"), "planted\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "output"), home);
        var before = Snapshot(home);

        var site = TestSite.BuildIn(folder);

        Assert.Equal("TL0500", site.SingleError().Code);
        Assert.Contains("it is a symbolic link", site.SingleError().Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(home));
    }

    [Theory]
    [InlineData(".timeline-cache")]
    [InlineData(".timeline-cache/search")]
    public void A_cache_that_is_a_link_is_an_error_and_what_it_points_to_is_untouched(string name)
    {
        var (folder, home) = SiteWithHome();
        File.WriteAllBytes(Path.Combine(home, "photo.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        Directory.CreateDirectory(Path.Combine(home, "projects", "thesis"));
        File.WriteAllText(Path.Combine(home, "projects", "thesis", "chapter1.md"), "Years of work.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
        if (name.Contains('/', StringComparison.Ordinal))
        {
            File.WriteAllText(Path.Combine(folder, ".timeline-cache", "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n");
        }

        Directory.CreateSymbolicLink(Path.Combine(folder, name), home);
        var before = Snapshot(home);

        for (var i = 0; i < 2; i++)
        {
            var site = TestSite.BuildIn(folder);
            Assert.Equal("TL0511", site.SingleError().Code);
            Assert.Equal(name + "/", site.SingleError().Path);
        }

        Assert.Equal(before, Snapshot(home));
    }

    [Fact]
    public void A_link_planted_inside_the_caches_search_folder_is_removed_without_being_followed()
    {
        var (folder, home) = SiteWithHome();
        TestSite.BuildIn(folder).AssertSucceeded();

        var search = Path.Combine(folder, ".timeline-cache", "search");
        Directory.CreateSymbolicLink(Path.Combine(search, "0000000000000000000000000000000000000000000000000000000000000000"), home);
        var before = Snapshot(home);
        using var again = RebuildAfterAnEdit(folder);

        again.AssertSucceeded();
        Assert.Equal(before, Snapshot(home));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(search), e => new DirectoryInfo(e).LinkTarget is not null);
    }

    [Theory]
    [InlineData("events.bin.tmp")]
    [InlineData("documents.bin.tmp")]
    [InlineData("pages.bin.tmp")]
    public void A_link_planted_where_a_cache_record_is_written_aside_is_not_followed(string name)
    {
        var (folder, home) = SiteWithHome();
        TestSite.BuildIn(folder).AssertSucceeded();

        File.CreateSymbolicLink(Path.Combine(folder, ".timeline-cache", name), Path.Combine(home, "letter.txt"));
        var before = Snapshot(home);
        using var again = RebuildAfterAnEdit(folder);

        again.AssertSucceeded();
        Assert.Equal(before, Snapshot(home));
    }

    [Fact]
    public void A_cached_search_index_holding_a_link_is_not_published()
    {
        var (folder, home) = SiteWithHome();
        TestSite.BuildIn(folder).AssertSucceeded();

        // The same pages again take the cached index; one file of it now points at someone's notes.
        var cached = Directory.EnumerateDirectories(Path.Combine(folder, ".timeline-cache", "search")).Single();
        var script = Path.Combine(cached, "pagefind-highlight.js");
        File.Delete(script);
        File.CreateSymbolicLink(script, Path.Combine(home, ".ssh", "id_ed25519"));

        using var again = TestSite.BuildIn(folder);

        again.AssertSucceeded();
        Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(Path.Combine(folder, "output", "pagefind", "en", "0", "pagefind-highlight.js")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_made_before_caches_were_marked_is_taken_over_and_marked()
    {
        var (folder, _) = SiteWithHome();
        TestSite.BuildIn(folder).AssertSucceeded();

        // As Timeline 1.0 left it: images named by a SHA-256 key (64 hexadecimal digits), search/<key>/, no marker.
        var cache = Path.Combine(folder, ".timeline-cache");
        foreach (var image in Directory.EnumerateFiles(cache, "*.png").ToList())
        {
            var name = Path.GetFileNameWithoutExtension(image);
            File.Move(image, Path.Combine(cache, (name + name)[..64] + ".png"));
        }

        File.Delete(Path.Combine(cache, "CACHEDIR.TAG"));
        File.Delete(Path.Combine(cache, "search", "CACHEDIR.TAG"));
        File.Delete(Path.Combine(cache, "pages.bin"));
        File.Delete(Path.Combine(cache, "events.bin"));
        File.Delete(Path.Combine(cache, "documents.bin"));
        foreach (var list in Directory.EnumerateFiles(Path.Combine(cache, "search"), "*.files"))
        {
            File.Delete(list);
        }

        using var again = TestSite.BuildIn(folder);

        again.AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(cache, "CACHEDIR.TAG")));
        Assert.StartsWith("Signature: 8a477f597d28d172789f06886806bc55", File.ReadAllText(Path.Combine(cache, "CACHEDIR.TAG")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cache_folder_holding_anything_else_is_not_taken_over()
    {
        var (folder, _) = SiteWithHome();
        var cache = Directory.CreateDirectory(Path.Combine(folder, ".timeline-cache")).FullName;
        File.WriteAllText(Path.Combine(cache, "notes.txt"), "my words");

        var site = TestSite.BuildIn(folder);

        Assert.Equal("TL0511", site.SingleError().Code);
        Assert.Equal("my words", File.ReadAllText(Path.Combine(cache, "notes.txt")));
    }

    [Fact]
    public void Killing_a_build_while_pagefind_works_stops_pagefind_before_it_writes()
    {
        // The stand-in starts the real Pagefind only after two seconds, as a slow index would: by then the build is
        // killed. Run as a program of its own (Pagefind's CLI mode), it would go on and write its index into the
        // staging folder; in service mode it finds its requests pipe closed and ends without writing.
        var (folder, _) = SiteWithHome();
        var pagefind = PagefindInRepository();
        var started = Path.Combine(folder, "pagefind-started");
        var theme = Path.Combine(folder, "theme");
        TestSite.CopyFolder(Repository.Theme, theme);
        FakeTools(folder, $"#!/bin/sh\necho $$ > '{started}'\nsleep 2\nexec '{pagefind}' \"$@\"\n");

        using var build = System.Diagnostics.Process.Start(CliProcess.StartInfo(folder, null, "build", "--theme", theme))!;
        var pid = WaitForPid(started, build);
        build.Kill();
        build.WaitForExit();

        var gone = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}") && !IsZombie(pid) && gone.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(50);
        }

        Assert.True(!Directory.Exists($"/proc/{pid}") || IsZombie(pid), "Pagefind was still running 20 s after the build was killed.");
        Assert.Empty(Directory.EnumerateFiles(folder, "pagefind-entry.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)));

        // The next build clears what the killed one left and succeeds.
        File.Delete(Path.Combine(folder, "node_modules", "@pagefind", Platform(), "bin", "pagefind_extended"));
        File.CreateSymbolicLink(Path.Combine(folder, "node_modules", "@pagefind", Platform(), "bin", "pagefind_extended"), pagefind);
        var next = CliProcess.Run(folder, null, "build", "--theme", theme);
        Assert.True(next.Code == 0, next.Errors);
        Assert.Empty(Directory.EnumerateDirectories(folder, ".output.tmp-*"));
    }

    [Fact]
    public void The_repositorys_gitignore_ignores_the_output_and_cache_names_as_folders_and_as_links()
    {
        var folder = TestSite.NewFolder();
        File.Copy(Path.Combine(Repository.Root, ".gitignore"), Path.Combine(folder, ".gitignore"));
        var elsewhere = TestSite.NewFolder();
        var names = new[] { "output", ".output.spare", ".output.old-0123456789abcdef0123456789abcdef", ".output.tmp-0123456789abcdef0123456789abcdef", ".timeline-cache" };
        foreach (var name in names)
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, name), elsewhere);
            Assert.True(Git(folder, "init", "-q").Code == 0);
            Assert.Equal("", Git(folder, "status", "--porcelain", "--untracked-files=all", "--", name).Output);
            File.Delete(Path.Combine(folder, name));

            Directory.CreateDirectory(Path.Combine(folder, name));
            File.WriteAllText(Path.Combine(folder, name, "index.html"), "x");
            Assert.Equal("", Git(folder, "status", "--porcelain", "--untracked-files=all", "--", name).Output);
            Directory.Delete(Path.Combine(folder, name), recursive: true);
        }

        // The rule is not so wide that it hides a record.
        Directory.CreateDirectory(Path.Combine(folder, "input"));
        File.WriteAllText(Path.Combine(folder, "input", "output.yml"), "x");
        Assert.Contains("input/output.yml", Git(folder, "status", "--porcelain", "--untracked-files=all").Output, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Git(string folder, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, output);
    }

    // One event's title edited and the site built again: every cache record changes.
    private static TestSite RebuildAfterAnEdit(string folder)
    {
        var record = Path.Combine(folder, "input", "events", "2020", "letter-sent.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("The letter is sent", "The letter went out", StringComparison.Ordinal));
        return TestSite.BuildIn(folder);
    }

    /// <summary>A site folder (the basic fixture) and, beside it, a stand-in for someone's home folder.</summary>
    private static (string Site, string Home) SiteWithHome()
    {
        var root = TestSite.NewFolder();
        var folder = Directory.CreateDirectory(Path.Combine(root, "site")).FullName;
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(home, ".ssh"));
        File.WriteAllText(Path.Combine(home, ".ssh", "id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n");
        File.WriteAllText(Path.Combine(home, "letter.txt"), "Dear friend,");
        return (folder, home);
    }

    private static bool OwnedLink(string path) => new DirectoryInfo(path).LinkTarget is not null;

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static string PagefindInRepository() =>
        Timeline.Output.Search.PagefindIndexer.Locate(
            (new BuildOptions(Repository.Root, Repository.Theme, Repository.Root, null, Repository.Root) { ToolsFolder = Repository.Root }).LocateTools(),
            Repository.Root,
            out _)!.Executable;

    private static string Platform() =>
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    // node_modules in the site's folder, found before the repository's: the fonts, and a Pagefind stand-in.
    private static void FakeTools(string folder, string script)
    {
        var modules = Directory.CreateDirectory(Path.Combine(folder, "node_modules")).FullName;
        foreach (var package in new[] { "dejavu-fonts-ttf", "vazirmatn" })
        {
            Directory.CreateSymbolicLink(Path.Combine(modules, package), Path.Combine(Repository.Root, "node_modules", package));
        }

        var bin = Directory.CreateDirectory(Path.Combine(modules, "@pagefind", Platform(), "bin")).FullName;
        var program = Path.Combine(bin, "pagefind_extended");
        File.WriteAllText(program, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static int WaitForPid(string file, System.Diagnostics.Process build)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid))
            {
                return pid;
            }

            if (build.HasExited)
            {
                Assert.Fail($"The build ended before Pagefind started: {build.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("Pagefind was not started within a minute.");
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
