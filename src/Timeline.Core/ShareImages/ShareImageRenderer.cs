using SkiaSharp;
using Timeline.Languages;

namespace Timeline.ShareImages;

/// <summary>The typefaces of a design, made once from the font bytes and shared by every drawing thread.</summary>
internal sealed class ShareImageTypefaces : IDisposable
{
    public ShareImageTypefaces(ShareImageDesign design)
    {
        Title = Load(design.TitleFont);
        Text = Load(design.TextFont);
        Persian = Load(design.PersianFont);
    }

    public SKTypeface Title { get; }

    public SKTypeface Text { get; }

    public SKTypeface Persian { get; }

    public void Dispose()
    {
        Title.Dispose();
        Text.Dispose();
        Persian.Dispose();
    }

    private static SKTypeface Load(ShareImageFont font)
    {
        using var data = SKData.CreateCopy(font.Bytes);
        return SKTypeface.FromData(data) ?? throw new InvalidDataException($"'{font.Name}' is not a font Skia can read");
    }
}

/// <summary>
/// Draws share images: 1200×630 PNG, the size Open Graph and X cards show best. An event's card holds the site's
/// mark and name, the title (wrapped, set smaller when long), the first words of its summary and the date in English
/// and in the Solar Hijri calendar.
/// One renderer per thread: it owns HarfBuzz shapers.
/// </summary>
internal sealed class ShareImageRenderer(ShareImageDesign design, ShareImageTypefaces typefaces) : IDisposable
{
    public const int Width = 1200;
    public const int Height = 630;

    /// <summary>Changes whenever the drawing code changes what it draws, so that cached images are redrawn.</summary>
    public const string Version = "share-image-3";

    /// <summary>What an image's bytes depend on besides what it shows: the drawing code and the PNG encoder.</summary>
    public static string EncodedVersion => $"{Version} {PngWriter.Version}";

    private const float Margin = 80;
    private const float Right = Width - Margin;
    private const float TextWidth = Width - (2 * Margin);
    private const float LineHeight = 1.22f;

    private readonly ShaperSet _shapers = new();
    private readonly PngWriter _png = new();

    /// <summary>
    /// An event's card in a language. Left to right, the date in the language's calendar (<paramref name="firstDate"/>)
    /// stands at the left of the foot and the other one (<paramref name="secondDate"/>) at the right. Right to left (a
    /// Persian or Arabic card) everything mirrors: the first date at the right, the second at the left. The first date
    /// is set in the font of the language's script.
    /// </summary>
    public byte[] DrawEvent(string siteName, string title, string firstDate, string secondDate, LanguageProfile? language = null, string summary = "") => Draw(canvas =>
    {
        var rightToLeft = language?.IsRightToLeft ?? false;
        using var textPaint = Paint(design.Text);
        using var mutedPaint = Paint(design.Muted);
        var top = Header(canvas, siteName, rightToLeft);

        // The first date from the start edge, the second from the end edge; stacked when they would meet.
        var first = Shape(firstDate, rightToLeft, design.DateSize, language?.Script == Script.Arabic ? typefaces.Persian : typefaces.Text);
        var second = Shape(secondDate, rightToLeft: true, design.DateSize, typefaces.Persian);
        var footBaseline = FootBaseline;
        var stacked = first.Width + second.Width + 48 > TextWidth;
        var firstBaseline = stacked ? footBaseline - (design.DateSize * 1.5f) : footBaseline;
        var footTop = FootRule(firstBaseline);
        Rule(canvas, footTop);
        first.Draw(canvas, rightToLeft ? Right - first.Width : Margin, firstBaseline, textPaint);
        second.Draw(canvas, rightToLeft ? Margin : Right - second.Width, footBaseline, mutedPaint);

        // The summary's first lines under the title, in the muted colour; the title is centred in what is left.
        var summaryTop = footTop - 32;
        if (summary.Length > 0)
        {
            var summarySize = SummarySize;
            summaryTop = footTop - 28 - (SummaryLines * summarySize * LineHeight);
            Paragraph(canvas, summary, typefaces.Text, summarySize, summarySize, summaryTop, footTop - 28, mutedPaint, centre: false, rightToLeft, language?.Script == Script.Arabic ? typefaces.Persian : null);
            summaryTop -= 24;
        }

        Paragraph(canvas, title, typefaces.Title, design.TitleSize, design.MinTitleSize, top + 32, summaryTop, textPaint, centre: true, rightToLeft);
    });

    /// <summary>How many lines of the summary a card shows at most, and their size: the date's, a little smaller.</summary>
    private const int SummaryLines = 2;

    private int SummarySize => Math.Max(20, design.DateSize - 4);

    /// <summary>The card of the site as a whole: its name, its description and its address.</summary>
    public byte[] DrawSite(string siteName, string description, string host, bool rightToLeft = false) => Draw(canvas =>
    {
        using var textPaint = Paint(design.Text);
        using var mutedPaint = Paint(design.Muted);
        Rule(canvas, Margin);
        var footTop = FootRule(FootBaseline);
        Rule(canvas, footTop);
        var address = Shape(host, rightToLeft: false, design.DateSize, typefaces.Text);
        address.Draw(canvas, rightToLeft ? Right - address.Width : Margin, FootBaseline, textPaint);

        var last = Paragraph(canvas, siteName, typefaces.Title, design.TitleSize, design.MinTitleSize, Margin + 48, footTop - 170, textPaint, centre: false, rightToLeft);
        Paragraph(canvas, description, typefaces.Text, design.DateSize, Math.Min(design.DateSize, 20), last + 28 + (design.DateSize * 0.4f), footTop - 32, mutedPaint, centre: false, rightToLeft);
    });

    /// <summary>The characters of every line this renderer has shaped: what drawing its text cost, counted.</summary>
    public long CharactersShaped => _shapers.CharactersShaped;

    public void Dispose() => _shapers.Dispose();

    private static float FootBaseline => Height - Margin + 8;

    private float FootRule(float firstBaseline) => firstBaseline - (design.DateSize * 1.3f) - 28;

    private byte[] Draw(Action<SKCanvas> draw)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(Colour(design.Background));
        draw(surface.Canvas);
        using var pixels = surface.PeekPixels();
        return _png.Encode(pixels.GetPixelSpan(), Width, Height, pixels.RowBytes);
    }

    // The site's name above a thin rule; returns where the space below the rule begins.
    private float Header(SKCanvas canvas, string siteName, bool rightToLeft)
    {
        using var paint = Paint(design.Muted);
        var baseline = Margin + design.SiteSize;

        // The mark, as the favicon and the site's header show it: a stone line through a paper disc in a rounded square.
        var markSize = design.SiteSize * 1.4f;
        var markLeft = rightToLeft ? Right - markSize : Margin;
        var markTop = baseline - (design.SiteSize * 0.35f) - (markSize / 2);
        using (var outline = new SKPaint { Color = Colour(design.Rule), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 })
        using (var line = Paint(design.Muted))
        using (var disc = Paint(design.Text))
        {
            canvas.DrawRoundRect(markLeft, markTop, markSize, markSize, markSize * 0.19f, markSize * 0.19f, outline);
            var unit = markSize / 32;
            canvas.DrawRect(markLeft + (15 * unit), markTop + (5 * unit), 2 * unit, 22 * unit, line);
            canvas.DrawCircle(markLeft + (16 * unit), markTop + (16 * unit), 5.5f * unit, disc);
        }

        var nameStart = markSize + 16;
        var name = Fit(siteName, design.SiteSize, typefaces.Text, rightToLeft, TextWidth - nameStart);
        name.Draw(canvas, rightToLeft ? Right - nameStart - name.Width : Margin + nameStart, baseline, paint);
        var ruleAt = baseline + (design.SiteSize * 0.8f);
        Rule(canvas, ruleAt);
        return ruleAt;
    }

    private void Rule(SKCanvas canvas, float y)
    {
        using var paint = Paint(design.Rule);
        canvas.DrawRect(Margin, y, TextWidth, 2, paint);
    }

    /// <summary>
    /// Wraps text into the box from top to bottom at the largest size from max down to min that fits; at the smallest
    /// size, lines that still do not fit are dropped and the last one kept ends with an ellipsis. Centred lines sit in the
    /// middle of the box. Returns the last baseline.
    /// </summary>
    private float Paragraph(SKCanvas canvas, string text, SKTypeface typeface, int max, int min, float top, float bottom, SKPaint paint, bool centre, bool rightToLeft, SKTypeface? script = null)
    {
        typeface = script ?? typeface;
        var size = max;
        var lines = Wrap(text, size, typeface, rightToLeft);
        while (lines.Count * size * LineHeight > bottom - top && size - 2 >= min)
        {
            size -= 2;
            lines = Wrap(text, size, typeface, rightToLeft);
        }

        var fit = Math.Max(1, (int)((bottom - top) / (size * LineHeight)));
        if (lines.Count > fit)
        {
            lines = lines.Take(fit).ToList();
            var words = lines[^1].Text.Split(' ').ToList();
            var last = Shape(lines[^1].Text + "…", rightToLeft, size, typeface);
            while (last.Width > TextWidth && words.Count > 1)
            {
                words.RemoveAt(words.Count - 1);
                last = Shape(string.Join(' ', words) + "…", rightToLeft, size, typeface);
            }

            lines[^1] = (lines[^1].Text, last);
        }

        // The block runs from the first line's cap height to the last line's baseline.
        var block = (size * 0.75f) + ((lines.Count - 1) * size * LineHeight);
        var baseline = centre ? top + ((bottom - top - block) / 2) + (size * 0.75f) : top + size;
        foreach (var (_, line) in lines)
        {
            line.Draw(canvas, rightToLeft ? Right - line.Width : Margin, baseline, paint);
            baseline += size * LineHeight;
        }

        return baseline - (size * LineHeight);
    }

    private List<(string Text, ShapedLine Line)> Wrap(string text, int size, SKTypeface typeface, bool rightToLeft)
    {
        var lines = new List<(string, ShapedLine)>();
        var current = "";
        foreach (var whole in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // No line holds more characters than that; a longer word is cut by Fit anyway, and shaping it whole each time is slow.
            var word = whole.Length > MaxLineCharacters ? whole[..MaxLineCharacters] : whole;
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Shape(candidate, rightToLeft, size, typeface).Width > TextWidth)
            {
                lines.Add((current, Fit(current, size, typeface, rightToLeft)));
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add((current, Fit(current, size, typeface, rightToLeft)));
        }

        return lines;
    }

    /// <summary>More characters than any line of the image holds, even of the narrowest glyphs at the smallest size.</summary>
    internal const int MaxLineCharacters = 1000;

    /// <summary>
    /// A line cut short with an ellipsis when even one word is wider than the image: the longest start that fits is
    /// found by halving, so a long word is shaped a few times, not once per character.
    /// </summary>
    private ShapedLine Fit(string text, int size, SKTypeface typeface, bool rightToLeft, float width = TextWidth)
    {
        var line = Shape(text, rightToLeft, size, typeface);
        if (line.Width <= width || text.Length <= 1)
        {
            return line;
        }

        ShapedLine Cut(int length) => Shape(text[..length].TrimEnd() + "…", rightToLeft, size, typeface);
        int fits = 1, tooLong = text.Length;
        var best = Cut(1);
        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            var candidate = Cut(middle);
            if (candidate.Width <= width)
            {
                (fits, best) = (middle, candidate);
            }
            else
            {
                tooLong = middle;
            }
        }

        return best;
    }

    private ShapedLine Shape(string text, bool rightToLeft, int size, SKTypeface typeface) =>
        ShapedLine.Shape(text, rightToLeft, size, _shapers, typeface, typefaces.Persian);

    private static SKPaint Paint(uint rgb) => new() { Color = Colour(rgb), IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKColor Colour(uint rgb) => new(0xFF000000 | rgb);
}
