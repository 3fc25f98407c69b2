namespace Timeline.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>A place in an input file: 1-based line and column; 0 means the diagnostic is not about a place in a file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The file as a whole (empty, too large, missing): its first line and column, where an editor opens it.</summary>
    public static readonly SourcePosition WholeFile = new(1, 1);

    /// <summary>Not a place in a file: a folder, a command-line option or a tool, named alone (see <see cref="Subject"/>).</summary>
    public static readonly SourcePosition None = new(0, 0);
}

/// <summary>
/// One problem found in the input, with where it is, what is wrong and how to fix it: <see cref="Message"/> says both,
/// as the text format writes it; <see cref="Fix"/> is its closing part that says how to fix it (empty when unknown).
/// </summary>
public sealed record Diagnostic(string Path, SourcePosition Position, Severity Severity, string Code, string Message, string Fix = "")
{
    /// <summary>What is wrong: the message without its fix.</summary>
    public string Problem =>
        Fix.Length > 0 && Message.Length > Fix.Length && Message.EndsWith(" " + Fix, StringComparison.Ordinal)
            ? Message[..^(Fix.Length + 1)]
            : Message;

    public override string ToString()
    {
        var where = Position.Line > 0 ? $"{Path}:{Position.Line}:{Math.Max(1, Position.Column)}" : Path;
        var kind = Severity == Severity.Error ? "error" : "warning";
        return $"{where}: {kind} {Code}: {Message}";
    }
}

/// <summary>
/// How a diagnostic names what is at fault when that is not a place in a file, as the README's "Errors" section
/// documents: a folder with a closing slash ("output/"), a command-line option by its name ("--base-url"), and the
/// command line as a whole as "timeline".
/// </summary>
public static class Subject
{
    public const string CommandLine = "timeline";

    public static string Folder(string shownPath) => shownPath.EndsWith('/') ? shownPath : shownPath + "/";

    public static string Option(string name) => name.StartsWith("--", StringComparison.Ordinal) ? name : "--" + name;
}
