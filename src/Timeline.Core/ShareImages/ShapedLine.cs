using HarfBuzzSharp;
using SkiaSharp;
using SkiaSharp.HarfBuzz;
using Buffer = HarfBuzzSharp.Buffer;

namespace Timeline.ShareImages;

/// <summary>One run of glyphs shaped by HarfBuzz, positioned from x = 0; runs are already in visual order in a line.</summary>
internal sealed record ShapedRun(SKFont Font, ushort[] Glyphs, SKPoint[] Points, float Width, bool RightToLeft);

/// <summary>
/// A line of text shaped with HarfBuzz, in visual order. HarfBuzz shapes one direction at a time, so the line is cut
/// into runs first: Arabic-script text right to left in the Persian font, numbers left to right (as the Unicode
/// bidirectional algorithm sets them, also inside Persian), everything else in the Latin font. This covers what share
/// images hold (titles, dates, names); it is not the whole bidirectional algorithm (no explicit embeddings or mirroring).
/// </summary>
internal sealed class ShapedLine
{
    private ShapedLine(IReadOnlyList<ShapedRun> runs)
    {
        Runs = runs;
        Width = runs.Sum(r => r.Width);
    }

    public IReadOnlyList<ShapedRun> Runs { get; }

    public float Width { get; }

    /// <summary>Shapes a line whose paragraph direction is right to left (Persian) or left to right (English).</summary>
    public static ShapedLine Shape(string text, bool rightToLeft, float size, ShaperSet shapers, SKTypeface latin, SKTypeface persian)
    {
        var runs = new List<(string Text, bool Persian, int Level)>();
        foreach (var (start, length, kind) in Cut(text, rightToLeft))
        {
            var usePersian = kind != CharKind.Latin || !HasGlyphs(latin, text.Substring(start, length));
            var level = kind switch
            {
                CharKind.Arabic => 1,
                CharKind.Number => rightToLeft || PreviousStrongIsArabic(text, start) ? 2 : 0,
                _ => rightToLeft ? 2 : 0,
            };
            runs.Add((text.Substring(start, length), usePersian || (rightToLeft && kind == CharKind.Number), level));
        }

        // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
        var order = Enumerable.Range(0, runs.Count).ToArray();
        var maxLevel = runs.Count == 0 ? 0 : runs.Max(r => r.Level);
        for (var level = maxLevel; level >= 1; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (runs[order[i]].Level < level)
                {
                    continue;
                }

                var end = i;
                while (end + 1 < order.Length && runs[order[end + 1]].Level >= level)
                {
                    end++;
                }

                Array.Reverse(order, i, end - i + 1);
                i = end;
            }
        }

        shapers.CharactersShaped += text.Length;
        var shaped = order.Select(i => ShapeRun(runs[i].Text, runs[i].Level % 2 == 1, size, shapers.For(runs[i].Persian ? persian : latin))).ToList();
        return new ShapedLine(shaped);
    }

    /// <summary>Draws the line with its left edge at x and its baseline at y.</summary>
    public void Draw(SKCanvas canvas, float x, float y, SKPaint paint)
    {
        foreach (var run in Runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var builder = new SKTextBlobBuilder();
                var buffer = builder.AllocatePositionedRun(run.Font, run.Glyphs.Length);
                buffer.SetGlyphs(run.Glyphs);
                buffer.SetPositions(run.Points);
                using var blob = builder.Build();
                canvas.DrawText(blob, x, y, paint);
            }

            x += run.Width;
        }
    }

    private static bool HasGlyphs(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
    }

    private static ShapedRun ShapeRun(string text, bool rightToLeft, float size, SKShaper shaper)
    {
        var font = new SKFont(shaper.Typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        using var buffer = new Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        var result = shaper.Shape(buffer, 0, 0, font);
        var glyphs = result.Codepoints.Select(c => (ushort)c).ToArray();
        return new ShapedRun(font, glyphs, result.Points, result.Width, rightToLeft);
    }

    private enum CharKind
    {
        Latin,
        Arabic,
        Number,
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '\u06F0' and <= '\u06F9') or (>= '\u0660' and <= '\u0669');

    // Unicode's rules W4 and the Arabic separators: one of these between two digits is part of the number (30,000, ۳۰٬۰۰۰, 1988/89).
    private static bool IsNumberSeparator(char c) => c is ',' or '.' or '/' or ':' or '\u066B' or '\u066C';

    private static bool IsArabic(char c) => !IsDigit(c) && c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE') or '\u200C';

    private static bool IsStrong(char c) => IsDigit(c) || IsArabic(c) || char.IsLetter(c);

    private static bool PreviousStrongIsArabic(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (IsArabic(text[i]))
            {
                return true;
            }

            if (char.IsLetter(text[i]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Cuts the text into runs of one kind. Spaces and punctuation take the kind of the strong characters on both
    /// sides when those agree (a number counts as right to left inside Persian), else the paragraph's direction.
    /// </summary>
    private static IEnumerable<(int Start, int Length, CharKind Kind)> Cut(string text, bool rightToLeft)
    {
        var kinds = new CharKind[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsDigit(c) || (IsNumberSeparator(c) && i > 0 && i + 1 < text.Length && IsDigit(text[i - 1]) && IsDigit(text[i + 1])))
            {
                kinds[i] = CharKind.Number;
            }
            else if (IsArabic(c))
            {
                kinds[i] = CharKind.Arabic;
            }
            else if (char.IsLetter(c))
            {
                kinds[i] = CharKind.Latin;
            }
            else
            {
                var before = Side(text, i, -1, rightToLeft);
                var after = Side(text, i, +1, rightToLeft);
                kinds[i] = before == after && before is { } same ? same : (rightToLeft ? CharKind.Arabic : CharKind.Latin);
            }
        }

        var startOfRun = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || kinds[i] != kinds[startOfRun])
            {
                yield return (startOfRun, i - startOfRun, kinds[startOfRun]);
                startOfRun = i;
            }
        }
    }

    // The direction class of the nearest strong character on one side; numbers resolve as the text around them.
    private static CharKind? Side(string text, int index, int step, bool rightToLeft)
    {
        for (var i = index + step; i >= 0 && i < text.Length; i += step)
        {
            var c = text[i];
            if (IsArabic(c))
            {
                return CharKind.Arabic;
            }

            if (IsDigit(c))
            {
                return rightToLeft || PreviousStrongIsArabic(text, i) ? CharKind.Arabic : CharKind.Latin;
            }

            if (IsStrong(c))
            {
                return CharKind.Latin;
            }
        }

        return null;
    }
}

/// <summary>One HarfBuzz shaper per typeface, for one thread: a shaper keeps a buffer and is not thread-safe.</summary>
internal sealed class ShaperSet : IDisposable
{
    private readonly Dictionary<SKTypeface, SKShaper> _shapers = [];

    /// <summary>The characters of every line shaped with these shapers: the work of drawing, counted.</summary>
    public long CharactersShaped { get; set; }

    public SKShaper For(SKTypeface typeface)
    {
        if (!_shapers.TryGetValue(typeface, out var shaper))
        {
            _shapers[typeface] = shaper = new SKShaper(typeface);
        }

        return shaper;
    }

    public void Dispose()
    {
        foreach (var shaper in _shapers.Values)
        {
            shaper.Dispose();
        }
    }
}
