using System.Collections.Concurrent;

namespace Timeline.Diagnostics;

/// <summary>Collects every problem of a build so that all of them are reported together.</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    public void Error(string path, SourcePosition position, ErrorMessage message) =>
        Add(new Diagnostic(path, position, Severity.Error, message.Code, message.Text));

    public void Warning(string path, SourcePosition position, ErrorMessage message) =>
        Add(new Diagnostic(path, position, Severity.Warning, message.Code, message.Text));

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public int WarningCount => _items.Count(d => d.Severity == Severity.Warning);

    /// <summary>Every diagnostic in a stable order: by file, line, column, then code, whatever thread found it.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Path, StringComparer.Ordinal)
              .ThenBy(d => d.Position.Line)
              .ThenBy(d => d.Position.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
