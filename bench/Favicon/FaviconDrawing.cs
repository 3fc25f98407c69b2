using System.Globalization;
using System.Text;
using SkiaSharp;
using YamlDotNet.RepresentationModel;

namespace Timeline.Bench;

/// <summary>
/// The site's icon: the share images' dark ground with one light point on a thin line, a moment on a timeline. Drawn
/// on a 32-unit grid, written once as SVG and drawn at each size by Skia, so that every file shows the same mark.
/// </summary>
internal sealed record FaviconDrawing(string Background, string Line, string Point)
{
    /// <summary>The files the theme holds, and the sizes of the images inside favicon.ico.</summary>
    public const string SvgFile = "favicon.svg";
    public const string PngFile = "favicon-32.png";
    public const string TouchFile = "apple-touch-icon.png";
    public const string IcoFile = "favicon.ico";
    public static readonly int[] IcoSizes = [16, 32, 48];

    // The grid: a square of 32 with rounded corners, a line down its middle and a point at its centre.
    private const float Grid = 32;
    private const float Corner = 6;
    private const float LineWidth = 2;
    private const float LineTop = 5;
    private const float LineBottom = 27;
    private const float PointRadius = 5.5f;

    /// <summary>The colours of the theme's share images (its share-image.yml): background, muted for the line, text for the point.</summary>
    public static FaviconDrawing ForTheme(string themeFolder)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(themeFolder, "share-image.yml")))
        {
            yaml.Load(reader);
        }

        var design = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Colour(string key) => ((YamlScalarNode)design[key]).Value!;
        return new(Colour("background"), Colour("muted"), Colour("text"));
    }

    public string Svg()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Grid} {Grid}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Grid}\" height=\"{Grid}\" rx=\"{Corner}\" fill=\"{Background}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{(Grid - LineWidth) / 2}\" y=\"{LineTop}\" width=\"{LineWidth}\" height=\"{LineBottom - LineTop}\" fill=\"{Line}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Grid / 2}\" cy=\"{Grid / 2}\" r=\"{PointRadius}\" fill=\"{Point}\"/>");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>
    /// The mark as a PNG of <paramref name="size"/> pixels. The Apple touch icon fills its square (iOS rounds the
    /// corners itself and shows transparent ones black); the others have the SVG's rounded corners.
    /// </summary>
    public byte[] Png(int size, bool rounded)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(size / Grid);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(Background) };
        if (rounded)
        {
            canvas.DrawRoundRect(0, 0, Grid, Grid, Corner, Corner, paint);
        }
        else
        {
            canvas.DrawRect(0, 0, Grid, Grid, paint);
        }

        paint.Color = SKColor.Parse(Line);
        canvas.DrawRect((Grid - LineWidth) / 2, LineTop, LineWidth, LineBottom - LineTop, paint);
        paint.Color = SKColor.Parse(Point);
        canvas.DrawCircle(Grid / 2, Grid / 2, PointRadius, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>favicon.ico: an icon directory of PNG images (every browser since 2007 reads PNG inside ICO).</summary>
    public byte[] Ico()
    {
        var images = IcoSizes.Select(size => Png(size, rounded: true)).ToList();
        using var ico = new MemoryStream();
        using var writer = new BinaryWriter(ico);
        writer.Write((ushort)0); // reserved
        writer.Write((ushort)1); // an icon
        writer.Write((ushort)images.Count);
        var offset = 6 + (16 * images.Count);
        for (var i = 0; i < images.Count; i++)
        {
            writer.Write((byte)IcoSizes[i]);
            writer.Write((byte)IcoSizes[i]);
            writer.Write((byte)0); // no palette
            writer.Write((byte)0); // reserved
            writer.Write((ushort)1); // colour planes
            writer.Write((ushort)32); // bits per pixel
            writer.Write(images[i].Length);
            writer.Write(offset);
            offset += images[i].Length;
        }

        foreach (var image in images)
        {
            writer.Write(image);
        }

        writer.Flush();
        return ico.ToArray();
    }

    /// <summary>Every file, by name.</summary>
    public IReadOnlyDictionary<string, byte[]> Files() => new Dictionary<string, byte[]>
    {
        [SvgFile] = Encoding.UTF8.GetBytes(Svg()),
        [PngFile] = Png(32, rounded: true),
        [TouchFile] = Png(180, rounded: false),
        [IcoFile] = Ico(),
    };
}
