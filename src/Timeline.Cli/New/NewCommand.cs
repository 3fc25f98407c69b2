using System.Text;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Model;

namespace Timeline.Cli.New;

/// <summary>`timeline new event` and `timeline new source`: write a record with every field in place, never over another.</summary>
public static class NewCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Event(string inputFolder, string title, string dateText, string? givenId, PathDisplay display, TextWriter output, TextWriter errors)
    {
        var parsed = PartialDate.Parse(dateText.Trim());
        if (parsed.Error == PartialDateError.OutOfRange)
        {
            return Program.Usage(errors, "--date", ErrorMessages.DateOutOfRange("--date", dateText));
        }

        if (!parsed.Success)
        {
            return Program.Usage(errors, "--date", ErrorMessages.InvalidNewDate(dateText, parsed.Error == PartialDateError.Impossible));
        }

        var date = parsed.Date;
        if (Id(givenId, title, date.ToString(), errors) is not { } id)
        {
            return Program.UsageError;
        }

        var events = Path.Combine(inputFolder, InputLayout.EventsFolder);
        var year = Path.Combine(events, date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        var path = Path.Combine(year, id + ".yml");
        if (new[] { (inputFolder, true), (events, false), (year, false) }.Select(f => NotAFolder(f.Item1, display, f.Item2)).FirstOrDefault(r => r is not null) is { } refusal)
        {
            return Refuse(errors, refusal);
        }

        // The id is also the file name; the same name in another year's folder would be the same event twice.
        // The folder is walked as `check` walks it, and what `check` refuses (a link loop, a pipe) refuses this too.
        var diagnostics = new DiagnosticBag();
        var taken = new InputFiles(inputFolder, display, diagnostics)
            .List(events, p => InputLayout.IsEventFile(p) && Path.GetFileNameWithoutExtension(p) == id, _ => true)
            .Select(f => f.Path)
            .FirstOrDefault();
        if (diagnostics.HasErrors)
        {
            return Refuse(errors, diagnostics);
        }

        if (taken is not null || Exists(path))
        {
            var shown = display.Show(taken ?? path);
            return Refuse(errors, shown, SourcePosition.WholeFile, ErrorMessages.RecordExists(shown));
        }

        try
        {
            Directory.CreateDirectory(year);

            // CreateNew: never replace a file, even one written a moment ago.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var schema = SchemaReference.Line(path, inputFolder, "event.schema.json") is { } line ? line + "\n" : "";
            file.Write(Utf8.GetBytes(schema + RecordScaffold.Event(id, date, title)));
        }
        catch (IOException) when (Exists(path))
        {
            return Refuse(errors, display.Show(path), SourcePosition.WholeFile, ErrorMessages.RecordExists(display.Show(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(errors, display.Show(path), SourcePosition.WholeFile, ErrorMessages.NotWritten(display.Show(path), ex.Message));
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
        var shown = display.Show(path);
        var diagnostics = new DiagnosticBag();
        if (NotAFolder(inputFolder, display, linkAllowed: true) is { } refusal)
        {
            return Refuse(errors, refusal);
        }

        // Read as `check` reads it (size, encoding, a folder in its place), so that what is added is never written into a broken file.
        // Found as `check` finds it: a pipe or a link out of the input is refused, never opened.
        var existing = new InputFiles(inputFolder, display, diagnostics).Find(path) is { } found
            ? new InputReader(display, diagnostics).ReadFile(found)
            : null;
        if (diagnostics.HasErrors || SourceListEdit.Add(existing, shown, id, title, diagnostics) is not { } updated)
        {
            return Refuse(errors, diagnostics);
        }

        try
        {
            Directory.CreateDirectory(inputFolder);
            SourceListEdit.Write(path, existing, updated, inputFolder, "sources.schema.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Refuse(errors, shown, SourcePosition.WholeFile, ErrorMessages.NotWritten(shown, ex.Message));
        }

        output.WriteLine($"Added the source '{id}' to {shown}. Write its publisher and kind; `timeline check` lists what is still missing.");
        return Program.Success;
    }

    /// <summary>Whether anything is at the path, a link that leads nowhere included.</summary>
    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// A refusal when the path is there but is not a folder: a file, or a link inside the input, which could lead out of
    /// it (the input folder itself may be a link: the author chose it with --input).
    /// </summary>
    private static Diagnostic? NotAFolder(string folder, PathDisplay display, bool linkAllowed)
    {
        var full = Path.GetFullPath(folder);
        var isLink = new FileInfo(full).LinkTarget is not null;
        if (!Exists(full) || (Directory.Exists(full) && (linkAllowed || !isLink)))
        {
            return null;
        }

        var shown = display.Show(full);
        var message = ErrorMessages.NotAFolder(shown, isLink);
        return new Diagnostic(Subject.Folder(shown), SourcePosition.None, Severity.Error, message.Code, message.Text, message.Fix);
    }

    /// <summary>The id given, checked, or one made from the title (after the date, for events, as the shipped records are named).</summary>
    private static string? Id(string? given, string title, string? datePrefix, TextWriter errors)
    {
        if (given is not null)
        {
            if (Identifiers.Problem(given) is { } problem)
            {
                Program.Usage(errors, "--id", ErrorMessages.InvalidId(Identifiers.Visible(given), problem));
                return null;
            }

            return given;
        }

        if (RecordScaffold.IdFrom(title) is not { } slug)
        {
            Program.Usage(errors, "--title", ErrorMessages.NoIdFromTitle(title));
            return null;
        }

        return datePrefix is null ? slug : $"{datePrefix}-{slug}";
    }

    /// <summary>Refuses to write, naming the file (and line) in the way of the new record, as every input error is named.</summary>
    private static int Refuse(TextWriter errors, string shownPath, SourcePosition position, ErrorMessage message) =>
        Refuse(errors, new Diagnostic(shownPath, position, Severity.Error, message.Code, message.Text, message.Fix));

    private static int Refuse(TextWriter errors, Diagnostic diagnostic)
    {
        var bag = new DiagnosticBag();
        bag.Add(diagnostic);
        return Refuse(errors, bag);
    }

    internal static int Refuse(TextWriter errors, DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in diagnostics.Sorted())
        {
            errors.WriteLine(diagnostic.ToString());
        }

        errors.WriteLine($"{Program.Plural(diagnostics.ErrorCount, "error")}. Nothing was written.");
        return Program.InputErrors;
    }
}
