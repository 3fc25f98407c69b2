using System.Diagnostics;

namespace Timeline.Tests.Support;

/// <summary>Runs the real `timeline` program in its own process, as users and CI do.</summary>
public static class CliProcess
{
    /// <summary>
    /// Another build of the program to run instead of the one built with the tests: .ci/tool sets it to the installed
    /// native tool and runs the tests that start the program again, so that they hold for what users install too.
    /// </summary>
    public const string ProgramVariable = "TIMELINE_TEST_PROGRAM";

    public static ProcessStartInfo StartInfo(string workingFolder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var other = Environment.GetEnvironmentVariable(ProgramVariable);
        var info = new ProcessStartInfo(string.IsNullOrEmpty(other) ? "dotnet" : other)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(other))
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "timeline.dll"));
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    public static (int Code, string Output, string Errors) Run(string workingFolder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(StartInfo(workingFolder, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }

    /// <summary>Writes a site of many generated events, big enough that writing it takes a while.</summary>
    public static void WriteLargeSite(string folder, int events)
    {
        var input = Path.Combine(folder, "input");
        Directory.CreateDirectory(Path.Combine(input, "events"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Large\ndescription: Generated.\nbase_url: https://example.org\n");
        File.WriteAllText(Path.Combine(input, "sources.yml"), "- id: s\n  title: S\n  publisher: P\n  kind: report\n");
        for (var i = 0; i < events; i++)
        {
            var day = new DateOnly(1988, 1, 1).AddDays(i % 10000);
            File.WriteAllText(
                Path.Combine(input, "events", $"event-{i:D5}.yml"),
                $"date: \"{day:yyyy-MM-dd}\"\ntitle: Event {i}\nsummary: Summary {i}.\nbody: |\n  A paragraph about event {i} [@s, p. {i}].\n");
        }
    }
}
