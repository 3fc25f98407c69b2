using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Timeline.Diagnostics;

namespace Timeline.Cli;

/// <summary>How `check` and `build` write their diagnostics: `--format text|github|json`.</summary>
internal enum ReportFormat
{
    /// <summary>The README's "path:line:column: error TLxxxx: message" lines, on standard error.</summary>
    Text,

    /// <summary>GitHub Actions workflow commands (::error file=...::message), on standard output, shown on the lines of a pull request.</summary>
    Github,

    /// <summary>One JSON document on standard output, for other tools; nothing else goes there.</summary>
    Json,
}

/// <summary>Writes a list of diagnostics in one of the <see cref="ReportFormat"/>s.</summary>
internal static class DiagnosticReport
{
    public const string OptionName = "--format";

    public static readonly string[] Names = ["text", "github", "json"];

    public static ReportFormat? Parse(string? name) => name switch
    {
        "text" => ReportFormat.Text,
        "github" => ReportFormat.Github,
        "json" => ReportFormat.Json,
        _ => null,
    };

    /// <summary>Writes the diagnostics where the format puts them: text to <paramref name="errors"/>, the others to <paramref name="output"/>.</summary>
    public static void Write(ReportFormat format, IReadOnlyList<Diagnostic> diagnostics, TextWriter output, TextWriter errors)
    {
        switch (format)
        {
            case ReportFormat.Github:
                foreach (var diagnostic in diagnostics)
                {
                    output.WriteLine(GitHubCommand(diagnostic));
                }

                break;
            case ReportFormat.Json:
                output.WriteLine(Json(diagnostics));
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    errors.WriteLine(diagnostic.ToString());
                }

                break;
        }
    }

    /// <summary>
    /// One diagnostic as a workflow command: "::error file=F,line=L,col=C,title=TL0300::message". A diagnostic about
    /// an option or the command line names no file: GitHub would look for a file of that name, so the subject goes
    /// before the message instead, as in the text format. A folder is given as the file, without a line.
    /// </summary>
    public static string GitHubCommand(Diagnostic diagnostic)
    {
        var command = diagnostic.Severity == Severity.Error ? "error" : "warning";
        var properties = new List<string>();
        var message = diagnostic.Message;
        if (IsFileOrFolder(diagnostic.Path))
        {
            properties.Add($"file={EscapeProperty(diagnostic.Path)}");
            if (diagnostic.Position.Line > 0)
            {
                properties.Add($"line={diagnostic.Position.Line}");
                properties.Add($"col={Math.Max(1, diagnostic.Position.Column)}");
            }
        }
        else
        {
            message = $"{diagnostic.Path}: {message}";
        }

        properties.Add($"title={EscapeProperty(diagnostic.Code)}");
        return $"::{command} {string.Join(",", properties)}::{EscapeData(message)}";
    }

    /// <summary>
    /// {"errors": n, "warnings": n, "diagnostics": [{file, line, column, code, severity, message, fix}]}. "file" is what
    /// the text format writes before the place: a path, a folder ending in '/', an --option or "timeline"; line and
    /// column are null when the diagnostic is not about a place in a file. "message" says what is wrong and "fix" how to
    /// fix it (the text format writes the two one after the other); "fix" is null for the few messages that come with none.
    /// </summary>
    public static string Json(IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == Severity.Error));
            writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == Severity.Warning));
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in diagnostics)
            {
                var placed = diagnostic.Position.Line > 0;
                writer.WriteStartObject();
                writer.WriteString("file", diagnostic.Path);
                if (placed)
                {
                    writer.WriteNumber("line", diagnostic.Position.Line);
                    writer.WriteNumber("column", Math.Max(1, diagnostic.Position.Column));
                }
                else
                {
                    writer.WriteNull("line");
                    writer.WriteNull("column");
                }

                writer.WriteString("code", diagnostic.Code);
                writer.WriteString("severity", diagnostic.Severity == Severity.Error ? "error" : "warning");
                writer.WriteString("message", diagnostic.Problem);
                if (diagnostic.Fix.Length > 0)
                {
                    writer.WriteString("fix", diagnostic.Fix);
                }
                else
                {
                    writer.WriteNull("fix");
                }
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool IsFileOrFolder(string path) =>
        path != Subject.CommandLine && !path.StartsWith("--", StringComparison.Ordinal);

    // As GitHub's own toolkit escapes them (@actions/core, command.ts): data loses % and line breaks,
    // a property also ':' and ',', which end it.
    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
