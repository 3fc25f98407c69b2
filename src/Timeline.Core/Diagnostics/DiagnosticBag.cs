using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Timeline.Diagnostics;

/// <summary>Collects every problem of a build so that all of them are reported together.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(OnOneLine(diagnostic));

    public void Error(string path, SourcePosition position, ErrorMessage message) =>
        Add(new Diagnostic(path, position, Severity.Error, message.Code, message.Text, message.Fix));

    public void Warning(string path, SourcePosition position, ErrorMessage message) =>
        Add(new Diagnostic(path, position, Severity.Warning, message.Code, message.Text, message.Fix));

    /// <summary>An error about a folder rather than a file: named with a closing slash and no line.</summary>
    public void FolderError(string shownFolder, ErrorMessage message) => Error(Subject.Folder(shownFolder), SourcePosition.None, message);

    public void FolderWarning(string shownFolder, ErrorMessage message) => Warning(Subject.Folder(shownFolder), SourcePosition.None, message);

    /// <summary>An error about a command-line option's value, named by the option ("--base-url").</summary>
    public void OptionError(string option, ErrorMessage message) => Error(Subject.Option(option), SourcePosition.None, message);

    public bool IsEmpty => _items.IsEmpty;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\v\f\u0085\u2028\u2029");

    /// <summary>One problem, one line: a value quoted from the input (or a file's name) may hold line breaks, which would split the report.</summary>
    private static Diagnostic OnOneLine(Diagnostic diagnostic) =>
        diagnostic.Message.AsSpan().ContainsAny(LineBreaks) || diagnostic.Path.AsSpan().ContainsAny(LineBreaks)
            ? diagnostic with { Path = Escaped(diagnostic.Path), Message = Escaped(diagnostic.Message), Fix = Escaped(diagnostic.Fix) }
            : diagnostic;

    private static string Escaped(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = LineBreaks.Contains(c) ? escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)) : escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Every diagnostic in a stable order: by file, line, column, then code, whatever thread found it.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Path, StringComparer.Ordinal)
              .ThenBy(d => d.Position.Line)
              .ThenBy(d => d.Position.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
