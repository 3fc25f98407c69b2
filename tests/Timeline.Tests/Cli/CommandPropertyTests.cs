using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Text;
using CsCheck;
using Timeline.Tests.Support;

namespace Timeline.Tests.Cli;

/// <summary>
/// Whatever the input, the theme and the options, the command ends in success or in reported errors, each naming where the
/// fault is with a TL code, with exit code 0, 1 or 2: never an exception ("internal error"), never a hang. Each case is
/// made from its own seed, printed on failure; set TIMELINE_PROPERTY_CASE to that seed to run that case alone (its folder
/// is then kept).
/// </summary>
public sealed partial class CommandPropertyTests
{
    // About 0.1 s a case on two cores (a tenth are builds, with share images and Pagefind): well under a minute.
    // TIMELINE_PROPERTY_CASES runs more, to search harder on a workstation.
    private const int Cases = 300;

    // Generous on a loaded machine: a case that takes this long is stuck, not slow.
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(60);

    private static readonly string[] Templates = ["index", "event", "layout", "tags", "page", "partials/notes"];

    [Fact]
    public void Random_input_theme_and_options_end_in_success_or_reported_errors_never_an_internal_error()
    {
        if (Environment.GetEnvironmentVariable("TIMELINE_PROPERTY_CASE") is { Length: > 0 } only)
        {
            RunCase(int.Parse(only, CultureInfo.InvariantCulture), keep: true);
            return;
        }

        var cases = int.TryParse(Environment.GetEnvironmentVariable("TIMELINE_PROPERTY_CASES"), CultureInfo.InvariantCulture, out var more) ? more : Cases;
        Gen.Int.Sample(seed => RunCase(seed), iter: cases, threads: 1);
    }

    /// <summary>Runs one case; its folder is removed when it passes, unless it is kept to be looked at.</summary>
    private static void RunCase(int seed, bool keep = false)
    {
        var random = new Random(seed);
        var folder = TestSite.NewFolder();
        var args = Arguments(random, folder);
        var task = Task.Run(() =>
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            var code = Timeline.Cli.Program.Run(args, output, errors);
            return (code, output.ToString(), errors.ToString());
        });

        var replay = $"case seed {seed} (set TIMELINE_PROPERTY_CASE={seed} to run it alone), folder {folder}, arguments [{string.Join(" ", args.Select(a => $"'{a}'"))}]";
        try
        {
            if (!task.Wait(CaseLimit))
            {
                Assert.Fail($"Still running after {CaseLimit.TotalSeconds} s: {replay}");
            }
        }
        catch (AggregateException ex)
        {
            Assert.Fail($"An exception escaped, which the command would print as an internal error: {ex.InnerException}\n{replay}");
        }

        var (code, stdout, stderr) = task.Result;
        AssertReported(code, stderr, $"{replay}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        if (!keep)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every line on stderr is an error or warning naming where the fault is, or the closing count; the exit code agrees.</summary>
    internal static void AssertReported(int code, string stderr, string context)
    {
        Assert.True(code is 0 or 1 or 2, $"Exit code {code}: {context}");
        Assert.DoesNotContain("internal error", stderr, StringComparison.OrdinalIgnoreCase);
        var lines = stderr.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = 0;
        foreach (var line in lines)
        {
            if (Reported().Match(line) is { Success: true } match)
            {
                errors += match.Groups["kind"].Value == "error" ? 1 : 0;
            }
            else
            {
                Assert.True(Count().IsMatch(line), $"Not an error line of the documented form (path:line:column, folder/, --option or timeline, then a TL code): '{line}'\n{context}");
            }
        }

        Assert.True(code == 0 ? errors == 0 : errors > 0, $"Exit code {code} with {errors} errors: {context}");
    }

    [GeneratedRegex(@"^(?:.+?:\d+:\d+|.*/|--[a-z-]+|timeline): (?<kind>error|warning) TL\d{4}: \S")]
    private static partial Regex Reported();

    [GeneratedRegex(@"^\d+ errors?(?:, \d+ warnings?)?\. Nothing was written\.$")]
    private static partial Regex Count();

    /// <summary>Writes a random site (and sometimes a random theme) into the folder and picks a command to run on it.</summary>
    private static string[] Arguments(Random random, string folder)
    {
        var input = Path.Combine(folder, "input");
        var make = new RandomInput(random, RandomInput.Hostility(random));
        var files = new List<(string Path, string Text)>
        {
            ("input/site.yml", make.Site()),
            ("input/sources.yml", make.Sources()),
            ("input/events/1988/the-event.yml", make.Event()),
            ("input/events/other.yml", "date: \"1989\"\ntitle: O\nsummary: S\nsources: [b]\n"),
            ("input/entities.yml", make.Entities()),
        };
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            files.Add(($"input/events/{make.Pick(new[] { "1990", "2020", "x" })}/e{i}.yml", make.Event()));
        }

        foreach (var (path, generate) in new (string, Func<string>)[] { ("input/eras.yml", make.Eras), ("input/pages/about.md", make.Page), ("input/pages/about.fa.md", make.Page) })
        {
            // A translated page without its page is an error; a valid site has both or neither.
            if (make.Chance(0.4) && (!path.EndsWith(".fa.md", StringComparison.Ordinal) || files.Any(f => f.Path.EndsWith("about.md", StringComparison.Ordinal)) || make.Odd()))
            {
                files.Add((path, generate()));
            }
        }

        var theme = Repository.Theme;
        if (make.Chance(0.15))
        {
            theme = Path.Combine(folder, "theme");
            TestSite.CopyFolder(Repository.Theme, theme);
            files.Add(make.Pick(new[]
            {
                ("theme/i18n/en.yml", make.Mutate(File.ReadAllText(Path.Combine(Repository.Theme, "i18n", "en.yml")))),
                ("theme/i18n/fa.yml", make.Mutate(File.ReadAllText(Path.Combine(Repository.Theme, "i18n", "fa.yml")))),
                ("theme/share-image.yml", make.Mutate(File.ReadAllText(Path.Combine(Repository.Theme, "share-image.yml")))),
                ($"theme/templates/{make.Pick(Templates)}.liquid", Liquid(make)),
            }));
        }

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, make.Odd() ? make.Bytes(text) : Encoding.UTF8.GetBytes(text));
        }

        if (make.Odd() && make.Chance(0.3))
        {
            WrongKind(make, folder);
        }

        if (make.Odd() && make.Chance(0.2))
        {
            OddEntry(make, folder);
        }

        string[] site = make.Odd() && make.Chance(0.1)
            ? make.Pick(new string[][] { ["--input", "", "--theme", theme], ["--input", input, "--theme", " "], ["--input", "in\0put"], ["--input", input + "/site.yml"], ["--theme", new string('t', 300)] })
            : ["--input", input, "--theme", theme];
        var baseUrl = make.Chance(0.15) ? ["--base-url", make.Pick(new[] { "https://example.org/x/", "javascript:alert(1)", "example.org", "https://example.org/?q=1", "http://[::1]/", " ", "https://例え.jp/" })] : Array.Empty<string>();
        return random.Next(20) switch
        {
            < 12 => ["check", .. site, .. baseUrl],
            < 14 => ["build", .. site, .. baseUrl, "--output", Output(make, folder)],
            < 16 => ["new", "event", "--input", input, "--title", make.Title(), "--date", make.Date(), .. Id(make)],
            < 18 => ["new", "source", "--input", input, "--title", make.Title(), .. Id(make)],
            _ => make.Pick(new string[][]
            {
                ["bogus"], ["build", "--no-such-option"], ["check", "--input"], ["new"], ["new", "event", "--title", "T"], ["build", "--port", "1"],
                ["check", "--input", input, "--input", input], ["new", "source", "--title"], ["--version"], ["check", "extra", "words"], ["new", "event", "--date", "1988", "--title", "T", "--input", input, "--id", "Bad Id"],
            }),
        };
    }

    private static string[] Id(RandomInput make) =>
        make.Chance(0.3) ? ["--id", make.Pick(new[] { "a", "A", "a--b", "../x", "a/b", "x" + new string('y', 90), "\u202Ea", "a" })] : [];

    /// <summary>Where a build writes: a new folder, a deep one, the input folder, a file, or the case's folder (not a Timeline output).</summary>
    private static string Output(RandomInput make, string folder) => make.Pick(new[]
    {
        Path.Combine(folder, "out"), Path.Combine(folder, "out"), Path.Combine(folder, "a", "b", "c"), Path.Combine(folder, "input"),
        Path.Combine(folder, "input", "site.yml"), folder,
    });

    /// <summary>A folder where a file goes or a file where a folder goes, somewhere in the input or the theme.</summary>
    private static void WrongKind(RandomInput make, string folder)
    {
        var path = Path.Combine(folder, make.Pick(new[]
        {
            "input/site.yml", "input/sources.yml", "input/events", "input/events/1988/the-event.yml", "input/pages", "input/pages/x.md", "input/entities.yml",
            "input/events/1988/z.yml", "theme/templates", "theme/i18n", "theme/assets", "theme/i18n/en.yml", "theme/share-image.yml", "theme/templates/x.liquid",
        }));
        if (path.Contains("theme", StringComparison.Ordinal) && !Directory.Exists(Path.Combine(folder, "theme")))
        {
            TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        }

        if (File.Exists(path))
        {
            File.Delete(path);
            Directory.CreateDirectory(path);
        }
        else
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "not what belongs here\n");
        }
    }

    /// <summary>
    /// Something that is not a file where a file may be read: a named pipe (which would block a reader forever), a link
    /// out of the folder, a dangling link or a link loop, in the input or the theme.
    /// </summary>
    private static void OddEntry(RandomInput make, string folder)
    {
        var path = Path.Combine(folder, make.Pick(new[]
        {
            "input/sources.yml", "input/entities.yml", "input/events/1988/odd.yml", "input/events/odd", "input/pages/odd.md", "theme/i18n/fa.yml",
            "theme/templates/partials/odd.liquid", "theme/assets/odd.css", "theme/share-image.yml",
        }));
        if (path.Contains("/theme/", StringComparison.Ordinal) && !Directory.Exists(Path.Combine(folder, "theme")))
        {
            TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        }

        // An earlier odd entry may have put a file or a link where this one's folder goes: it makes way.
        var parent = Path.GetDirectoryName(path)!;
        for (var above = parent; above.Length > folder.Length; above = Path.GetDirectoryName(above)!)
        {
            if (new FileInfo(above) is { LinkTarget: not null } || File.Exists(above))
            {
                File.Delete(above);
            }
        }

        Directory.CreateDirectory(parent);
        if (new FileInfo(path) is { LinkTarget: null } && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        switch (make.Random.Next(4))
        {
            case 0:
                Assert.Equal(0, MakeFifo(path, Convert.ToInt32("644", 8)));
                break;
            case 1:
                File.CreateSymbolicLink(path, "/etc/passwd");
                break;
            case 2:
                File.CreateSymbolicLink(path, Path.Combine(folder, "gone"));
                break;
            default:
                Directory.CreateSymbolicLink(path, "..");
                break;
        }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    /// <summary>A template of random text and Liquid: filters known and unknown, strings, conditions, loops long and endless, includes in a cycle.</summary>
    private static string Liquid(RandomInput make)
    {
        string[] parts =
        [
            "{{ site.title }}", "{{ site.title | upcase }}", "{{ x | nosuchfilter }}", "{% if site %}", "{% endif %}", "{{ t.nosuchkey }}", "{{ t.nav_sources }}",
            "{{ 1 | divided_by: 0 }}", "{% assign x = 'a' | append: 'b' %}", "{{ x", "{% if %}", "<a href=\"/nowhere/\">", "<a href=\"#nowhere\">", "{{ content | raw }}",
            "{% raw %}", "{% endraw %}", "{{ '\\u202E' }}", "{% comment %}", "{% endcomment %}", "{{ event.title | truncate: -1 }}", "{{ 'x' | slice: 99999999 }}",
            "{% for i in (1..99999999999) %}x{% endfor %}", "{% for i in (1..3) %}", "{% endfor %}", "{% for e in site.events %}{% for f in site.events %}{{ f.title }}{% endfor %}{% endfor %}",
            "{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}", "{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}",
            "{% include 'partials/notes' %}", "{% render 'partials/notes' %}", "{% include 'layout' %}", "{% cycle 'a', 'b' %}", "{% capture c %}", "{% endcapture %}",
        ];
        var text = new StringBuilder();
        for (var i = make.Random.Next(0, 12); i > 0; i--)
        {
            text.Append(make.Pick(parts)).Append(make.Chance(0.3) ? make.Inline(2) : " ");
        }

        return text.ToString();
    }
}
