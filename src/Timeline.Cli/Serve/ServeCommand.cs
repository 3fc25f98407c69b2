using System.Globalization;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;

namespace Timeline.Cli.Serve;

/// <summary>
/// `timeline serve`: builds the site into memory, serves it, and rebuilds what a change touches. Errors go to the
/// terminal and to open pages, while the last good build stays served. It never writes the output folder.
/// </summary>
public static class ServeCommand
{
    /// <summary>How long the files must stay still before a rebuild: editors save through a temporary file and a rename.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(50);

    /// <summary>How long after a good rebuild every page and link is checked, unless another change comes first.</summary>
    private static readonly TimeSpan CheckDelay = TimeSpan.FromMilliseconds(300);

    public static int Run(BuildOptions options, int port, bool poll, TextWriter output, TextWriter errors) =>
        RunAsync(options, port, poll, output, errors).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BuildOptions options, int port, bool poll, TextWriter output, TextWriter errors)
    {
        var session = new SiteSession(options);
        var live = new LiveState();
        var terminal = new Terminal(output, errors, new PathDisplay(options.DisplayRoot));

        var first = session.Rebuild();
        terminal.Built(first, null, initial: true);
        live.Set(session.Current?.Version ?? 0, Errors(first.Diagnostics));

        var server = new DevServer(() => session.Current, live);
        try
        {
            await server.StartAsync(port);
        }
        catch (IOException ex)
        {
            var message = ErrorMessages.PortInUse(port, (ex.InnerException ?? ex).Message.TrimEnd('.'));
            errors.WriteLine($"{Subject.Option("--port")}: {Program.Usage(message)}");
            return Program.InputErrors;
        }

        using var watcher = new SourceWatcher(session.WatchedFolders, poll);
        var basePath = session.Current?.BasePath ?? "/";
        terminal.Line($"Serving {server.Address}{basePath} from memory; watching {terminal.Show(options.InputFolder)}/ and {terminal.Show(options.ThemeFolder)}/{(watcher.Polling ? " by polling" : "")}. Press Ctrl+C to stop.");
        if (watcher.Fallback is { } why)
        {
            terminal.Line($"File notifications are unavailable ({why}); looking for changes every half second instead.");
        }

        var stopping = server.Stopping;
        var check = StartCheck(session.Current, first, live, terminal, stopping);
        try
        {
            while (true)
            {
                var changed = await watcher.NextAsync(Quiet, stopping);
                await check.Cancel.CancelAsync();
                var result = session.Rebuild(changed);
                terminal.Built(result, changed);
                live.Set(session.Current?.Version ?? 0, Errors(result.Diagnostics));
                check = StartCheck(result.Succeeded ? session.Current : null, result, live, terminal, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM.
        }

        await check.Cancel.CancelAsync();
        await server.WaitForShutdownAsync();
        terminal.Line("Stopped.");
        return Program.Success;
    }

    /// <summary>
    /// Pages are rendered when asked for, so a rebuild does not see a template that fails on one page or a broken
    /// link. Shortly after each good rebuild every page is rendered and every link checked, as `timeline build` does.
    /// </summary>
    private static (CancellationTokenSource Cancel, Task Task) StartCheck(SiteSnapshot? site, BuildResult built, LiveState live, Terminal terminal, CancellationToken stopping)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (site is null || !built.Succeeded)
        {
            return (cancel, Task.CompletedTask);
        }

        var task = Task.Run(
            async () =>
            {
                try
                {
                    await Task.Delay(CheckDelay, cancel.Token);
                    var found = site.Check(cancel.Token);
                    if (found.Count > 0 && !cancel.IsCancellationRequested)
                    {
                        terminal.Checked(found);
                        live.Set(site.Version, Errors(found));
                    }
                }
                catch (OperationCanceledException)
                {
                    // A newer change came; its own check follows.
                }
            },
            cancel.Token);
        return (cancel, task);
    }

    private static IReadOnlyList<string> Errors(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();

    /// <summary>What the terminal shows: every error each time, each warning once, and a closing line per rebuild.</summary>
    private sealed class Terminal(TextWriter output, TextWriter errors, PathDisplay display)
    {
        private readonly Lock _lock = new();
        private HashSet<string> _warned = new(StringComparer.Ordinal);

        public string Show(string path) => display.Show(path);

        public void Line(string text)
        {
            lock (_lock)
            {
                output.WriteLine(text);
            }
        }

        public void Built(BuildResult result, IReadOnlyCollection<string>? changed, bool initial = false)
        {
            lock (_lock)
            {
                var warned = new HashSet<string>(StringComparer.Ordinal);
                foreach (var diagnostic in result.Diagnostics)
                {
                    var text = diagnostic.ToString();
                    if (diagnostic.Severity == Severity.Error || !_warned.Contains(text))
                    {
                        errors.WriteLine(text);
                    }

                    if (diagnostic.Severity == Severity.Warning)
                    {
                        warned.Add(text);
                    }
                }

                _warned = warned;
                var counts = $"{Program.Plural(result.ErrorCount, "error")}, {Program.Plural(result.WarningCount, "warning")}";
                var time = initial
                    ? string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:0.00} s")
                    : string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalMilliseconds:0} ms");
                var what = initial ? "" : $" after changes to {Changed(changed)}";
                if (!result.Succeeded)
                {
                    errors.WriteLine($"{counts}. {(initial ? "Serving a page that says so" : "Still serving the last good build")} until they are fixed.");
                    return;
                }

                var site = result.Site!;
                var made = $"{Program.Plural(site.Events.Count, "event")}, {Program.Plural(site.Pages.Count, "page")}, {Program.Plural(site.Sources.Count, "source")}";
                output.WriteLine(initial
                    ? $"Built {made} in memory in {time}; {counts}."
                    : $"Rebuilt {made} in {time}{what}; {counts}.");
            }
        }

        public void Checked(IReadOnlyList<Diagnostic> found)
        {
            lock (_lock)
            {
                foreach (var diagnostic in found)
                {
                    errors.WriteLine(diagnostic.ToString());
                }

                var errorCount = found.Count(d => d.Severity == Severity.Error);
                errors.WriteLine($"{Program.Plural(errorCount, "error")} found while checking every page and link. `timeline build` would refuse this site.");
            }
        }

        private string Changed(IReadOnlyCollection<string>? changed)
        {
            if (changed is null)
            {
                return "many files";
            }

            // Editors' temporary files are gone by now; name what is there, or what was deleted.
            var there = changed.Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
            var shown = (there.Count > 0 ? there : changed).Order(StringComparer.Ordinal).Select(display.Show).ToList();
            return shown.Count switch
            {
                0 => "nothing",
                1 => shown[0],
                _ => $"{shown[0]} and {Program.Plural(shown.Count - 1, "other file")}",
            };
        }
    }
}
