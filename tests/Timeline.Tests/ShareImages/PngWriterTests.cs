using SkiaSharp;
using Timeline.ShareImages;

namespace Timeline.Tests.ShareImages;

public sealed class PngWriterTests
{
    [Fact]
    public void An_image_of_at_most_256_colours_decodes_to_the_same_pixels()
    {
        // Every channel varying, 256 colours in all, with a stride wider than a row, as Skia's surfaces may have.
        const int width = 37, height = 23, stride = (width * 4) + 12;
        var rgba = Image(width, height, stride, (x, y) => ((byte)(x % 16 * 17), (byte)(y % 16 * 13), (byte)(((x % 16) + (y % 16)) * 5)));

        var png = new PngWriter().Encode(rgba, width, height, stride);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(Pixel(rgba, stride, x, y), bitmap.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public void With_more_colours_the_256_most_frequent_stay_exact_and_the_rest_take_the_nearest_of_them()
    {
        // 200 colours five times each (frequent), then 340 colours once each (rare; odd green, the others' is even):
        // 1,340 pixels, 540 colours.
        const int width = 67, height = 20, stride = width * 4;
        var frequent = Enumerable.Range(0, 200).Select(i => new SKColor((byte)(i * 7), (byte)(i % 40 * 2), (byte)(255 - i))).ToArray();
        var rare = Enumerable.Range(0, 340).Select(i => new SKColor((byte)((i * 5) + 2), (byte)(101 + (i / 256 * 2)), (byte)i)).ToArray();
        var pixels = frequent.SelectMany(c => Enumerable.Repeat(c, 5)).Concat(rare).ToArray();
        Assert.Equal((width * height, 540), (pixels.Length, pixels.Distinct().Count()));
        var rgba = Image(width, height, stride, (x, y) => (pixels[(y * width) + x].Red, pixels[(y * width) + x].Green, pixels[(y * width) + x].Blue));

        using var bitmap = SKBitmap.Decode(new PngWriter().Encode(rgba, width, height, stride));

        var decoded = Enumerable.Range(0, width * height).Select(i => bitmap.GetPixel(i % width, i / width)).ToArray();
        var kept = decoded.ToHashSet();
        Assert.Equal(256, kept.Count);
        Assert.All(kept, k => Assert.Contains(k, pixels)); // no kept colour is shifted
        Assert.All(frequent, f => Assert.Contains(f, kept));
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(kept.Min(k => Distance(k, pixels[i])), Distance(decoded[i], pixels[i]));
        }
    }

    [Fact]
    public void An_anti_aliased_drawing_with_hundreds_of_colours_comes_back_within_a_few_levels()
    {
        // A card's shape: a flat background, shapes in three colours, their anti-aliased edges blending into it.
        const int width = 300, height = 160;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x1D, 0x1D, 0x1F));
        SKColor[] inks = [new(0xF5, 0xF3, 0xEE), new(0xC4, 0xBF, 0xB2), new(0x6F, 0x6A, 0x5E)];
        for (var i = 0; i < 60; i++)
        {
            using var paint = new SKPaint { Color = inks[i % 3], IsAntialias = true, StrokeWidth = 1 + (i % 4), Style = i % 2 == 0 ? SKPaintStyle.Stroke : SKPaintStyle.Fill };
            canvas.DrawCircle(7 + (i * 4.7f % width), 13 + (i * 9.3f % height), 2.5f + (i % 7), paint);
            canvas.DrawLine(i * 5.1f, 0, (i * 3.7f) + 40, height, paint);
        }

        using var pixmap = surface.PeekPixels();
        var rgba = pixmap.GetPixelSpan().ToArray();
        var colours = Enumerable.Range(0, width * height).Select(i => Pixel(rgba, pixmap.RowBytes, i % width, i / width)).Distinct().Count();
        Assert.True(colours > 256, $"the drawing has only {colours} colours");

        var png = new PngWriter().Encode(rgba, width, height, pixmap.RowBytes);

        using var bitmap = SKBitmap.Decode(png);
        var worst = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (want, got) = (Pixel(rgba, pixmap.RowBytes, x, y), bitmap.GetPixel(x, y));
                worst = Math.Max(worst, Math.Max(Math.Abs(want.Red - got.Red), Math.Max(Math.Abs(want.Green - got.Green), Math.Abs(want.Blue - got.Blue))));
            }
        }

        Assert.True(worst <= 12, $"a pixel came back {worst} levels off");
        Assert.Equal(3, png[25]); // IHDR's colour type: a palette
    }

    [Fact]
    public void A_writer_used_again_gives_the_same_bytes_as_a_new_one()
    {
        var writer = new PngWriter();
        var noise = Enumerable.Range(0, 4 * 64 * 8).Select(i => (byte)(i * 31 % 251)).ToArray();
        var first = writer.Encode(noise, 64, 8, 4 * 64);
        writer.Encode(new byte[4 * 32 * 4], 32, 4, 4 * 32);

        Assert.Equal(first, writer.Encode(noise, 64, 8, 4 * 64));
        Assert.Equal(first, new PngWriter().Encode(noise, 64, 8, 4 * 64));
    }

    private static byte[] Image(int width, int height, int stride, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var rgba = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (y * stride) + (x * 4);
                var (r, g, b) = colour(x, y);
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = (r, g, b, 255);
            }
        }

        return rgba;
    }

    private static SKColor Pixel(byte[] rgba, int stride, int x, int y)
    {
        var at = (y * stride) + (x * 4);
        return new SKColor(rgba[at], rgba[at + 1], rgba[at + 2]);
    }

    private static int Distance(SKColor a, SKColor b) =>
        ((a.Red - b.Red) * (a.Red - b.Red)) + ((a.Green - b.Green) * (a.Green - b.Green)) + ((a.Blue - b.Blue) * (a.Blue - b.Blue));
}
