using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Output.Search;

/// <summary>
/// Builds the search index with Pagefind, over the staged site before it is swapped in: the index always matches
/// the pages beside it, and a failed run leaves the previous output as it was. Pagefind indexes only elements
/// marked data-pagefind-body (events, entity pages and content pages; see the theme's templates).
/// </summary>
internal sealed class PagefindIndexer
{
    /// <summary>The folder Pagefind writes into, inside the site: the search page loads pagefind.js from it.</summary>
    public const string BundleFolder = SiteUrls.SearchBundleFolder;

    /// <summary>Files a working run always writes; without them the search page cannot work.</summary>
    private static readonly string[] ExpectedFiles = ["pagefind.js", "pagefind-entry.json"];

    /// <summary>What a merged bundle must have: its own scripts are not used.</summary>
    private static readonly string[] MergedFiles = ["pagefind-entry.json"];

    /// <summary>
    /// The most runs of Pagefind a build starts side by side. Its service makes one page after another on about one
    /// core, so when several shards changed, a run per core makes them sooner; each run holds one shard in memory at a time.
    /// </summary>
    public const int MaxRuns = 4;

    // The shipped site indexes in a tenth of a second; two minutes only stops a hung process.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    // Large sites take longer: about 1.2 ms a page at 10,000 events on two cores, and each run has a share of the pages.
    // A fixed two minutes stopped every build of 100,000 events; 5 ms a page (381 s for a run's 52,000 pages) stopped
    // one on the disk while the tests ran beside it. 20 ms a page still stops a hung process.
    private static readonly TimeSpan PerPage = TimeSpan.FromMilliseconds(20);

    public PagefindIndexer(string executable, TimeSpan? timeout = null)
    {
        Executable = executable;
        Timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>The Pagefind program run, the platform binary of the npm package.</summary>
    public string Executable { get; }

    /// <summary>How long Pagefind may take on a site of no pages; each page adds a little (see <see cref="LimitFor"/>).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How long Pagefind may take to index a site of <paramref name="pages"/> HTML pages.</summary>
    public TimeSpan LimitFor(int pages) => Timeout + (PerPage * pages);

    /// <summary>
    /// The platform binary of npm's pagefind package (node_modules/@pagefind/linux-x64/bin/pagefind_extended and the like),
    /// found the way the package's own wrapper finds it, so the build runs it directly and needs no Node.js. Null when it is
    /// not installed; <paramref name="expected"/> is then where it should be (in <paramref name="projectFolder"/> when no
    /// node_modules folder was found at all).
    /// </summary>
    public static PagefindIndexer? Locate(BuildTools tools, string projectFolder, out string expected)
    {
        var package = Path.Combine("@pagefind", $"{Platform()}-{Architecture()}");
        var suffix = OperatingSystem.IsWindows() ? ".exe" : "";
        foreach (var name in new[] { "pagefind_extended", "pagefind" })
        {
            if (tools.PackageFile(package, Path.Combine("bin", name + suffix)) is { } found)
            {
                expected = found;
                return new PagefindIndexer(found);
            }
        }

        expected = Path.Combine(tools.NodeModules ?? Path.Combine(projectFolder, "node_modules"), package, "bin", "pagefind" + suffix);
        return null;
    }

    /// <summary>One index to make: the pages it holds (paths inside the site, in the order given) and the folder, inside the site, it is written to.</summary>
    /// <param name="Primary">Whether the search page loads Pagefind's script from it; the others are merged into it, and keep only their index.</param>
    public sealed record Bundle(string Folder, IReadOnlyList<string> Pages, bool Primary);

    /// <summary>
    /// Indexes the site in <paramref name="siteFolder"/> into one bundle at <see cref="BundleFolder"/>: its HTML pages
    /// (<paramref name="pages"/>, paths inside the site; by default every .html file there) in name order.
    /// </summary>
    public bool Index(string siteFolder, DiagnosticBag diagnostics, string shown, IReadOnlyCollection<string>? pages = null)
    {
        var ordered = (pages ?? Directory.EnumerateFiles(siteFolder, "*.html", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(siteFolder, f).Replace('\\', '/')).ToList())
            .Order(StringComparer.Ordinal)
            .ToList();
        return Index(siteFolder, [new Bundle(BundleFolder, ordered, Primary: true)], diagnostics, shown);
    }

    /// <summary>
    /// Makes each of <paramref name="bundles"/> with Pagefind's service: each bundle's pages are handed to it one by one
    /// in the order given, so the index is the same whatever order the file system lists them in. False, with an error
    /// reported against <paramref name="shown"/> (the program as messages show it), when it did not work. When
    /// <paramref name="cancel"/> is cancelled (the build failed meanwhile), Pagefind is stopped and false is returned,
    /// with nothing reported.
    /// </summary>
    /// <param name="runs">
    /// How many runs of Pagefind share the bundles, side by side; by default one per core, at most <see cref="MaxRuns"/>.
    /// A bundle is made by one run alone, so how many there are never changes an index.
    /// </param>
    public bool Index(string siteFolder, IReadOnlyList<Bundle> bundles, DiagnosticBag diagnostics, string shown, CancellationToken cancel = default, int? runs = null)
    {
        if (NotRunnable() is { } reason)
        {
            diagnostics.Error(shown, SourcePosition.None, ErrorMessages.SearchIndexNotStarted(reason));
            return false;
        }

        var groups = Share(bundles, runs ?? Math.Min(Environment.ProcessorCount, MaxRuns));
        if (groups.Count <= 1)
        {
            return Run(siteFolder, bundles, diagnostics, shown, cancel);
        }

        // Each run reports into a bag of its own: a full disk stops them all, and is one error, not one per run.
        var bags = groups.Select(_ => new DiagnosticBag()).ToList();
        var done = new bool[groups.Count];
        var runsOf = groups.Select((group, g) => Task.Factory.StartNew(
            () => done[g] = Run(siteFolder, group, bags[g], shown, cancel),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        try
        {
            Task.WaitAll(runsOf);
        }
        catch (AggregateException ex)
        {
            // Thrown as one run would throw it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        var failed = Array.IndexOf(done, false);
        if (failed < 0)
        {
            return true;
        }

        foreach (var diagnostic in bags[failed].Sorted())
        {
            diagnostics.Add(diagnostic);
        }

        return false;
    }

    /// <summary>
    /// The bundles shared among at most <paramref name="runs"/> runs, each given the largest bundle left while it has the
    /// fewest pages, so that the runs end about together; bundles keep their order within a run.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<Bundle>> Share(IReadOnlyList<Bundle> bundles, int runs)
    {
        var count = Math.Clamp(runs, 1, Math.Max(1, bundles.Count));
        var groups = Enumerable.Range(0, count).Select(_ => new List<int>()).ToList();
        var load = new long[count];
        foreach (var b in Enumerable.Range(0, bundles.Count).OrderByDescending(b => bundles[b].Pages.Count).ThenBy(b => b))
        {
            var least = Array.IndexOf(load, load.Min());
            groups[least].Add(b);
            load[least] += bundles[b].Pages.Count + 1;
        }

        return groups.Where(g => g.Count > 0).Select(g => (IReadOnlyList<Bundle>)g.Order().Select(b => bundles[b]).ToList()).ToList();
    }

    // One run of Pagefind's service, which makes its bundles one after the other.
    private bool Run(string siteFolder, IReadOnlyList<Bundle> bundles, DiagnosticBag diagnostics, string shown, CancellationToken cancel)
    {
        var pageCount = bundles.Sum(b => b.Pages.Count);
        var limit = LimitFor(pageCount);
        var start = Start(siteFolder);

        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Error(shown, SourcePosition.None, ErrorMessages.SearchIndexNotStarted(ex.Message));
            return false;
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            // Threads of their own (long-running tasks), here and below: both block on Pagefind's pipes, and blocked
            // threads of the pool are taken from the checks and share images that run meanwhile, which then wait for
            // the pool to grow.
            var talk = Task.Factory.StartNew(() =>
            {
                var service = new PagefindService(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
                var indexes = bundles.Select(_ => service.NewIndex()).ToList();
                var first = bundles.Count + 1;

                // The pages go in while the answers come back: one at a time, each waited for, costs a round trip a page.
                var sent = Task.Factory.StartNew(() =>
                {
                    // Each index is written and let go before the next is filled: Pagefind holds an index in memory
                    // until then, and all of them at once took 6 GB at 100,000 events.
                    for (var b = 0; b < bundles.Count; b++)
                    {
                        foreach (var page in bundles[b].Pages)
                        {
                            service.AddFile(indexes[b], page, SearchPage.ForIndex(File.ReadAllBytes(Path.Combine(siteFolder, page))));
                        }

                        service.WriteFiles(indexes[b], Path.Combine(siteFolder, bundles[b].Folder));
                        service.DeleteIndex(indexes[b]);
                    }
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

                // A page that cannot be read stops Pagefind, so that the answers below end instead of waiting for the limit.
                sent.ContinueWith(_ => process.Kill(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                try
                {
                    for (var id = first; id < first + pageCount + (2 * bundles.Count); id++)
                    {
                        service.Answer(id).Dispose();
                    }

                    sent.GetAwaiter().GetResult();
                }
                catch (PagefindException) when (sent.IsFaulted)
                {
                    sent.GetAwaiter().GetResult();
                }

                // Only now: Pagefind ends the moment its requests pipe closes, whatever it is doing.
                process.StandardInput.Close();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

            bool finished;
            try
            {
                finished = talk.Wait((int)Math.Min(int.MaxValue, limit.TotalMilliseconds), cancel) || WaitAfterKill(process, talk);
            }
            catch (AggregateException)
            {
                // Ended with an error, read from the task below.
                finished = true;
            }
            catch (OperationCanceledException)
            {
                WaitAfterKill(process, talk);
                return false;
            }

            if (!finished)
            {
                diagnostics.Error(shown, SourcePosition.None, ErrorMessages.SearchIndexTimedOut(limit));
                return false;
            }

            if (talk.Exception?.InnerException is { } failure)
            {
                // A page that vanished, or Pagefind stopped (it closed its pipe) or answered with an error.
                if (failure is not (PagefindException or IOException or UnauthorizedAccessException))
                {
                    throw failure;
                }

                Stop(process);
                var said = errors.Wait(TimeSpan.FromSeconds(10)) && errors.Result.Trim().Length > 0 ? errors.Result : failure.Message;
                diagnostics.Error(shown, SourcePosition.None, IsDiskFull(said)
                    ? ErrorMessages.DiskFull(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(siteFolder))!)
                    : ErrorMessages.SearchIndexFailed(process.HasExited ? process.ExitCode : -1, LastLines(said)));
                return false;
            }

            Stop(process);
        }

        foreach (var bundle in bundles)
        {
            var folder = Path.Combine(siteFolder, bundle.Folder);
            var missing = (bundle.Primary ? ExpectedFiles : MergedFiles).FirstOrDefault(f => !File.Exists(Path.Combine(folder, f)));
            if (missing is not null)
            {
                diagnostics.Error(shown, SourcePosition.None, ErrorMessages.SearchIndexIncomplete($"{bundle.Folder.Replace('\\', '/')}/{missing}"));
                return false;
            }

            if (!bundle.Primary)
            {
                KeepOnlyTheIndex(folder);
            }
        }

        return true;
    }

    // A merged bundle is read only for its index: the browser runs the primary's script and WebAssembly.
    private static void KeepOnlyTheIndex(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (!MergedFiles.Contains(name) && !name.EndsWith(".pf_meta", StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }
    }

    // Closing its requests pipe ends Pagefind; one that does not end is stopped.
    private static void Stop(System.Diagnostics.Process process)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has gone already.
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    // Past the limit: Pagefind is stopped, which ends the conversation too. Always false.
    private static bool WaitAfterKill(System.Diagnostics.Process process, Task talk)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // It ended on its own between the timeout and the kill.
        }

        try
        {
            talk.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The conversation ends with the pipe closed under it.
        }

        return false;
    }

    /// <summary>
    /// How Pagefind is started: in service mode, which ends the moment its requests pipe closes, so a build that is
    /// killed, however, takes it along instead of leaving it writing an index into a folder the next build reuses.
    /// </summary>
    private ProcessStartInfo Start(string siteFolder)
    {
        var start = new ProcessStartInfo(Executable)
        {
            // The site folder holds only what the build wrote, so no stray pagefind.yml there can change the index.
            WorkingDirectory = siteFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add("--service");

        // Pagefind reads PAGEFIND_* variables as options: the index must depend on the site alone.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PAGEFIND_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    // Checked before starting it, so that a program that cannot run is told apart from one that failed.
    private string? NotRunnable()
    {
        if (!File.Exists(Executable))
        {
            return $"'{Executable}' does not exist";
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(Executable) & anyExecute) == 0 ? $"'{Executable}' is not executable" : null;
    }

    /// <summary>Whether what Pagefind said means the disk is full (ENOSPC) or the user's quota used up (EDQUOT).</summary>
    internal static bool IsDiskFull(string said) =>
        said.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || said.Contains("os error 28)", StringComparison.Ordinal)
        || said.Contains("Disk quota exceeded", StringComparison.OrdinalIgnoreCase);

    /// <summary>The end of what Pagefind printed, on one line: its error is there, after its progress report.</summary>
    private static string LastLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "it printed nothing" : string.Join(" / ", lines.TakeLast(4).Select(l => l.Length <= 200 ? l : l[..197] + "..."));
    }

    /// <summary>The platform names of npm's optional @pagefind packages.</summary>
    private static string Platform() =>
        OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "linux";

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        _ => "x64",
    };
}
