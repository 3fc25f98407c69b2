using System.Text;

namespace Timeline.Tests.Support;

/// <summary>One entry of a .bib file: its type, its key and its fields as written (names in lower case).</summary>
public sealed record BibTexEntry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

/// <summary>
/// A small, strict BibTeX reader for tests: text outside entries is a comment (and, as for BibTeX, must hold no
/// at sign); an entry is @type{key, name = {value}, ...}; braces are counted as BibTeX counts them, backslash
/// or not, so an unbalanced value fails. Anything else throws <see cref="FormatException"/>.
/// </summary>
public static class BibTexReader
{
    public static IReadOnlyList<BibTexEntry> Read(string text)
    {
        var entries = new List<BibTexEntry>();
        var at = 0;
        while (true)
        {
            var start = text.IndexOf('@', at);
            if (start < 0)
            {
                return entries;
            }

            var reader = new Cursor(text, start + 1);
            entries.Add(reader.Entry());
            at = reader.Position;
        }
    }

    /// <summary>Turns the TeX a value holds back into text; only the escapes a Timeline build writes are known.</summary>
    public static string Untex(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '{' || c == '}')
            {
                continue;
            }

            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var rest = value[(i + 1)..];
            var command = new[] { "textbackslash{}", "textbraceleft{}", "textbraceright{}", "textasciicircum{}", "textasciitilde{}", "textless{}", "textgreater{}" }
                .FirstOrDefault(k => rest.StartsWith(k, StringComparison.Ordinal));
            if (command is not null)
            {
                text.Append(command switch
                {
                    "textbackslash{}" => '\\',
                    "textbraceleft{}" => '{',
                    "textbraceright{}" => '}',
                    "textasciicircum{}" => '^',
                    "textless{}" => '<',
                    "textgreater{}" => '>',
                    _ => '~',
                });
                i += command.Length;
            }
            else if (rest.Length > 0 && "%&$#_".Contains(rest[0]))
            {
                text.Append(rest[0]);
                i++;
            }
            else
            {
                throw new FormatException($"Unknown TeX command at '{value[i..]}'.");
            }
        }

        return text.ToString();
    }

    private sealed class Cursor(string text, int position)
    {
        public int Position { get; private set; } = position;

        public BibTexEntry Entry()
        {
            var type = Word("entry type");
            Expect('{');
            var key = Until(',', "key");
            if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || "{}\"#%'(),=".Contains(c)))
            {
                throw Error($"bad key '{key}'");
            }

            Expect(',');
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpace();
                if (Peek() == '}')
                {
                    Position++;
                    return new BibTexEntry(type.ToLowerInvariant(), key, fields);
                }

                var name = Word("field name").ToLowerInvariant();
                Expect('=');
                SkipSpace();
                var value = Peek() == '{' ? Braced() : throw Error($"field '{name}' must be in braces");
                if (!fields.TryAdd(name, value))
                {
                    throw Error($"field '{name}' twice");
                }

                SkipSpace();
                if (Peek() == ',')
                {
                    Position++;
                }
                else if (Peek() != '}')
                {
                    throw Error($"',' or '}}' expected after field '{name}'");
                }
            }
        }

        private string Braced()
        {
            var depth = 0;
            var start = Position + 1;
            for (; Position < text.Length; Position++)
            {
                depth += text[Position] switch { '{' => 1, '}' => -1, _ => 0 };
                if (depth == 0)
                {
                    Position++;
                    return text[start..(Position - 1)];
                }
            }

            throw Error("unbalanced braces");
        }

        private string Word(string what)
        {
            SkipSpace();
            var start = Position;
            while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] is '-' or '_'))
            {
                Position++;
            }

            return Position > start ? text[start..Position] : throw Error($"{what} expected");
        }

        private string Until(char end, string what)
        {
            var found = text.IndexOf(end, Position);
            if (found < 0)
            {
                throw Error($"{what} not closed by '{end}'");
            }

            var value = text[Position..found].Trim();
            Position = found;
            return value;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Error($"'{c}' expected");
            }

            Position++;
        }

        private char Peek() => Position < text.Length ? text[Position] : throw Error("unexpected end of file");

        private void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private FormatException Error(string problem) =>
            new($"BibTeX: {problem} at offset {Position}: '{text[Position..Math.Min(text.Length, Position + 40)]}'");
    }
}
