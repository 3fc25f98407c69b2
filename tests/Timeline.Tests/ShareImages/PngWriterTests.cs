using SkiaSharp;
using Timeline.ShareImages;

namespace Timeline.Tests.ShareImages;

public sealed class PngWriterTests
{
    [Fact]
    public void A_written_image_decodes_to_the_same_pixels()
    {
        // Every row different and every channel varying, with a stride wider than a row, as Skia's surfaces may have.
        const int width = 37, height = 23, stride = (width * 4) + 12;
        var rgba = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (y * stride) + (x * 4);
                (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = ((byte)(x * 7), (byte)(y * 11), (byte)((x * y) + 3), 255);
            }
        }

        var png = new PngWriter().Encode(rgba, width, height, stride);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = (y * stride) + (x * 4);
                Assert.Equal(new SKColor(rgba[at], rgba[at + 1], rgba[at + 2]), bitmap.GetPixel(x, y));
            }
        }
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
}
