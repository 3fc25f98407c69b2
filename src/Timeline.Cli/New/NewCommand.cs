using System.Text;
using System.Text.RegularExpressions;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Process;

namespace Timeline.Cli.New;

/// <summary>`timeline new event` and `timeline new source`: write a record with every field in place, never over another.</summary>
public static partial class NewCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Event(string inputFolder, string title, string dateText, string? givenId, PathDisplay display, TextWriter output, TextWriter errors)
    {
        var parsed = PartialDate.Parse(dateText.Trim());
        if (!parsed.Success)
        {
            return Usage(errors, ErrorMessages.InvalidNewDate(dateText, parsed.Error == PartialDateError.Impossible));
        }

        var date = parsed.Date;
        if (Id(givenId, title, date.ToString(), errors) is not { } id)
        {
            return Program.UsageError;
        }

        var events = Path.Combine(inputFolder, "events");
        var path = Path.Combine(events, date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), id + ".yml");

        // The id is also the file name; the same name in another year's folder would be the same event twice.
        var diagnostics = new DiagnosticBag();
        var taken = new InputFiles(inputFolder, display, diagnostics)
            .List(events, p => InputReader.IsEventFile(p) && Path.GetFileNameWithoutExtension(p) == id, _ => true)
            .Select(f => f.Path)
            .FirstOrDefault();
        if (diagnostics.HasErrors)
        {
            return Refused(diagnostics, errors);
        }

        if (taken is not null)
        {
            return Refuse(errors, ErrorMessages.RecordExists(display.Show(taken)));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: never replace a file, even one written a moment ago.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Utf8.GetBytes(RecordScaffold.Event(id, date, title)));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Refuse(errors, ErrorMessages.RecordExists(display.Show(path)));
        }

        output.WriteLine($"Wrote {display.Show(path)}. Write its summary and cite a source; `timeline check` lists what is still missing.");
        return Program.Success;
    }

    public static int Source(string inputFolder, string title, string? givenId, PathDisplay display, TextWriter output, TextWriter errors)
    {
        if (Id(givenId, title, null, errors) is not { } id)
        {
            return Program.UsageError;
        }

        var path = Path.Combine(inputFolder, "sources.yml");
        var diagnostics = new DiagnosticBag();
        var found = new InputFiles(inputFolder, display, diagnostics).Find(path);
        var existing = found is null ? "" : new InputReader(display, diagnostics).ReadFile(found.Value)?.Text ?? "";
        if (diagnostics.HasErrors)
        {
            return Refused(diagnostics, errors);
        }

        var lines = existing.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = IdLine().Match(lines[i]);
            if (match.Success && match.Groups[1].Value == id)
            {
                return Refuse(errors, ErrorMessages.SourceExists(id, $"{display.Show(path)}:{i + 1}"));
            }
        }

        Directory.CreateDirectory(inputFolder);
        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(path, separator + RecordScaffold.Source(id, title), Utf8);
        output.WriteLine($"Added the source '{id}' to {display.Show(path)}. Write its publisher and kind; `timeline check` lists what is still missing.");
        return Program.Success;
    }

    /// <summary>The id given, checked, or one made from the title (after the date, for events, as the shipped records are named).</summary>
    private static string? Id(string? given, string title, string? datePrefix, TextWriter errors)
    {
        if (given is not null)
        {
            if (Identifiers.Problem(given) is { } problem)
            {
                Usage(errors, ErrorMessages.InvalidId(Identifiers.Visible(given), problem));
                return null;
            }

            return given;
        }

        if (RecordScaffold.IdFrom(title) is not { } slug)
        {
            Usage(errors, ErrorMessages.NoIdFromTitle(title));
            return null;
        }

        return datePrefix is null ? slug : $"{datePrefix}-{slug}";
    }

    private static int Usage(TextWriter errors, ErrorMessage message)
    {
        errors.WriteLine($"timeline: {Program.Usage(message)}");
        return Program.UsageError;
    }

    /// <summary>What the input folder holds that cannot be read (a pipe, a link out of it, a folder not allowed): nothing is written.</summary>
    private static int Refused(DiagnosticBag diagnostics, TextWriter errors)
    {
        foreach (var diagnostic in diagnostics.Sorted())
        {
            errors.WriteLine(diagnostic.ToString());
        }

        errors.WriteLine($"{Program.Plural(diagnostics.ErrorCount, "error")}, 0 warnings. Nothing was written.");
        return Program.InputErrors;
    }

    private static int Refuse(TextWriter errors, ErrorMessage message)
    {
        errors.WriteLine($"timeline: {Program.Usage(message)}");
        return Program.InputErrors;
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?id:\s*[""']?([^""'\s#]+)[""']?\s*(?:#.*)?\r?$")]
    private static partial Regex IdLine();
}
