using System.Buffers.Binary;
using SkiaSharp;
using Timeline.Bench;
using Timeline.Tests.Support;

namespace Timeline.Tests.Theme;

/// <summary>The theme's icons: the committed files are what bench/Favicon draws, and a build places and links them.</summary>
public sealed class FaviconTests
{
    private static string Asset(string name) => Path.Combine(Repository.Theme, "assets", name);

    [Fact]
    public void The_committed_icons_are_what_bench_favicon_draws_from_the_theme_colours()
    {
        var drawing = FaviconDrawing.ForTheme(Repository.Theme);

        Assert.Equal(drawing.Svg(), File.ReadAllText(Asset(FaviconDrawing.SvgFile)));
        AssertSamePixels(drawing.Png(32, rounded: true), File.ReadAllBytes(Asset(FaviconDrawing.PngFile)), 32, FaviconDrawing.PngFile);
        AssertSamePixels(drawing.Png(180, rounded: false), File.ReadAllBytes(Asset(FaviconDrawing.TouchFile)), 180, FaviconDrawing.TouchFile);

        // favicon.ico: an icon directory (reserved 0, type 1) of 16, 32 and 48 pixel PNGs, each as drawn.
        var ico = File.ReadAllBytes(Asset(FaviconDrawing.IcoFile));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(ico));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(2)));
        Assert.Equal(FaviconDrawing.IcoSizes.Length, BinaryPrimitives.ReadUInt16LittleEndian(ico.AsSpan(4)));
        for (var i = 0; i < FaviconDrawing.IcoSizes.Length; i++)
        {
            var entry = ico.AsSpan(6 + (16 * i), 16);
            var size = FaviconDrawing.IcoSizes[i];
            Assert.Equal(size, entry[0]);
            Assert.Equal(size, entry[1]);
            var length = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
            var offset = BinaryPrimitives.ReadInt32LittleEndian(entry[12..]);
            AssertSamePixels(drawing.Png(size, rounded: true), ico.AsSpan(offset, length).ToArray(), size, $"{FaviconDrawing.IcoFile} at {size}");
        }
    }

    [Fact]
    public void A_build_writes_favicon_ico_at_the_root_and_every_page_links_the_icons_under_the_base_path()
    {
        using var site = TestSite.Build("valid/basic");
        Assert.Empty(site.Errors);

        Assert.Equal(File.ReadAllBytes(Asset(FaviconDrawing.IcoFile)), File.ReadAllBytes(Path.Combine(site.Output, "favicon.ico")));
        Assert.False(File.Exists(Path.Combine(site.Output, "assets", "favicon.ico")), "favicon.ico is written at the root only");
        foreach (var page in new[] { "index.html", "404.html", Path.Combine("embed", "events", "first-event", "index.html") })
        {
            var html = site.Read(page);
            Assert.Contains("<link rel=\"icon\" href=\"/memorial/assets/favicon.svg\" type=\"image/svg+xml\">", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"icon\" href=\"/memorial/assets/favicon-32.png\" type=\"image/png\" sizes=\"32x32\">", html, StringComparison.Ordinal);
            Assert.Contains("<link rel=\"apple-touch-icon\" href=\"/memorial/assets/apple-touch-icon.png\">", html, StringComparison.Ordinal);
        }

        foreach (var name in new[] { FaviconDrawing.SvgFile, FaviconDrawing.PngFile, FaviconDrawing.TouchFile })
        {
            Assert.Equal(File.ReadAllBytes(Asset(name)), File.ReadAllBytes(Path.Combine(site.Output, "assets", name)));
        }
    }

    private static void AssertSamePixels(byte[] expected, byte[] actual, int size, string what)
    {
        using var want = SKBitmap.Decode(expected);
        using var got = SKBitmap.Decode(actual);
        Assert.True(got is not null, $"{what} is not an image Skia reads");
        Assert.Equal((size, size), (got.Width, got.Height));
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.True(want.GetPixel(x, y) == got.GetPixel(x, y), $"{what} differs from the drawing at ({x}, {y}): run `dotnet run --project bench/Favicon -- theme`");
            }
        }
    }
}
