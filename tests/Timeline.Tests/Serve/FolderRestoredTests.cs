using Timeline.Cli.Serve;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Serve;

/// <summary>`serve` after the input or theme folder is deleted (or moved away) and put back: it sees the folder again and recovers.</summary>
public sealed class FolderRestoredTests
{
    private static string NewSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        return folder;
    }

    private static string? PageWith(ServeProcess serve, string fragment)
    {
        var (status, body) = serve.Get("events/letter-sent/").GetAwaiter().GetResult();
        return status == 200 && body.Contains(fragment, StringComparison.Ordinal) ? body : null;
    }

    [Fact]
    public void Serve_recovers_when_the_input_folder_is_deleted_and_restored()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        var saved = Path.Combine(TestSite.NewFolder(), "input");
        TestSite.CopyFolder(input, saved);
        using var serve = ServeProcess.Start(folder);

        Directory.Delete(input, recursive: true);
        serve.WaitFor(() => serve.Errors.Contains("error TL0005: the input folder 'input' does not exist", StringComparison.Ordinal) ? "" : null, "the missing input folder to be reported");

        var record = Path.Combine(saved, "events", "2020", "letter-sent.yml");
        File.WriteAllText(record, File.ReadAllText(record).Replace("The letter is sent", "The letter came back", StringComparison.Ordinal));
        TestSite.CopyFolder(saved, input);
        serve.WaitFor(() => PageWith(serve, "The letter came back"), "the restored folder's page");

        // Its files are watched again: an edit after the restore is seen.
        File.WriteAllText(Path.Combine(input, "events", "2020", "letter-sent.yml"), File.ReadAllText(record).Replace("The letter came back", "The letter is watched", StringComparison.Ordinal));
        serve.WaitFor(() => PageWith(serve, "The letter is watched"), "an edit inside the restored folder");
    }

    [Fact]
    public async Task The_watcher_reports_a_folder_moved_away_and_back_and_watches_it_again()
    {
        var folder = NewSite();
        var theme = Path.Combine(folder, "theme");
        var away = Path.Combine(folder, "theme-away");
        using var watcher = new SourceWatcher([Path.Combine(folder, "input"), theme], poll: false);
        Assert.False(watcher.Polling, watcher.Fallback);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        Directory.Move(theme, away);
        Assert.Contains(theme, await NextWith(watcher, theme, timeout.Token));

        Directory.Move(away, theme);
        Assert.Contains(theme, await NextWith(watcher, theme, timeout.Token));

        var style = Path.Combine(theme, "assets", "style.css");
        File.AppendAllText(style, "\n/* edited */\n");
        Assert.Contains(style, await NextWith(watcher, style, timeout.Token));
    }

    [Fact]
    public void A_session_rebuilds_from_a_theme_folder_deleted_and_restored()
    {
        var folder = NewSite();
        var theme = Path.Combine(folder, "theme");
        var saved = Path.Combine(TestSite.NewFolder(), "theme");
        TestSite.CopyFolder(theme, saved);
        var session = new SiteSession(new BuildOptions(Path.Combine(folder, "input"), theme, Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root });
        Assert.True(session.Rebuild().Succeeded);

        Directory.Delete(theme, recursive: true);
        var gone = session.Rebuild([theme]);
        Assert.False(gone.Succeeded);

        TestSite.CopyFolder(saved, theme);
        var back = session.Rebuild([theme]);
        Assert.True(back.Succeeded, string.Join('\n', back.Diagnostics));
    }

    [Fact]
    public async Task Polling_does_not_walk_into_a_link_loop_and_still_sees_an_edit()
    {
        var folder = NewSite();
        var events = Path.Combine(folder, "input", "events");
        // Two links to the folder above: following them, the folder has 2^40 paths.
        Directory.CreateSymbolicLink(Path.Combine(events, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(events, "again"), "..");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var watcher = await Task.Run(() => new SourceWatcher([Path.Combine(folder, "input")], poll: true)).WaitAsync(timeout.Token);
        var record = Path.Combine(events, "2020", "letter-sent.yml");
        File.AppendAllText(record, "\n");

        Assert.Equal([record], await NextWith(watcher, record, timeout.Token));
    }

    /// <summary>The next batch of changes that names the path (an earlier batch may hold only the files inside).</summary>
    private static async Task<IReadOnlyCollection<string>> NextWith(SourceWatcher watcher, string path, CancellationToken cancel)
    {
        while (true)
        {
            var changed = await watcher.NextAsync(TimeSpan.FromMilliseconds(200), cancel);
            Assert.NotNull(changed);
            if (changed.Contains(path))
            {
                return changed;
            }
        }
    }
}
