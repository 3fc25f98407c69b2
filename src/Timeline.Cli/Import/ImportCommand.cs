using System.Text;
using Timeline.Cli.New;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Yaml;

namespace Timeline.Cli.Import;

/// <summary>
/// `timeline import timelinejs FILE`: a TimelineJS timeline (its JSON, or its Google Sheet as CSV) as event records,
/// with sources from the slides' media and eras from era slides. All or nothing: when any slide cannot be converted,
/// every problem is reported and nothing is written, so that fixing the file and running the command again always works.
/// </summary>
internal static class ImportCommand
{
    /// <summary>A sheet or JSON file larger than this is not a timeline a person wrote.</summary>
    private const long MaxBytes = 32L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int TimelineJs(string file, string inputFolder, string? sourceId, PathDisplay display, TextWriter output, TextWriter errors)
    {
        var shownFile = display.Show(Path.GetFullPath(file));
        var diagnostics = new DiagnosticBag();
        if (ReadImportFile(file, shownFile, diagnostics) is not { } text)
        {
            return NewCommand.Refuse(errors, diagnostics);
        }

        var json = Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase)
            || (!Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith('{'));
        if ((json ? TimelineJsJson.Read(text, shownFile, diagnostics) : TimelineJsCsv.Read(text, shownFile, diagnostics)) is not { } slides)
        {
            return NewCommand.Refuse(errors, diagnostics);
        }

        // What the input folder holds, read as `check` reads it: a broken sources.yml is never written into.
        var files = new InputFiles(inputFolder, display, diagnostics);
        var sources = ReadList(files, display, Path.Combine(inputFolder, "sources.yml"), diagnostics);
        var eras = ReadList(files, display, Path.Combine(inputFolder, "eras.yml"), diagnostics);
        var events = Path.Combine(inputFolder, InputLayout.EventsFolder);
        var eventIds = files.List(events, InputLayout.IsEventFile, _ => true).Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToHashSet(StringComparer.Ordinal);
        if (diagnostics.HasErrors)
        {
            return NewCommand.Refuse(errors, diagnostics);
        }

        var sourceIds = Ids(sources.Tree);
        if (sourceId is not null && !sourceIds.Contains(sourceId))
        {
            var known = sourceIds.Count == 0 ? "" : $" (it lists {string.Join(", ", sourceIds.Order(StringComparer.Ordinal).Take(5).Select(i => $"'{i}'"))}{(sourceIds.Count > 5 ? ", ..." : "")})";
            diagnostics.OptionError("--source", ErrorMessages.ImportUnknownSource(sourceId, known));
        }

        var existing = new ExistingRecords(eventIds, sourceIds, SourceUrls(sources.Tree), Ids(eras.Tree));
        var converter = new SlideConverter(shownFile, existing, sourceId, diagnostics);
        foreach (var slide in slides.Slides)
        {
            converter.Add(slide);
        }

        var fileName = Path.GetFileName(file);
        var newSources = converter.Sources.Count == 0 ? null
            : SourceListEdit.Append(sources.File, display.Show(sources.Path), "sources.yml", converter.Sources.Select(s => (s.Id, ImportedRecords.Source(s, fileName))).ToList(), diagnostics);
        var newEras = converter.Eras.Count == 0 ? null
            : SourceListEdit.Append(eras.File, display.Show(eras.Path), "eras.yml", converter.Eras.Select(e => (e.Id, ImportedRecords.Era(e, fileName))).ToList(), diagnostics);
        if (diagnostics.HasErrors)
        {
            return NewCommand.Refuse(errors, diagnostics);
        }

        var written = new List<string>();
        try
        {
            foreach (var e in converter.Events)
            {
                var year = Path.Combine(events, e.Date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
                var path = Path.Combine(year, e.Id + ".yml");
                Directory.CreateDirectory(year);

                // CreateNew: never replace a file, even one written since the folder was read.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                written.Add(path);
                var schema = SchemaReference.Line(path, inputFolder, "event.schema.json") is { } line ? line + "\n" : "";
                stream.Write(StrictUtf8.GetBytes(schema + ImportedRecords.Event(e, fileName)));
            }

            if (newSources is not null)
            {
                SourceListEdit.Write(sources.Path, sources.File, sources.File is null ? newSources.TrimStart('\n') : newSources, inputFolder, "sources.schema.json");
            }

            if (newEras is not null)
            {
                SourceListEdit.Write(eras.Path, eras.File, eras.File is null ? newEras.TrimStart('\n') : newEras, inputFolder, "eras.schema.json");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing is left half imported: the event files written so far are removed again.
            foreach (var path in written)
            {
                File.Delete(path);
            }

            diagnostics.Error(display.Show(inputFolder), SourcePosition.None, ErrorMessages.NotWritten(display.Show(inputFolder), ex.Message));
            return NewCommand.Refuse(errors, diagnostics);
        }

        output.WriteLine($"Imported {Program.Plural(converter.Events.Count, "event")} from {shownFile} ({slides.Format}) into {display.Show(events)}/"
            + $", with {Program.Plural(converter.Sources.Count, "new source")} and {Program.Plural(converter.Eras.Count, "new era")}. Run `timeline check`, and read each summary: it was cut from the slide's text.");
        foreach (var title in converter.TitleSlides)
        {
            output.WriteLine($"The title slide '{title}' was not imported: put its words in site.yml's title and description, or in pages/about.md.");
        }

        return Program.Success;
    }

    private sealed record ListFile(string Path, InputFile? File, YamlNode? Tree);

    private static string? ReadImportFile(string file, string shown, DiagnosticBag diagnostics)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.ImportUnreadable(Directory.Exists(file) ? "it is a folder" : "there is no such file"));
                return null;
            }

            if (info.Length > MaxBytes)
            {
                diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.FileTooLarge(info.Length, MaxBytes));
                return null;
            }

            var bytes = File.ReadAllBytes(file);
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.ImportUnreadable("it is not UTF-8 text (download the sheet again as CSV, which Google Sheets writes in UTF-8)"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(shown, SourcePosition.WholeFile, ErrorMessages.UnreadableFile(ex.Message));
        }

        return null;
    }

    private static ListFile ReadList(InputFiles files, PathDisplay display, string path, DiagnosticBag diagnostics)
    {
        var file = files.Find(path) is { } found ? new InputReader(display, diagnostics).ReadFile(found) : null;
        var read = new DiagnosticBag();
        var tree = file is null ? null : YamlTreeReader.Read(file.Text, file.DisplayPath, read, "");
        foreach (var problem in read.Sorted().Where(d => d.Code != ErrorMessages.EmptyFile("").Code))
        {
            diagnostics.Add(problem);
        }

        return new ListFile(path, file, tree);
    }

    private static IEnumerable<YamlMapping> Items(YamlNode? tree) => tree is YamlSequence list ? list.Items.OfType<YamlMapping>() : [];

    private static string? Field(YamlMapping item, string name) =>
        item.Entries.FirstOrDefault(e => e.Key.Value == name)?.Value is YamlScalar { IsNull: false } value ? value.Value.Trim() : null;

    private static HashSet<string> Ids(YamlNode? tree) => Items(tree).Select(i => Field(i, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Each listed source's address, so that a slide's media already listed is cited, not added again.</summary>
    private static Dictionary<string, string> SourceUrls(YamlNode? tree)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Items(tree))
        {
            if (Field(item, "url") is { } url && Field(item, "id") is { } id)
            {
                urls.TryAdd(url, id);
            }
        }

        return urls;
    }
}
