using System.CommandLine;
using System.Globalization;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Pipeline;
using Timeline.Publishing.Overview;

namespace Timeline.Cli;

/// <summary>The `timeline` command: a thin layer over <see cref="TimelineBuilder"/>.</summary>
public static partial class Program
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
            return Run(args, Console.Out, Console.Error, ownsProcess: true);
        }
        catch (Exception ex)
        {
            // The user gets a sentence, never a stack trace.
            Console.Error.WriteLine($"timeline: internal error: {ex.Message}. Nothing was written. Please report this with the command you ran.");
            return InputErrors;
        }
    }

    /// <summary>Runs the command <paramref name="args"/> name; <paramref name="ownsProcess"/> when the process ends with it (see <see cref="CollectionBudget"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter errors, bool ownsProcess = false)
    {
        var input = new Option<string>("--input") { Description = "The folder with site.yml, sources.yml, events/ and pages/.", DefaultValueFactory = _ => "input" };
        var theme = new Option<string>("--theme") { Description = "The folder with the theme's templates/ and assets/; by default theme/ here, or the theme built into Timeline when there is none.", DefaultValueFactory = _ => DefaultTheme() };
        var outputFolder = new Option<string>("--output") { Description = "The folder to write the site into; it is replaced only when the build succeeds.", DefaultValueFactory = _ => "output" };
        var baseUrl = new Option<string?>(Loading.SiteLoader.BaseUrlOption) { Description = "The site's address, overriding base_url in site.yml." };
        baseUrl.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && Loading.SiteLoader.BaseUrl(value) is null)
            {
                result.AddError(Validation(ErrorMessages.InvalidBaseUrl(value, Loading.SiteLoader.BaseUrlOption)));
            }
        });
        var timings = new Option<bool>("--timings") { Description = "Print how long each step of the build took." };
        var format = new Option<string>(DiagnosticReport.OptionName)
        {
            Description = "How to write the problems found: text (the default), github (GitHub Actions annotations) or json (one document on standard output).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(DiagnosticReport.Names);
        foreach (var (option, example) in new[] { (input, "input"), (theme, "theme"), (outputFolder, "output") })
        {
            option.Validators.Add(result => FolderPath(result, example));
        }

        var build = new Command("build", "Build the site into the output folder.");
        var check = new Command("check", "Check the input and the theme without writing anything.");
        foreach (var command in new[] { build, check })
        {
            command.Options.Add(input);
            command.Options.Add(theme);
            command.Options.Add(outputFolder);
            command.Options.Add(baseUrl);
            command.Options.Add(timings);
            command.Options.Add(format);
        }

        static Input.PathDisplay Display() => new(Environment.CurrentDirectory);

        BuildOptions Options(ParseResult parsed) => new(
            parsed.GetValue(input)!,
            parsed.GetValue(theme)!,
            parsed.GetValue(outputFolder)!,
            parsed.GetValue(baseUrl),
            Environment.CurrentDirectory);

        BuildResult WithProgress(BuildOptions options, Func<BuildOptions, BuildResult> run)
        {
            using var progress = ProgressLine.For(errors);
            return run(options with { Progress = progress });
        }

        ReportFormat FormatOf(ParseResult parsed) => DiagnosticReport.Parse(parsed.GetValue(format)) ?? ReportFormat.Text;
        build.SetAction(parsed =>
        {
            // In a process that ends with it, a build like the last one, when that allocated little, is not collected at all.
            var options = Options(parsed);
            var budget = ownsProcess ? CollectionBudget.Begin(options) : null;
            var result = WithProgress(options, TimelineBuilder.Build);
            if (ownsProcess && result.Succeeded)
            {
                CollectionBudget.Record(options);
            }

            return Report(result, write: true, parsed.GetValue(outputFolder)!, output, errors, parsed.GetValue(timings), FormatOf(parsed), budget);
        });
        check.SetAction(parsed => Report(WithProgress(Options(parsed), TimelineBuilder.Check), write: false, parsed.GetValue(outputFolder)!, output, errors, parsed.GetValue(timings), FormatOf(parsed)));

        var port = new Option<int>("--port")
        {
            Description = "The port to serve on, at 127.0.0.1; 0 takes any free port.",
            DefaultValueFactory = _ => 8080,
            // Our own parser: System.CommandLine's throws on a value that is not a number ("abc").
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
                {
                    result.AddError(Validation(ErrorMessages.InvalidPort(text)));
                    return 0;
                }

                return number;
            },
        };
        var poll = new Option<bool>("--poll") { Description = "Look for changes every half second instead of relying on file notifications." };
        var serve = new Command("serve", "Build the site in memory, serve it on 127.0.0.1 and rebuild it as you edit; output/ is not written.");
        serve.Options.Add(input);
        serve.Options.Add(theme);
        serve.Options.Add(baseUrl);
        serve.Options.Add(port);
        serve.Options.Add(poll);

        // The server lives in its own class so that only `serve` loads ASP.NET Core.
        serve.SetAction(parsed => Serve.ServeCommand.Run(Options(parsed), parsed.GetValue(port), parsed.GetValue(poll), output, errors));

        var title = new Option<string>("--title") { Description = "The record's title.", Required = true };
        title.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[^1].Value))
            {
                result.AddError(Validation(ErrorMessages.EmptyTitleOption()));
            }
        });
        var date = new Option<string>("--date") { Description = "The event's date: YYYY, YYYY-MM or YYYY-MM-DD.", Required = true };
        var id = new Option<string?>("--id") { Description = "The record's id; by default made from the title (and, for an event, the date)." };
        var newEvent = new Command("event", "Write input/events/<year>/<id>.yml with every field of an event in place.");
        newEvent.Options.Add(input);
        newEvent.Options.Add(title);
        newEvent.Options.Add(date);
        newEvent.Options.Add(id);
        newEvent.SetAction(parsed => New.NewCommand.Event(parsed.GetValue(input)!, parsed.GetValue(title)!, parsed.GetValue(date)!, parsed.GetValue(id), Display(), output, errors));
        var newSource = new Command("source", "Add a source with every field in place to the end of input/sources.yml.");
        newSource.Options.Add(input);
        newSource.Options.Add(title);
        newSource.Options.Add(id);
        newSource.SetAction(parsed => New.NewCommand.Source(parsed.GetValue(input)!, parsed.GetValue(title)!, parsed.GetValue(id), Display(), output, errors));
        var @new = new Command("new", "Start a new record; an existing one is never overwritten.");
        @new.Subcommands.Add(newEvent);
        @new.Subcommands.Add(newSource);

        var importFile = new Argument<string>("file") { Description = "The TimelineJS timeline: its JSON file, or its Google Sheet downloaded as CSV." };
        var fallbackSource = new Option<string?>("--source") { Description = "The id of a source in sources.yml that every slide without media of its own cites (the timeline you import, say)." };
        var importTimelineJs = new Command("timelinejs", "Write a TimelineJS timeline's slides as event records (with sources from their media); nothing is written if any slide cannot be converted.");
        importTimelineJs.Arguments.Add(importFile);
        importTimelineJs.Options.Add(input);
        importTimelineJs.Options.Add(fallbackSource);
        importTimelineJs.SetAction(parsed => Import.ImportCommand.TimelineJs(parsed.GetValue(importFile)!, parsed.GetValue(input)!, parsed.GetValue(fallbackSource), Display(), output, errors));
        var import = new Command("import", "Bring records in from another tool; an existing record is never overwritten.");
        import.Subcommands.Add(importTimelineJs);

        var folder = new Argument<string>("folder") { Description = "The folder to start the site in: new, or empty.", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Add the starter files to a folder that is not empty; no file is ever replaced." };
        var init = new Command("init", "Start a new site: its records (one example of each), a README, a .gitignore and package.json.");
        init.Arguments.Add(folder);
        init.Options.Add(force);
        init.SetAction(parsed => Init.InitCommand.Run(parsed.GetValue(folder)!, parsed.GetValue(force), Display(), output, errors));

        var root = new RootCommand("Timeline builds a static memorial timeline from YAML records.");
        root.Subcommands.Add(init);
        root.Subcommands.Add(build);
        root.Subcommands.Add(check);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(@new);
        root.Subcommands.Add(import);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            var usage = new List<Diagnostic>();
            foreach (var error in result.Errors)
            {
                // Our validators' messages carry their code already; System.CommandLine's own get the code of a usage error.
                var message = UsageMessagePattern().Match(error.Message) is { Success: true } match
                    ? new ErrorMessage(match.Groups["code"].Value, match.Groups["problem"].Value, match.Groups["fix"].Value)
                    : ErrorMessages.CommandLineError(error.Message);
                usage.Add(new Diagnostic(Where(error), SourcePosition.None, Severity.Error, message.Code, message.Text, message.Fix));
            }

            // A usage error is written in the format asked for, when --format itself was understood.
            var asked = result.GetResult(format) is { Tokens.Count: > 0 } given ? DiagnosticReport.Parse(given.Tokens[^1].Value) : null;
            DiagnosticReport.Write(asked ?? ReportFormat.Text, usage, output, errors);
            return UsageError;
        }

        // Our own handler in Main prints a sentence; System.CommandLine's would print a stack trace.
        return result.Invoke(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }

    private static int Report(BuildResult result, bool write, string outputFolder, TextWriter output, TextWriter errors, bool timings, ReportFormat format, long? budget = null)
    {
        if (timings)
        {
            errors.WriteLine("Timings:");
            errors.WriteLine(PhaseTimings.Format(result.Timings));
            if (budget is { } bytes)
            {
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  no collection before {bytes / (1024 * 1024)} MB allocated: the last build allocated less"));
            }

            if (write)
            {
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  event files taken parsed from the cache {result.ParsesReused} ({result.EventFilesUnread} of them not read again), texts taken rendered {result.DocumentsReused}; pages taken from the last build {result.PagesReused}, parts of feeds and data files {result.PartsReused}; share images drawn {result.ShareImagesDrawn}, reused {result.ShareImagesReused}; search shards indexed {result.SearchShardsIndexed}, reused {result.SearchShardsReused}"));
            }
        }

        DiagnosticReport.Write(format, result.Diagnostics, output, errors);

        var seconds = result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        var counts = $"{Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")}";
        if (!result.Succeeded)
        {
            errors.WriteLine($"{counts}. Nothing was written.");
            return InputErrors;
        }

        var site = result.Site!;
        var made = $"{Plural(site.Events.Count, "event")}, {Plural(site.Pages.Count, "page")}, {Plural(site.Sources.Count, "source")}";
        // With --format json, standard output holds the document alone.
        (format == ReportFormat.Json ? errors : output).WriteLine(write
            ? $"Built {made} into {outputFolder}/ ({Plural(result.FilesWritten, "file")}) in {seconds} s; {counts}."
            : $"Checked {made} in {seconds} s; {counts}. Nothing was written.");
        return Success;
    }

    // Linux's limits: PATH_MAX for a whole path, NAME_MAX for each name in it.
    private const int MaxPathBytes = 4095;
    private const int MaxNameBytes = 255;

    /// <summary>A folder option's value must name a folder (or, for --output, a place for one): a usage error otherwise.</summary>
    private static void FolderPath(System.CommandLine.Parsing.OptionResult result, string example)
    {
        if (result.Implicit || result.Tokens.Count == 0)
        {
            return;
        }

        var option = result.Option.Name;
        var value = result.Tokens[^1].Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError(Validation(ErrorMessages.EmptyPathOption(option, example)));
        }
        else if (value.IndexOfAny(Path.GetInvalidPathChars()) is var bad and >= 0)
        {
            var code = ((int)value[bad]).ToString("X4", CultureInfo.InvariantCulture);
            result.AddError(Validation(ErrorMessages.UnusablePathOption(option, value, $"it holds the character U+{code}, which no path may hold")));
        }
        else if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFullPath(value)) > MaxPathBytes
            || value.Split(Path.DirectorySeparatorChar).Any(name => System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes))
        {
            result.AddError(Validation(ErrorMessages.UnusablePathOption(option, value, $"it is longer than the system allows ({MaxPathBytes} bytes in all, {MaxNameBytes} for each name in it)")));
        }
        else if (!Directory.Exists(value) && KindOf(value) is var kind and not EntryKind.Missing)
        {
            result.AddError(Validation(ErrorMessages.PathOptionIsNotAFolder(option, value, FileKinds.Describe(kind))));
        }
    }

    private static EntryKind KindOf(string path)
    {
        try
        {
            return FileKinds.Of(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // What cannot be looked at is reported by the build, with the path.
            return EntryKind.Missing;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^error (?<code>TL\d{4}): (?<problem>[^\n]*)\n(?<fix>.*)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex UsageMessagePattern();

    /// <summary>A usage error in the form of every other message: "error TL0951: what. fix."</summary>
    /// <summary>The theme built into Timeline, beside the program (the repository's theme/, copied there by the build).</summary>
    internal static string BuiltInTheme => Path.Combine(AppContext.BaseDirectory, "theme");

    /// <summary>theme/ in the current folder when there is one (or when no theme is built in); else the built-in theme.</summary>
    private static string DefaultTheme() => Directory.Exists("theme") || !Directory.Exists(BuiltInTheme) ? "theme" : BuiltInTheme;

    internal static string Usage(ErrorMessage message) => $"error {message.Code}: {message.Text}";

    /// <summary>An option validator's error, handed to System.CommandLine and read back by <see cref="UsageMessagePattern"/>: a line break keeps the fix apart.</summary>
    private static string Validation(ErrorMessage message) => $"error {message.Code}: {message.Problem}\n{message.Fix}";

    /// <summary>Writes a usage error against what is at fault: an option ("--port") or the command line ("timeline").</summary>
    internal static int Usage(TextWriter errors, string where, ErrorMessage message)
    {
        errors.WriteLine($"{where}: {Usage(message)}");
        return UsageError;
    }

    /// <summary>The option a parse error is about, named as the README's error format says; else the command line.</summary>
    private static string Where(System.CommandLine.Parsing.ParseError error) => error.SymbolResult switch
    {
        System.CommandLine.Parsing.OptionResult option => Subject.Option(option.Option.Name),
        System.CommandLine.Parsing.ArgumentResult { Parent: System.CommandLine.Parsing.OptionResult option } => Subject.Option(option.Option.Name),
        _ => Subject.CommandLine,
    };

    internal static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
