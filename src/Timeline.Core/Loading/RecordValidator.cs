using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Turns the raw scalars of one file into checked values, reporting each problem at its place.</summary>
internal sealed class RecordValidator(string path, DiagnosticBag diagnostics, IReadOnlySet<string>? misspelt = null)
{
    public string Path => path;

    public DiagnosticBag Diagnostics => diagnostics;

    public void Error(SourcePosition position, ErrorMessage message) => diagnostics.Error(path, position, message);

    /// <summary>A required text; reports it missing at the record's position.</summary>
    public string? Required(YamlScalar? value, string field, string example, SourcePosition recordPosition)
    {
        var text = value?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Missing(field, example, value?.Position ?? recordPosition);
            return null;
        }

        return text;
    }

    /// <summary>The most characters a title, a name or a publisher may have: three lines of a page's heading.</summary>
    public const int MaxLineLength = TextLimits.Line;

    /// <summary>A required one-line text (a title, a name), at most <see cref="MaxLineLength"/> characters long.</summary>
    public string? Line(YamlScalar? value, string field, string example, SourcePosition recordPosition)
    {
        var text = Required(value, field, example, recordPosition);
        if (text is not null && Plain(text).Length > MaxLineLength)
        {
            Error(value!.Position, ErrorMessages.TextTooLong(field, Plain(text).Length, MaxLineLength));
        }

        return text;
    }

    /// <summary>Reports a missing field, unless an unknown field in the record was already taken for a misspelling of it.</summary>
    public void Missing(string field, string example, SourcePosition position)
    {
        if (misspelt?.Contains(field) != true)
        {
            Error(position, ErrorMessages.MissingField(field, example));
        }
    }

    public static string? Optional(YamlScalar? value)
    {
        var text = value?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Plain text written on one or several lines, with its line breaks folded into spaces.</summary>
    public static string Plain(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public PartialDate? Date(YamlScalar? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Value.Trim();
        var result = PartialDate.Parse(text);
        switch (result.Error)
        {
            case PartialDateError.None:
                return result.Date;
            case PartialDateError.Impossible:
                Error(value.Position, ErrorMessages.ImpossibleDate(field, text, hasDay: text.Count(c => c == '-') == 2));
                return null;
            case PartialDateError.OutOfRange:
                Error(value.Position, ErrorMessages.DateOutOfRange(field, text));
                return null;
            default:
                Error(value.Position, ErrorMessages.MalformedDate(field, text));
                return null;
        }
    }

    public bool Boolean(YamlScalar? value, string field)
    {
        switch (value?.Value.Trim())
        {
            case null or "false":
                return false;
            case "true":
                return true;
            default:
                Error(value.Position, ErrorMessages.NotABoolean(field, value.Value));
                return false;
        }
    }

    public string? Id(YamlScalar value)
    {
        var id = value.Value;
        var problem = Identifiers.Problem(id);
        if (problem is null)
        {
            return id;
        }

        Error(value.Position, ErrorMessages.InvalidId(Identifiers.Visible(id), problem));
        return null;
    }

    /// <summary>An absolute http or https address; anything else (javascript:, data:, a bare word) is refused.</summary>
    public string? HttpUrl(YamlScalar? value, string field)
    {
        var text = Optional(value);
        if (text is null)
        {
            return null;
        }

        if (UrlPolicy.IsHttp(text))
        {
            return text;
        }

        Error(value!.Position, ErrorMessages.UnsafeUrl(field, text));
        return null;
    }

    /// <summary>Ids that point at other records; they are checked once every record is known.</summary>
    public IReadOnlyList<Reference> References(ScalarList? list)
    {
        if (list is null)
        {
            return [];
        }

        var references = new List<Reference>(list.Items.Count);
        foreach (var item in list.Items)
        {
            var id = Id(item);
            if (id is not null)
            {
                references.Add(new Reference(id, new Origin(path, item.Position)));
            }
        }

        return references;
    }

    /// <summary>
    /// Markdown text with where it starts in the file, so that errors inside it can point at their line.
    /// Lines are the file's lines, split once by the caller however many texts the file holds.
    /// </summary>
    public static MarkdownText Markdown(YamlScalar? value, IReadOnlyList<string> lines)
    {
        if (value is null)
        {
            return MarkdownText.Empty;
        }

        if (value.Style is ScalarStyle.Plain or ScalarStyle.Quoted)
        {
            // Places inside are exact only when the whole text stands as written on its one line.
            var opening = value.Style == ScalarStyle.Quoted ? 1 : 0;
            var line = value.Position.Line <= lines.Count ? lines[value.Position.Line - 1] : "";
            var exact = !value.Value.Contains('\n') && line.Contains(value.Value, StringComparison.Ordinal);
            return new MarkdownText(value.Value, value.Position.Line, value.Position.Column - 1 + opening, exact);
        }

        // A | or > block starts on the line after its indicator; its indentation is that of its first non-blank line.
        var firstLine = value.Position.Line + 1;
        var indent = 0;
        for (var i = firstLine - 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                indent = lines[i].Length - lines[i].TrimStart(' ').Length;
                break;
            }
        }

        return new MarkdownText(value.Value, firstLine, indent, LinesExact: value.Style == ScalarStyle.Literal);
    }
}
