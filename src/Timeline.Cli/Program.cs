using System.CommandLine;
using System.Globalization;
using Timeline.Diagnostics;
using Timeline.Pipeline;

namespace Timeline.Cli;

/// <summary>The `timeline` command: a thin layer over <see cref="TimelineBuilder"/>.</summary>
public static class Program
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int UsageError = 2;

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return Run(args, Console.Out, Console.Error);
        }
        catch (Exception ex)
        {
            // The user gets a sentence, never a stack trace.
            Console.Error.WriteLine($"timeline: internal error: {ex.Message}. Nothing was written. Please report this with the command you ran.");
            return InputErrors;
        }
    }

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var input = new Option<string>("--input") { Description = "The folder with site.yml, sources.yml, events/ and pages/.", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "The folder with the theme's templates/ and assets/.", DefaultValueFactory = _ => "theme" };
        var outputFolder = new Option<string>("--output") { Description = "The folder to write the site into; it is replaced only when the build succeeds.", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's address, overriding base_url in site.yml." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each step of the build took." };

        var build = new Command("build", "Build the site into the output folder.");
        var check = new Command("check", "Check the input and the theme without writing anything.");
        foreach (var command in new[] { build, check })
        {
            command.Options.Add(input);
            command.Options.Add(theme);
            command.Options.Add(outputFolder);
            command.Options.Add(baseUrl);
            command.Options.Add(timings);
        }

        BuildOptions Options(ParseResult parsed) => new(
            parsed.GetValue(input)!,
            parsed.GetValue(theme)!,
            parsed.GetValue(outputFolder)!,
            parsed.GetValue(baseUrl),
            Environment.CurrentDirectory);

        build.SetAction(parsed => Report(TimelineBuilder.Build(Options(parsed)), write: true, parsed.GetValue(outputFolder)!, output, errors, parsed.GetValue(timings)));
        check.SetAction(parsed => Report(TimelineBuilder.Check(Options(parsed)), write: false, parsed.GetValue(outputFolder)!, output, errors, parsed.GetValue(timings)));

        var root = new RootCommand("Timeline builds a static memorial timeline from YAML records.");
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                errors.WriteLine($"timeline: {error.Message}");
            }

            errors.WriteLine("Run 'timeline --help' for usage.");
            return UsageError;
        }

        // Our own handler in Main prints a sentence; System.CommandLine's would print a stack trace.
        return result.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }

    private static int Report(BuildResult result, bool write, string outputFolder, TextWriter output, TextWriter errors, bool timings)
    {
        if (timings)
        {
            errors.WriteLine("Timings:");
            errors.WriteLine(PhaseTimings.Format(result.Timings));
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            errors.WriteLine(diagnostic.ToString());
        }

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")}";
        if (!result.Succeeded)
        {
            errors.WriteLine($"{counts}. Nothing was written.");
            return InputErrors;
        }

        var site = result.Site!;
        var made = $"{Plural(site.Events.Count, "event")}, {Plural(site.Pages.Count, "page")}, {Plural(site.Sources.Count, "source")}";
        output.WriteLine(write
            ? $"Built {made} into {outputFolder}/ ({Plural(result.FilesWritten, "file")}) in {seconds} s; {counts}."
            : $"Checked {made} in {seconds} s; {counts}. Nothing was written.");
        return Success;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
