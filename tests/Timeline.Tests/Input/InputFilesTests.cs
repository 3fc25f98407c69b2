using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Timeline.Diagnostics;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Input;

/// <summary>
/// What the input and theme folders may hold besides ordinary files and folders: named pipes, sockets, links (out of
/// the folder, dangling, looping) and folders that cannot be read. Each is an error naming it; none hangs or crashes.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InputFilesTests
{
    private const string Pipe = "error TL0007: this is a named pipe (FIFO), not a regular file, so it was not read. Replace it with an ordinary file, or remove it.";
    private const string Unreadable = "error TL0008: the folder cannot be read (permission denied), so nothing in it was read. Give yourself permission to read it (for example chmod u+rx), or remove it.";
    private const string Dangling = "error TL0010: this is a link to something that does not exist. Point it at an existing file, or remove it.";
    private const string Loop = "error TL0011: this is a link to a folder that contains it, or to a link that leads back to it (a link loop), so it was not followed. Remove the link, or point it at a file or folder outside its own path.";

    private static string LeavesFolder(string folder) =>
        $"error TL0009: this is a link to something outside '{folder}/', so it was not followed. Copy what it points to into '{folder}/' instead of linking to it, or remove the link.";

    /// <summary>The basic fixture site, with its own copy of the theme.</summary>
    private static string NewSite()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        return folder;
    }

    private static BuildOptions Options(string folder) =>
        new(Path.Combine(folder, "input"), Path.Combine(folder, "theme"), Path.Combine(folder, "output"), null, folder) { ToolsFolder = Repository.Root };

    /// <summary>Builds the site; a build that opened a named pipe would wait for a writer forever, so it is given a bound.</summary>
    private static BuildResult Build(string folder)
    {
        var build = Task.Run(() => TimelineBuilder.Build(Options(folder)));
        Assert.True(build.Wait(TimeSpan.FromSeconds(120)), "The build did not finish: it waits on something it opened.");
        return build.Result;
    }

    private static IReadOnlyList<string> Errors(BuildResult result) =>
        result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList();

    [Theory]
    [InlineData("input/events/1988/pipe.yml")]
    [InlineData("input/sources.yml")]
    [InlineData("input/entities.yml")]
    [InlineData("input/pages/pipe.md")]
    [InlineData("theme/templates/partials/pipe.liquid")]
    [InlineData("theme/i18n/fa.yml")]
    [InlineData("theme/assets/pipe.css")]
    [InlineData("theme/share-image.yml")]
    public void A_named_pipe_in_the_input_or_the_theme_is_an_error_and_is_never_opened(string path)
    {
        var folder = NewSite();
        var full = Path.Combine(folder, path);
        File.Delete(full);
        MakePipe(full);

        var result = Build(folder);

        Assert.Contains($"{path}:1:1: {Pipe}", Errors(result));
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(folder, "output")));
    }

    [Fact]
    public void A_socket_or_a_device_in_place_of_a_file_is_an_error_naming_it()
    {
        var folder = NewSite();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(folder, "input", "events", "socket.yml")));
        File.CreateSymbolicLink(Path.Combine(folder, "theme", "assets", "null.txt"), "/dev/null");

        var result = Build(folder);

        Assert.Equal(
            [
                "input/events/socket.yml:1:1: error TL0007: this is a socket, not a regular file, so it was not read. Replace it with an ordinary file, or remove it.",
                // /dev/null is outside the theme: refused as a link before anything else.
                $"theme/assets/null.txt:1:1: {LeavesFolder("theme")}",
            ],
            Errors(result));
    }

    [Fact]
    public void A_link_out_of_the_input_or_theme_folder_is_refused_and_what_it_points_to_is_neither_read_nor_shown()
    {
        var folder = NewSite();
        var outside = TestSite.NewFolder();
        var secret = Path.Combine(outside, "secret.yml");
        File.WriteAllText(secret, "title: TOP-SECRET-LINE\n");
        File.WriteAllText(Path.Combine(outside, "other.yml"), "title: TOP-SECRET-LINE\n");
        var input = Path.Combine(folder, "input");
        File.CreateSymbolicLink(Path.Combine(input, "events", "1988", "secret.yml"), secret);
        Directory.CreateSymbolicLink(Path.Combine(input, "events", "elsewhere"), outside);
        File.Delete(Path.Combine(input, "entities.yml"));
        File.CreateSymbolicLink(Path.Combine(input, "entities.yml"), secret);
        File.CreateSymbolicLink(Path.Combine(folder, "theme", "assets", "passwd.txt"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(folder, "theme", "assets", "secret.txt"), Path.Combine("..", "..", "..", Path.GetFileName(outside), "secret.yml"));

        var result = Build(folder);

        Assert.Equal(
            [
                $"input/entities.yml:1:1: {LeavesFolder("input")}",
                $"input/events/1988/secret.yml:1:1: {LeavesFolder("input")}",
                $"input/events/elsewhere:1:1: {LeavesFolder("input")}",
                $"theme/assets/passwd.txt:1:1: {LeavesFolder("theme")}",
                $"theme/assets/secret.txt:1:1: {LeavesFolder("theme")}",
            ],
            Errors(result));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("TOP-SECRET", StringComparison.Ordinal) || d.Message.Contains(outside, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(folder, "output")));
    }

    [Fact]
    public void A_link_to_a_file_or_folder_inside_the_same_folder_is_followed()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        Directory.CreateDirectory(Path.Combine(input, "drafts"));
        File.WriteAllText(Path.Combine(input, "drafts", "shared.yml"), "date: \"1990\"\ntitle: Shared\nsummary: A shared event.\nsources: [report-a]\n");
        File.CreateSymbolicLink(Path.Combine(input, "events", "1988", "shared-event.yml"), Path.Combine("..", "..", "drafts", "shared.yml"));
        Directory.CreateSymbolicLink(Path.Combine(input, "events", "2021", "also"), Path.Combine("..", "1988"));
        File.Move(Path.Combine(input, "events", "1988", "year-only.yml"), Path.Combine(input, "drafts", "year-only.yml"));
        File.CreateSymbolicLink(Path.Combine(input, "events", "1988", "year-only.yml"), Path.Combine("..", "..", "drafts", "year-only.yml"));
        File.CreateSymbolicLink(Path.Combine(folder, "theme", "assets", "copy.css"), "style.css");

        var result = Build(folder);

        // The linked folder 2021/also is 1988 again: its events are read twice, which their ids say.
        Assert.NotEmpty(Errors(result));
        Assert.All(Errors(result), e => Assert.Matches("^input/events/2021/also/.*error TL0205: the event id .* is already used by input/events/1988/", e));

        Directory.Delete(Path.Combine(input, "events", "2021", "also"));
        var built = Build(folder);
        Assert.True(built.Succeeded, string.Join('\n', built.Diagnostics));
        Assert.True(File.Exists(Path.Combine(folder, "output", "events", "shared-event", "index.html")));
        Assert.True(File.Exists(Path.Combine(folder, "output", "events", "year-only", "index.html")));
        // The link is followed: the copy is served as the stylesheet it names is (without its comments).
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "output", "assets", "style.css")), File.ReadAllBytes(Path.Combine(folder, "output", "assets", "copy.css")));
    }

    [Fact]
    public void A_dangling_link_is_an_error_naming_the_link()
    {
        var folder = NewSite();
        File.CreateSymbolicLink(Path.Combine(folder, "theme", "assets", "gone.css"), "nowhere.css");
        File.CreateSymbolicLink(Path.Combine(folder, "input", "events", "1988", "gone.yml"), "/nowhere/at/all.yml");
        // Not a name that is read: not reported.
        File.CreateSymbolicLink(Path.Combine(folder, "input", "events", "1988", "notes.txt"), "nowhere.txt");

        var result = Build(folder);

        Assert.Equal([$"input/events/1988/gone.yml:1:1: {Dangling}", $"theme/assets/gone.css:1:1: {Dangling}"], Errors(result));
    }

    [Fact]
    public void A_link_loop_is_reported_once_naming_the_link_not_as_duplicate_ids()
    {
        var folder = NewSite();
        var events = Path.Combine(folder, "input", "events");
        Directory.CreateSymbolicLink(Path.Combine(events, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(events, "1988", "here"), ".");
        File.CreateSymbolicLink(Path.Combine(events, "a.yml"), "b.yml");
        File.CreateSymbolicLink(Path.Combine(events, "b.yml"), "a.yml");
        Directory.CreateSymbolicLink(Path.Combine(folder, "theme", "templates", "partials", "again"), "..");

        var result = Build(folder);

        Assert.Equal(
            [
                $"input/events/1988/here:1:1: {Loop}",
                $"input/events/a.yml:1:1: {Loop}",
                $"input/events/b.yml:1:1: {Loop}",
                $"input/events/up:1:1: {Loop}",
                $"theme/templates/partials/again:1:1: {Loop}",
            ],
            Errors(result));
    }

    [Fact]
    public void A_folder_that_should_be_a_file_or_a_file_that_should_be_a_folder_is_an_error()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        File.Delete(Path.Combine(input, "eras.yml"));
        Directory.CreateDirectory(Path.Combine(input, "eras.yml"));
        Directory.Delete(Path.Combine(input, "pages"), recursive: true);
        File.WriteAllText(Path.Combine(input, "pages"), "about: this is not a folder\n");

        var result = Build(folder);

        Assert.Equal(
            [
                "input/eras.yml:1:1: error TL0007: this is a folder, not a regular file, so it was not read. Replace it with an ordinary file, or remove it.",
                "input/pages:1:1: error TL0012: 'pages' must be a folder, but it is a file. Make 'pages' a folder and put its files in it.",
            ],
            Errors(result));
    }

    [Fact]
    public void Serve_refuses_what_build_refuses_and_forgets_it_when_it_is_fixed()
    {
        var folder = NewSite();
        var events = Path.Combine(folder, "input", "events");
        var pipe = Path.Combine(events, "1988", "pipe.yml");
        MakePipe(pipe);
        Directory.CreateSymbolicLink(Path.Combine(events, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(events, "gone.yml"), "nowhere.yml");
        File.CreateSymbolicLink(Path.Combine(events, "passwd.yml"), "/etc/passwd");
        var built = Errors(Build(folder));
        Assert.Equal(4, built.Count);

        var session = new SiteSession(Options(folder));
        var first = session.Rebuild();
        Assert.Equal(built, Errors(first));

        // A change to the pipe, or to the folder around it, reports it once, as before.
        Assert.Equal(built, Errors(session.Rebuild([pipe])));
        Assert.Equal(built, Errors(session.Rebuild([Path.Combine(events, "1988")])));

        File.Delete(pipe);
        File.WriteAllText(pipe, File.ReadAllText(Path.Combine(events, "1988", "year-only.yml")).Replace("title:", "title: Piped", StringComparison.Ordinal));
        Assert.Equal(built.Where(e => !e.StartsWith("input/events/1988/pipe.yml", StringComparison.Ordinal)), Errors(session.Rebuild([pipe])));

        foreach (var link in new[] { "up", "gone.yml", "passwd.yml" })
        {
            File.Delete(Path.Combine(events, link));
        }

        var fixedUp = session.Rebuild([Path.Combine(events, "up"), Path.Combine(events, "gone.yml"), Path.Combine(events, "passwd.yml")]);
        Assert.True(fixedUp.Succeeded, string.Join('\n', fixedUp.Diagnostics));
        Assert.True(Build(folder).Succeeded);
    }

    [Theory]
    [InlineData("input/events")]
    [InlineData("input/events/1988")]
    [InlineData("input/pages")]
    [InlineData("theme/i18n")]
    [InlineData("theme/templates")]
    [InlineData("theme/templates/partials")]
    [InlineData("theme/assets")]
    public void An_unreadable_folder_is_an_error_naming_it_and_every_other_error_is_still_reported(string unreadable)
    {
        var folder = NewSite();
        var sources = Path.Combine(folder, "input", "sources.yml");
        File.WriteAllText(sources, File.ReadAllText(sources).Replace("  kind: report\n", "  kind: report\n  colour: red\n", StringComparison.Ordinal));
        var full = Path.Combine(folder, unreadable);
        File.SetUnixFileMode(full, UnixFileMode.None);
        try
        {
            var (code, _, errors) = RunUnprivileged(folder, "check");

            var lines = errors.Split('\n');
            Assert.Contains($"{unreadable}/: {Unreadable}", lines);
            Assert.Contains(lines, l => l.StartsWith("input/sources.yml:", StringComparison.Ordinal) && l.Contains("error TL0104: unknown field 'colour'", StringComparison.Ordinal));
            Assert.DoesNotContain("internal error", errors, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.Contains("TL0403", StringComparison.Ordinal) || l.Contains("TL1010", StringComparison.Ordinal));
            Assert.Equal(1, code);
        }
        finally
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Theory]
    [InlineData("input")]
    [InlineData("theme")]
    public void An_input_or_theme_folder_that_cannot_be_read_is_one_error_naming_it(string unreadable)
    {
        var folder = NewSite();
        var full = Path.Combine(folder, unreadable);
        File.SetUnixFileMode(full, UnixFileMode.None);
        try
        {
            var (code, _, errors) = RunUnprivileged(folder, "check");

            // Not one "cannot be read" per file inside it, nor a folder called missing.
            Assert.Equal($"{unreadable}/: {Unreadable}\n1 error, 0 warnings. Nothing was written.\n", errors);
            Assert.Equal(1, code);
        }
        finally
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task The_new_commands_refuse_what_build_refuses_without_waiting_or_crashing()
    {
        var folder = NewSite();
        var input = Path.Combine(folder, "input");
        Directory.CreateSymbolicLink(Path.Combine(input, "events", "up"), "..");
        File.Delete(Path.Combine(input, "sources.yml"));
        MakePipe(Path.Combine(input, "sources.yml"));

        var run = Task.Run(() =>
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            var newEvent = Timeline.Cli.Program.Run(["new", "event", "--title", "A new event", "--date", "1990", "--input", input], output, errors);
            var newSource = Timeline.Cli.Program.Run(["new", "source", "--title", "A new source", "--input", input], output, errors);
            return (newEvent, newSource, errors.ToString());
        });
        // A `new` that opened the named pipe would wait for a writer forever: TimeoutException.
        var (eventCode, sourceCode, text) = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, eventCode);
        Assert.Equal(1, sourceCode);
        Assert.Contains($"{Path.Combine(input, "events", "up")}:1:1: {Loop}", text, StringComparison.Ordinal);
        Assert.Contains($"sources.yml:1:1: {Pipe}", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(input, "events", "1990")));
    }

    /// <summary>
    /// Runs `timeline` in its own process unable to read what its permissions forbid. Root reads any folder, so as root
    /// the process runs without the two capabilities that allow it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
    /// </summary>
    private static (int Code, string Output, string Errors) RunUnprivileged(string folder, params string[] args)
    {
        // The program looks for node_modules above the site; without it the web font's absence would be warned of too.
        var tools = Path.Combine(folder, "node_modules");
        if (!Path.Exists(tools))
        {
            Directory.CreateSymbolicLink(tools, Path.Combine(Repository.Root, "node_modules"));
        }

        var info = CliProcess.StartInfo(folder, null, args);
        if (GetEffectiveUserId() == 0)
        {
            Assert.True(File.Exists("/usr/bin/setpriv"), "Running the tests as root needs setpriv (Debian's util-linux) to drop root's right to read every folder.");
            info.ArgumentList.Insert(0, info.FileName);
            info.ArgumentList.Insert(0, "--");
            info.ArgumentList.Insert(0, "--bounding-set=-dac_override,-dac_read_search");
            info.FileName = "/usr/bin/setpriv";
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "`timeline check` did not finish.");
        return (process.ExitCode, output.Result, errors.Result.Replace("\r\n", "\n"));
    }

    private static void MakePipe(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.Equal(0, MakeFifo(path, Convert.ToInt32("644", 8)));
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
