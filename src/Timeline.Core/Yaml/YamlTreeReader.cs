using Timeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Timeline.Yaml;

/// <summary>
/// Parses one YAML document into a <see cref="YamlNode"/> tree. Anchors and aliases are refused, so a
/// small file can never expand into a huge tree; nesting depth is bounded too.
/// </summary>
public static class YamlTreeReader
{
    public const int MaxDepth = 32;

    /// <summary>Returns the root node, or null with a diagnostic added when the text is empty or malformed.</summary>
    public static YamlNode? Read(string text, string path, DiagnosticBag diagnostics, int lineOffset = 0)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Error(path, SourcePosition.File, ErrorMessages.EmptyFile());
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
                diagnostics.Error(path, SourcePosition.File, ErrorMessages.EmptyFile());
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
            var tab = FindTabIndentation(text, (int)ex.Start.Line);
            if (tab is { } tabPosition)
            {
                diagnostics.Error(path, new SourcePosition(tabPosition.Line + lineOffset, tabPosition.Column), ErrorMessages.TabIndentation());
            }
            else
            {
                diagnostics.Error(path, At(ex.Start, lineOffset), ErrorMessages.YamlSyntax(ParserReason(ex)));
            }

            return null;
        }
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
        var plain = scalar.Style == ScalarStyle.Plain;
        var isNull = plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
        var block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
        return new YamlScalar(isNull ? "" : scalar.Value, isNull, block, At(scalar.Start, lineOffset));
    }

    private static SourcePosition At(Mark mark, int lineOffset) => new((int)mark.Line + lineOffset, (int)mark.Column);

    /// <summary>YamlDotNet's messages start with a position we already report; keep only the reason.</summary>
    private static string ParserReason(YamlException ex)
    {
        var message = ex.Message;
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        var reason = dash >= 0 ? message[(dash + 3)..] : message;
        return reason.TrimEnd('.').Trim();
    }

    /// <summary>Tabs are the most common cause of a YAML error people cannot see; point at the first one in indentation.</summary>
    private static SourcePosition? FindTabIndentation(string text, int errorLine)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length && i < Math.Max(errorLine, 1) + 1; i++)
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
