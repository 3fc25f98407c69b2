using Timeline.Diagnostics;
using YamlDotNet.Core.Events;
using YamlDotNet.Core;

namespace Timeline.Yaml;

/// <summary>
/// Parses one YAML document into a <see cref="YamlNode"/> tree. Anchors and aliases are refused, so a
/// small file can never expand into a huge tree; nesting depth is bounded too.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 32;

    /// <summary>
    /// Returns the root node, or null with a diagnostic added when the text is empty or malformed.
    /// EmptyFix tells the author what an empty file of this kind should hold.
    /// </summary>
    public static YamlNode? Read(string text, string path, DiagnosticBag diagnostics, string emptyFix, int lineOffset = 0)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(path, SourcePosition.WholeFile, ErrorMessages.EmptyFile(emptyFix));
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, 0, lineOffset);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var next = parser.Current!;
                diagnostics.Error(path, At(next.Start, lineOffset), ErrorMessages.YamlSyntax("a second document starts here ('---'); a file holds one document"));
                return null;
            }

            if (root is YamlScalar { IsNull: true })
            {
                diagnostics.Error(path, SourcePosition.WholeFile, ErrorMessages.EmptyFile(emptyFix));
                return null;
            }

            return root;
        }
        catch (RefusedYamlException ex)
        {
            diagnostics.Error(path, ex.Position, ex.Error);
            return null;
        }
        catch (YamlException ex)
        {
            Report(text, path, diagnostics, lineOffset, new SourcePosition((int)ex.Start.Line, (int)ex.Start.Column), ParserReason(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow collection, such as 'tags: [a, b'.
            Report(text, path, diagnostics, lineOffset, UnclosedBracket(text) ?? new SourcePosition(1, 1), "a '[' or '{' is never closed");
            return null;
        }
        catch (ArgumentException)
        {
            // And this way on a tag it cannot read, such as '!!str' followed by a stray character: records need no tags.
            Report(text, path, diagnostics, lineOffset, FirstTag(text) ?? new SourcePosition(1, 1), "a tag (a word starting with '!') that YAML cannot read; records need no tags, so remove it");
            return null;
        }
    }

    /// <summary>The first '!' that starts a tag: at the start of a value, after white space, '[', '{', ',' or '-'.</summary>
    private static SourcePosition? FirstTag(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            for (var column = 0; column < lines[i].Length; column++)
            {
                if (lines[i][column] == '!' && (column == 0 || " \t[{,-:".Contains(lines[i][column - 1], StringComparison.Ordinal)))
                {
                    return new SourcePosition(i + 1, column + 1);
                }
            }
        }

        return null;
    }

    private static void Report(string text, string path, DiagnosticBag diagnostics, int lineOffset, SourcePosition position, string reason)
    {
        // A tab anywhere in indentation is the likeliest cause, and the parser often reports it far from the tab.
        var tab = FindTabIndentation(text, reason.Contains("tab", StringComparison.OrdinalIgnoreCase) ? int.MaxValue : position.Line);
        if (tab is { } tabPosition)
        {
            diagnostics.Error(path, new SourcePosition(tabPosition.Line + lineOffset, tabPosition.Column), ErrorMessages.TabIndentation());
            return;
        }

        // The parser may point just past the end of the file; point at the last line instead.
        var lines = text.TrimEnd('\n', '\r').Split('\n');
        if (position.Line > lines.Length)
        {
            position = new SourcePosition(lines.Length, Math.Max(1, lines[^1].TrimEnd('\r').Length));
        }

        diagnostics.Error(path, new SourcePosition(position.Line + lineOffset, position.Column), ErrorMessages.YamlSyntax(reason));
    }

    /// <summary>The first '[' or '{' that starts a flow value and is not closed on its line.</summary>
    private static SourcePosition? UnclosedBracket(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var start = colon >= 0 ? colon + 2 : 0;
            var rest = line[start..].TrimStart();
            if (rest.StartsWith('[') || rest.StartsWith('{'))
            {
                var open = rest[0];
                var close = open == '[' ? ']' : '}';
                if (rest.Count(c => c == open) > rest.Count(c => c == close))
                {
                    return new SourcePosition(i + 1, line.IndexOf(open, start) + 1);
                }
            }
        }

        return null;
    }

    private static YamlNode ReadNode(IParser parser, int depth, int lineOffset)
    {
        var current = parser.Current!;
        if (depth > MaxDepth)
        {
            throw new RefusedYamlException(At(current.Start, lineOffset), ErrorMessages.TooDeep(MaxDepth));
        }

        if (current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false })
        {
            throw new RefusedYamlException(At(current.Start, lineOffset), ErrorMessages.AnchorsNotAllowed());
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return ToScalar(scalar, lineOffset);

            case SequenceStart:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, depth + 1, lineOffset));
                }

                return new YamlSequence(items, At(current.Start, lineOffset));
            }

            case MappingStart:
            {
                parser.MoveNext();
                var entries = new List<YamlEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, depth + 1, lineOffset);
                    if (keyNode is not YamlScalar key)
                    {
                        throw new RefusedYamlException(keyNode.Position, ErrorMessages.YamlSyntax("a field name must be a plain word, not a list or a set of fields"));
                    }

                    entries.Add(new YamlEntry(key, ReadNode(parser, depth + 1, lineOffset)));
                }

                return new YamlMapping(entries, At(current.Start, lineOffset));
            }

            default:
                throw new RefusedYamlException(At(current.Start, lineOffset), ErrorMessages.YamlSyntax($"unexpected {current.GetType().Name}"));
        }
    }

    private static YamlScalar ToScalar(Scalar scalar, int lineOffset)
    {
        var style = scalar.Style switch
        {
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.Quoted,
            _ => ScalarStyle.Plain,
        };
        var isNull = style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
        return new YamlScalar(isNull ? "" : scalar.Value, isNull, style, At(scalar.Start, lineOffset));
    }

    private static SourcePosition At(Mark mark, int lineOffset) => new((int)mark.Line + lineOffset, (int)mark.Column);

    /// <summary>YamlDotNet's messages start with a position we already report; keep only the reason.</summary>
    private static string ParserReason(YamlException ex)
    {
        var message = ex.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        var reason = dash >= 0 ? message[(dash + 3)..] : message;
        return string.Join(' ', reason.Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.').Trim();
    }

    /// <summary>Tabs are the most common cause of a YAML error people cannot see; point at the first one in indentation.</summary>
    private static SourcePosition? FindTabIndentation(string text, int errorLine)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length && i <= Math.Min(errorLine, int.MaxValue - 1); i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && (line[c] == ' ' || line[c] == '\t' || line[c] == '-'); c++)
            {
                if (line[c] == '\t')
                {
                    return new SourcePosition(i + 1, c + 1);
                }
            }
        }

        return null;
    }

    private sealed class RefusedYamlException(SourcePosition position, ErrorMessage error) : Exception(error.Text)
    {
        public SourcePosition Position { get; } = position;

        public ErrorMessage Error { get; } = error;
    }
}
