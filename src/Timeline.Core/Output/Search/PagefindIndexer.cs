using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Pipeline;

namespace Timeline.Output.Search;

/// <summary>
/// Builds the search index with Pagefind, over the staged site before it is swapped in: the index always matches
/// the pages beside it, and a failed run leaves the previous output as it was. Pagefind indexes only elements
/// marked data-pagefind-body (events, entity pages and content pages; see the theme's templates).
/// </summary>
public sealed class PagefindIndexer
{
    /// <summary>The folder Pagefind writes into, inside the site: the search page loads pagefind.js from it.</summary>
    public const string BundleFolder = "pagefind";

    /// <summary>Files a working run always writes; without them the search page cannot work.</summary>
    private static readonly string[] ExpectedFiles = ["pagefind.js", "pagefind-entry.json"];

    // The shipped site indexes in a tenth of a second; two minutes only stops a hung process.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    // Large sites take longer: about 1.2 ms a page at 10,000 events on two cores, so 5 ms a page leaves room and
    // still stops a hung process. A fixed two minutes stopped every build of 100,000 events.
    private static readonly TimeSpan PerPage = TimeSpan.FromMilliseconds(5);

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

    /// <summary>
    /// Pagefind numbers pages in the order the file system lists them, and a build writes its pages in parallel: where
    /// a folder lists in the order entries were made (tmpfs, btrfs), two builds of the same input got different indexes.
    /// Renaming each folder and page away and back, in name order, lists them in that order there; where folders list
    /// by a hash of the name (ext4) or by name (NTFS) the order was already the same on every build, and stays so.
    /// </summary>
    private static void ListInOrder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var child in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            Directory.Move(child, child + OrderingSuffix);
            Directory.Move(child + OrderingSuffix, child);
            ListInOrder(child);
        }

        foreach (var page in Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            File.Move(page, page + OrderingSuffix);
            File.Move(page + OrderingSuffix, page);
        }
    }

    // No page or folder of a site ends so: ids hold letters, digits and hyphens, and pages end in .html.
    private const string OrderingSuffix = ".timeline-order";

    /// <summary>
    /// Indexes the site in <paramref name="siteFolder"/>; false, with an error reported against <paramref name="shown"/>
    /// (the program as messages show it), when it did not work.
    /// </summary>
    public bool Index(string siteFolder, DiagnosticBag diagnostics, string shown, int pages = 0)
    {
        var limit = LimitFor(pages);
        try
        {
            ListInOrder(siteFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(shown, SourcePosition.File, ErrorMessages.SearchIndexNotStarted($"the pages could not be put in order: {ex.Message}"));
            return false;
        }

        var start = new ProcessStartInfo(Executable)
        {
            // The site folder holds only what the build wrote, so no stray pagefind.yml there can change the index.
            WorkingDirectory = siteFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--site", siteFolder, "--output-subdir", BundleFolder })
        {
            start.ArgumentList.Add(argument);
        }

        // Pagefind reads PAGEFIND_* variables as options: the index must depend on the site alone.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PAGEFIND_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";

        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start) ?? throw new Win32Exception("no process was started");
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Error(shown, SourcePosition.File, ErrorMessages.SearchIndexNotStarted(ex.Message));
            return false;
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
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

                diagnostics.Error(shown, SourcePosition.File, ErrorMessages.SearchIndexTimedOut(limit));
                return false;
            }

            // WaitForExit(TimeSpan) can return before the redirected streams are drained; this waits for them.
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                diagnostics.Error(shown, SourcePosition.File, ErrorMessages.SearchIndexFailed(process.ExitCode, LastLines(errors.Result.Trim().Length > 0 ? errors.Result : output.Result)));
                return false;
            }
        }

        var missing = ExpectedFiles.Where(f => !File.Exists(Path.Combine(siteFolder, BundleFolder, f))).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Error(shown, SourcePosition.File, ErrorMessages.SearchIndexIncomplete($"{BundleFolder}/{missing[0]}"));
            return false;
        }

        return true;
    }

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
