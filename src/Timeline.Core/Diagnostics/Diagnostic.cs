namespace Timeline.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>A place in an input file: 1-based line and column; 0 means the whole file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition File = new(0, 0);
}

/// <summary>One problem found in the input, with where it is, what is wrong and how to fix it.</summary>
public sealed record Diagnostic(string Path, SourcePosition Position, Severity Severity, string Code, string Message)
{
    public override string ToString()
    {
        var where = Position.Line > 0 ? $"{Path}:{Position.Line}:{Math.Max(1, Position.Column)}" : Path;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind} {Code}: {Message}";
    }
}
