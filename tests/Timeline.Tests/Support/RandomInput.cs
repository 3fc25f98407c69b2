using System.Globalization;
using System.Text;

namespace Timeline.Tests.Support;

/// <summary>
/// Random Markdown, YAML, dates and file contents for property tests, from a seeded <see cref="Random"/>. Odd is the chance
/// of each hostile choice: at 0 the site is valid (so rendering, links, feeds and images are reached), at 0.5 little is.
/// </summary>
internal sealed class RandomInput(Random random, double odd)
{
    public Random Random => random;

    /// <summary>How hostile a case is: half are valid sites, so that rendering, links, feeds and images are reached too.</summary>
    public static double Hostility(Random random) => new[] { 0, 0, 0, 0.03, 0.1, 0.4 }[random.Next(6)];

    /// <summary>Whether to make this choice a hostile one.</summary>
    public bool Odd() => random.NextDouble() < odd;

    private static readonly string[] SafeWords = ["the", "commission", "اعدام", "زندان", "Évin", "e\u0301", "👩🏽‍⚖️", "&amp;", "<b>", "١٣٦٧", "x"];

    private static readonly string[] Words =
    [
        "the", "commission", "اعدام", "زندان", "Évin", "e\u0301", "👩🏽‍⚖️", "\u200B", "\u202E", "\u2066x\u2069", "\uFFFF", "\uFFFD",
        "\u0000", "\u0007", "\t", "\\", "`", "*", "_", "~", "|", "<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&lt;", "'", "\"", "{{", "}}",
        "{%", "%}", "[", "]", "(", ")", "!", "@", "#", ":", "---", "...", "\uD800", "١٣٦٧", "１９８８", "null", "~~", "$", "%",
    ];

    private static readonly string[] Urls =
    [
        "http://example.org", "https://example.org/a b", "https://example.org/#x", "mailto:a@example.org", "mailto:", "javascript:alert(1)",
        "JaVaScRiPt:alert(1)", "java\tscript:x", "\u0001javascript:x", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd",
        "//evil.example", "/", "/events/", "/no-such-page/", "../up/", "other/", "#", "#note-1", "#nowhere", "?q=1", "", "<>", "ftp://x",
        "tel:+1", "https://", "http://[::1]/", "https://例え.jp/パス", "https://example.org/%zz", "\\\\server\\share", "a:b", "%2F%2Fevil",
    ];

    private static readonly string[] SafeUrls = ["http://example.org", "https://example.org/a b", "https://example.org/#x", "mailto:a@example.org", "https://例え.jp/パス"];

    private static readonly string[] SafeCitations = ["[@a]", "[@a, p. 12]", "[@a; @b]", "[@b, para. 5; @a]", "[[other]]", "[[other|words]]"];

    private static readonly string[] Citations =
    [
        "[@a]", "[@a, p. 12]", "[@a; @b]", "[@b, para. 5; @a]", "[@]", "[@nope]", "[@a", "[@A]", "[@a,]", "[@a; ]", "[@a; @a]", "[@ a]",
        "[[other]]", "[[other|words]]", "[[nope]]", "[[]]", "[[other|]]", "[[|x]]", "[[other", "[[Other]]",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double p) => random.NextDouble() < p;

    public string Word() => Odd() ? Pick(Words) : Pick(SafeWords);

    /// <summary>A line of text: words, emphasis, raw HTML, links of every scheme, citations and event links.</summary>
    public string Inline(int maxParts = 8)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, maxParts + 1);
        for (var i = 0; i < parts; i++)
        {
            var url = Odd() ? Pick(Urls) : Pick(SafeUrls);
            var kind = random.Next(14);
            text.Append((kind is 2 or 3 && !Odd() ? 0 : kind) switch
            {
                0 => $"[{Word()}]({url})",
                1 => $"<{url}>",
                2 => $"![{Word()}]({url})",
                3 => $"[{Word()}][r] ",
                4 => Odd() ? Pick(Citations) : Pick(SafeCitations),
                5 => $"*{Word()}* **{Word()}** _{Word()}_",
                6 => Pick(new[] { "<b>x</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- c -->", "<a href=\"javascript:x\">", "</div>" }),
                7 => $"`{Word()}`",
                8 => new string('x', random.Next(1, 3000)),
                9 => string.Concat(Enumerable.Repeat("*e* ", Odd() && Chance(0.1) ? random.Next(40, 8000) : random.Next(1, 40))),
                _ => Word(),
            });
            text.Append(' ');
        }

        return text.ToString();
    }

    /// <summary>A Markdown body: quotes, lists, headings, code, tables and reference definitions around random lines.</summary>
    public string Markdown()
    {
        var lines = new List<string>();
        // Now and then a body far longer than any real one (thousands of lines), which must stay linear.
        var count = Odd() && Chance(0.1) ? random.Next(60, 3000) : random.Next(1, 60);
        for (var i = 0; i < count; i++)
        {
            var prefix = random.Next(12) switch
            {
                0 => string.Concat(Enumerable.Repeat("> ", Depth())),
                1 => new string(' ', 2 * Depth()) + "- ",
                2 => "1. ",
                3 => new string('#', random.Next(1, 8)) + " ",
                4 => "    ",
                5 => "```\n",
                6 => "| a | b |\n|---|---|\n| ",
                7 => "[r]: ",
                8 => "\n",
                _ => "",
            };
            lines.Add(prefix + Inline());
        }

        return string.Join('\n', lines);
    }

    /// <summary>A date as an author might write one: mostly valid, often not, now and then before the Solar Hijri epoch (622).</summary>
    public string Date()
    {
        var year = (Odd() && Chance(0.2) ? random.Next(0, 622) : random.Next(622, 10000)).ToString("D4", CultureInfo.InvariantCulture);
        var month = random.Next(0, 14).ToString("D2", CultureInfo.InvariantCulture);
        var day = random.Next(0, 33).ToString("D2", CultureInfo.InvariantCulture);
        if (!Odd())
        {
            return random.Next(3) switch
            {
                0 => year,
                1 => $"{year}-{random.Next(1, 13):D2}",
                _ => $"{year}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}",
            };
        }

        return random.Next(16) switch
        {
            0 => year,
            1 => $"{year}-{month}",
            2 => $"{year}-02-{random.Next(28, 31)}",
            3 => $"{year}-7-1",
            4 => $"{year}-{month}-{day}T10:00:00Z",
            5 => $"+{year}",
            6 => $"-{year}",
            7 => "１９８８-０７-１９",
            8 => "١٣٦٧",
            9 => "99999999999999999999",
            10 => $"{year}/{month}/{day}",
            11 => "",
            12 => Word(),
            _ => $"{year}-{month}-{day}",
        };
    }

    /// <summary>A YAML value of any type and style: texts with escapes, numbers huge and odd, lists, sets of fields, anchors, tags.</summary>
    public string Value() => random.Next(24) switch
    {
        0 => "null",
        1 => "~",
        2 => "true",
        3 => "1e400",
        4 => "123456789012345678901234567890",
        5 => "0x1F",
        6 => "-.inf",
        7 => ".nan",
        8 => "[a, b, [c]]",
        9 => "{a: 1, b: [2]}",
        10 => "&x v",
        11 => "*x",
        12 => "!!binary aGVsbG8=",
        13 => "!custom v",
        14 => Pick(new[] { "\"\\uFFFF \\0 \\x07 \\u202E\"", "\"\\uD800\"", "\"\\U0010FFFF \\N \\_ \\L \\P\"" }),
        15 => "'it''s'",
        16 => "|\n  " + Inline(3).Replace("\n", " ", StringComparison.Ordinal),
        17 => ">-\n  folded\n  text",
        18 => $"\"{Date()}\"",
        19 => Date(),
        20 => new string('w', random.Next(1, 5000)),
        21 => "",
        22 => "- a\n- b",
        _ => Quote(Inline(3)),
    };

    /// <summary>A double-quoted YAML text holding anything, escaped so that the YAML itself stays readable.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A title: usually a sensible one, sometimes odd, now and then far longer than any title should be.</summary>
    public string Title() => Chance(0.7) ? "An event " + random.Next(1000)
        : Odd() && Chance(0.2) ? string.Concat(Enumerable.Repeat("word ", random.Next(50, 400)))
        : Inline(3);

    /// <summary>How deep a quote or list nests: usually a few levels, now and then hundreds.</summary>
    private int Depth() => Odd() && Chance(0.2) ? random.Next(12, 400) : random.Next(0, 12);

    /// <summary>An event record: the fields of a valid one, some replaced by random values, left out, repeated or unknown.</summary>
    public string Event()
    {
        var fields = new List<(string Name, string Value)>
        {
            ("date", Quote(Date())),
            ("title", Quote(Title())),
            ("summary", Quote(Odd() ? Inline(4) : "A summary " + Word())),
            ("sources", "[a]"),
            ("body", "|2\n" + Indent(Markdown())),
        };
        if (Chance(0.3))
        {
            fields.Add(("end", Quote(Odd() ? Date() : "9999")));
        }

        foreach (var name in new[] { "circa", "tags", "people", "places", "organisations", "related", "id", "translations" })
        {
            if (Chance(0.15) && (name != "id" || Odd()))
            {
                fields.Add((name, !Odd() ? Safe(name) : name switch
                {
                    "circa" => Pick(new[] { "true", "false", "yes", "1" }),
                    "people" or "places" or "organisations" => Pick(new[] { "[p]", "[pl]", "[nope]", "[o]", "[p, p]" }),
                    "related" => Pick(new[] { "[other]", "[nope]", "[the-event]" }),
                    "id" => Pick(new[] { "the-event", "Other", "a--b", "../x", "other", "x" + new string('y', 90) }),
                    "translations" => Pick(new[] { "{fa: {title: T}}", "{fa: {body: \"[@b]\"}}", "{de: {title: T}}", "{en: {title: T}}", "{fa: 1}" }),
                    _ => "[" + Word() + ", one]",
                }));
            }
        }

        for (var i = Odd() ? random.Next(1, 3) : 0; i > 0; i--)
        {
            var at = random.Next(fields.Count);
            fields[at] = random.Next(4) switch
            {
                0 => (fields[at].Name, Value()),
                1 => ("unknown_" + Word(), Value()),
                2 => (fields[at].Name, fields[at].Value + "\n" + fields[at].Name + ": again"),
                _ => ("# " + fields[at].Name, "left out"),
            };
        }

        // A block list starts on the line after its name; every other value follows the name on its line.
        var text = string.Join('\n', fields.Select(f => f.Value.StartsWith("- ", StringComparison.Ordinal) && f.Value.Contains('\n')
            ? $"{f.Name}:\n{Indent(f.Value)}"
            : $"{f.Name}: {f.Value}"));
        return Odd() && Chance(0.3) ? Mutate(text) : text;
    }

    /// <summary>A valid value of an optional field of an event.</summary>
    private static string Safe(string field) => field switch
    {
        "circa" => "true",
        "people" => "[p]",
        "places" => "[pl]",
        "related" => "[other]",
        "translations" => "{fa: {title: ت, summary: خ}}",
        _ => "[one, two]",
    };

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "  " + l));

    /// <summary>Inserts, removes or replaces a few characters anywhere: broken YAML of every kind.</summary>
    public string Mutate(string text)
    {
        string[] fragments = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|", ">", "\t", "\n", "  ", "\"", "'", "#", "---\n", "...\n", "%YAML 1.1\n", "? ", "\r", "\uFEFF"];
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(text.Length + 1);
            var cut = Math.Min(random.Next(0, 8), text.Length - at);
            text = text.Remove(at, random.Next(2) == 0 ? 0 : cut).Insert(at, Pick(fragments));
        }

        return text;
    }

    public string Sources()
    {
        var text = "- id: a\n  title: A\n  publisher: P\n  kind: report\n  url: https://example.org/a\n- id: b\n  title: B\n  publisher: P\n  kind: letter\n";
        if (Chance(0.5))
        {
            text += $"- id: c\n  title: {Quote(Title())}\n  publisher: {(Odd() ? Value().Split('\n')[0] : "P")}\n  kind: {(Odd() ? Pick(new[] { "report", "repot", "", "book" }) : "book")}\n  date: {Quote(Date())}\n  url: {Quote(Odd() ? Pick(Urls) : "https://example.org/c")}\n";
        }

        return Odd() ? Mutate(text) : text;
    }

    public string Entities()
    {
        var text = "- id: p\n  name: P\n  kind: person\n- id: pl\n  name: Pl\n  kind: place\n";
        if (Chance(0.5))
        {
            text += $"- id: o\n  name: {Quote(Inline(2))}\n  kind: {(Odd() ? Pick(new[] { "organisation", "org", "person" }) : "organisation")}\n  summary: {Quote(Inline(3))}\n";
        }

        return Odd() ? Mutate(text) : text;
    }

    public string Eras()
    {
        var text = Odd() ? $"- id: e\n  title: E\n  start: {Quote(Date())}\n  end: {Quote(Date())}\n" : "- id: e\n  title: E\n  start: \"1980\"\n  end: \"1995\"\n";
        return Odd() ? Mutate(text) : text;
    }

    public string Site()
    {
        var text = "title: T\ndescription: D\nbase_url: https://example.org/memorial/\n";
        text += (Odd() ? random.Next(5) : 0) switch
        {
            0 => "languages: [en, fa]\ntranslations:\n  fa:\n    title: ت\n",
            1 => $"language: {(Odd() ? Pick(new[] { "de", "EN", "e n", "" }) : Pick(new[] { "en", "fa" }))}\n",
            2 when Odd() => $"base_url: {Quote(Pick(Urls))}\n",
            _ => "",
        };
        return Odd() ? Mutate(text) : text;
    }

    public string Page()
    {
        var front = (Odd() ? random.Next(6) : 5) switch
        {
            0 => "",
            1 => "---\ntitle: About\n",
            2 => $"---\ntitle: {Value().Split('\n')[0]}\n---\n",
            3 => "---\n---\n",
            _ => "---\ntitle: About\nsummary: S\n---\n",
        };
        return front + Markdown();
    }

    /// <summary>The bytes of a file of a random kind: its text as it is, with a byte order mark or CRLF, binary, or over the size limit.</summary>
    public byte[] Bytes(string text)
    {
        var utf8 = new UTF8Encoding(false);
        switch (random.Next(20))
        {
            case 0:
                return [];
            case 1:
                return [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(text)];
            case 2:
                return utf8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));
            case 3:
                var binary = new byte[random.Next(1, 4096)];
                random.NextBytes(binary);
                return binary;
            case 4:
                return [.. utf8.GetBytes(text), 0xC3, 0x28, .. utf8.GetBytes("\n")];
            case 5 when Chance(0.2):
                return utf8.GetBytes("# " + new string('x', (int)Timeline.Input.InputReader.MaxFileBytes) + "\n");
            default:
                return utf8.GetBytes(text);
        }
    }
}
