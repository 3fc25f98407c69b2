using System.Text;
using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Yaml;

namespace Timeline.Cli.New;

/// <summary>
/// Adds a new source to the text of sources.yml so that the file stays one valid list whatever shape it has: line ends,
/// indentation and a closing '...' are kept, and a list it cannot extend line by line is refused, never corrupted.
/// </summary>
internal static partial class SourceListEdit
{
    /// <summary>The whole new text of sources.yml; null, with the problems in <paramref name="diagnostics"/>, when the source cannot be added.</summary>
    public static string? Add(InputFile? existing, string shownPath, string id, string title, DiagnosticBag diagnostics) =>
        Append(existing, shownPath, "sources.yml", [(id, RecordScaffold.Source(id, title))], diagnostics);

    /// <summary>
    /// The whole new text of a list of records (sources.yml, eras.yml) with <paramref name="items"/> at its end, each the
    /// text of one item starting with "- id: "; null, with the problems in <paramref name="diagnostics"/>, when they cannot be added.
    /// </summary>
    public static string? Append(InputFile? existing, string shownPath, string fileName, IReadOnlyList<(string Id, string Text)> items, DiagnosticBag diagnostics)
    {
        var text = existing?.Text ?? "";
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var indent = 0;
        var count = 0;
        YamlNode? root = null;
        if (HasContent(text))
        {
            var read = new DiagnosticBag();
            root = YamlTreeReader.Read(text, shownPath, read, "");

            // A file holding only a directive reads as empty, which is fine here: the new source is its first.
            var problems = read.Sorted().Where(d => d.Code != ErrorMessages.EmptyFile("").Code).ToList();
            if (problems.Count > 0)
            {
                problems.ForEach(diagnostics.Add);
                return null;
            }
        }

        if (root is not null)
        {
            if (root is not YamlSequence list)
            {
                diagnostics.Error(shownPath, root.Position, ErrorMessages.ExpectedListOfRecords(fileName, root.Describe()));
                return null;
            }

            if (CharAt(text, list.Position) == '[')
            {
                diagnostics.Error(shownPath, list.Position, ErrorMessages.FlowSourceList());
                return null;
            }

            foreach (var (id, _) in items)
            {
                if (IdOf(list.Items.OfType<YamlMapping>(), id) is { } taken)
                {
                    diagnostics.Error(shownPath, taken.Position, ErrorMessages.SourceExists(id, $"{shownPath}:{taken.Position.Line}"));
                    return null;
                }
            }

            indent = list.Position.Column - 1;
            count = list.Items.Count;
        }

        var lines = string.Concat(items.Select(i => i.Text)).Split('\n').Select(l => l.Length == 0 ? l : new string(' ', indent) + l);
        var added = string.Join(newline, lines);

        // After a closing '...' a new document would start: the source goes before it.
        var end = DocumentEnd().Matches(text).LastOrDefault();
        var updated = end is not null && !HasContent(text[(end.Index + end.Length)..])
            ? text[..end.Index] + added.TrimStart('\r', '\n') + text[end.Index..]
            : text + (text.Length == 0 || text.EndsWith('\n') ? "" : newline) + added;

        // Whatever the file held, the result is read back as `check` reads it: the list one source longer, ending in this one.
        var again = new DiagnosticBag();
        if (YamlTreeReader.Read(updated, shownPath, again, "") is not YamlSequence grown || again.HasErrors)
        {
            diagnostics.Error(shownPath, SourcePosition.WholeFile, ErrorMessages.SourceNotAdded(again.Sorted().FirstOrDefault()?.Message ?? "it would no longer be a list"));
            return null;
        }

        var last = grown.Items.TakeLast(items.Count).ToList();
        if (grown.Items.Count != count + items.Count || items.Where((item, i) => last[i] is not YamlMapping m || IdOf([m], item.Id) is null).Any())
        {
            diagnostics.Error(shownPath, SourcePosition.WholeFile, ErrorMessages.SourceNotAdded("the new source would not be the last item of the list"));
            return null;
        }

        return updated;
    }

    /// <summary>
    /// Writes the list's new text from <see cref="Append"/>: a new file starts with the line that names its schema for
    /// editors; an existing one is appended to, or, for a change inside it (before a closing '...'), replaced whole by
    /// a rename, never half-written, its byte order mark kept.
    /// </summary>
    public static void Write(string path, InputFile? existing, string updated, string inputFolder, string schemaFile)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var before = existing?.Text ?? "";
        if (existing is null)
        {
            var schema = SchemaReference.Line(path, inputFolder, schemaFile) is { } line ? line + "\n" : "";
            File.AppendAllText(path, schema + updated, utf8);
        }
        else if (updated.StartsWith(before, StringComparison.Ordinal))
        {
            File.AppendAllText(path, updated[before.Length..], utf8);
        }
        else
        {
            var bom = File.ReadAllBytes(path).AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
            var staged = path + ".timeline-new";
            File.WriteAllText(staged, updated, new UTF8Encoding(bom));
            File.Move(staged, path, overwrite: true);
        }
    }

    /// <summary>Whether the text holds anything but blank lines, comments and document markers.</summary>
    private static bool HasContent(string text) =>
        text.Split('\n').Select(l => l.Trim()).Any(l => l.Length > 0 && !l.StartsWith('#') && !DocumentMarker().IsMatch(l));

    private static YamlScalar? IdOf(IEnumerable<YamlMapping> items, string id) =>
        items.SelectMany(m => m.Entries).Where(e => e.Key.Value == "id").Select(e => e.Value).OfType<YamlScalar>().FirstOrDefault(v => v.Value.Trim() == id);

    private static char? CharAt(string text, SourcePosition position)
    {
        var lines = text.Split('\n');
        return position.Line >= 1 && position.Line <= lines.Length && position.Column >= 1 && position.Column <= lines[position.Line - 1].Length
            ? lines[position.Line - 1][position.Column - 1]
            : null;
    }

    [GeneratedRegex(@"^(---|\.\.\.)(\s.*)?$")]
    private static partial Regex DocumentMarker();

    [GeneratedRegex(@"^\.\.\.[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex DocumentEnd();
}
