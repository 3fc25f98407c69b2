using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Timeline.ShareImages;

/// <summary>
/// Writes opaque pixels as an 8-bit palette PNG: a signature, IHDR, PLTE, one IDAT and IEND, no other chunks.
/// A card is one flat background and a few colours of text and rules, so its pixels are those colours and the
/// anti-aliased blends between them: about 500 distinct colours, nearly all of them rare. The palette holds the 256
/// most frequent colours exactly (every colour, when there are no more, and the image is then lossless); a rarer
/// blend takes the nearest of them. On the shipped site's cards 99.6% of the pixels are exact and none is more than
/// 6 levels off, at an edge of a glyph. One byte a pixel instead of three halves the files (61 KB to 29 KB on
/// average), for readers' previews and for a build that reuses its images, which copies half the bytes.
/// Rows are not filtered: flat colour and text pack as well unfiltered. Deflate is .NET's zlib-ng at its default
/// level (Skia's own encoder, with its zlib, took about 18 of the 20 ms an image cost). The bytes depend on that
/// zlib-ng, so the image cache is keyed by the runtime's version.
/// </summary>
internal sealed class PngWriter
{
    private const int PaletteSize = 256;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    // Kept from one image to the next (one writer per drawing thread): a build draws thousands of images, and
    // growing fresh buffers for each made six times the garbage of the image itself.
    private readonly MemoryStream _compressed = new();
    private readonly Dictionary<uint, int> _ids = [];
    private readonly List<uint> _colours = [];
    private readonly List<int> _frequencies = [];
    private (int Id, int Length)[] _runs = [];
    private byte[] _row = [];

    /// <summary>What the bytes depend on besides the pixels: cached images are used again only while it is the same.</summary>
    public static string Version { get; } = $"png-2 palette, zlib of .NET {Environment.Version}";

    /// <summary>Encodes pixels given as rows of RGBA bytes (alpha ignored: the image is opaque), <paramref name="stride"/> bytes apart.</summary>
    public byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int stride)
    {
        // The pixels as runs of one colour (mostly background): counted, then written out, without a lookup per pixel.
        var runs = Runs(rgba, width, height, stride);
        var (palette, indexes) = ChoosePalette();

        _compressed.SetLength(0);
        using (var zlib = new ZLibStream(_compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            if (_row.Length != 1 + width)
            {
                _row = new byte[1 + width]; // _row[0] = 0: no filter
            }

            var x = 0;
            foreach (var (id, length) in _runs.AsSpan(0, runs))
            {
                for (var left = length; left > 0;)
                {
                    var part = Math.Min(left, width - x);
                    _row.AsSpan(1 + x, part).Fill(indexes[id]);
                    (x, left) = (x + part, left - part);
                    if (x == width)
                    {
                        zlib.Write(_row);
                        x = 0;
                    }
                }
            }
        }

        var data = _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length);
        var png = new byte[Signature.Length + (12 + 13) + (12 + palette.Length) + (12 + data.Length) + 12];
        Signature.CopyTo(png, 0);
        var at = Signature.Length;
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per index
        header[9] = 3; // colour type: palette
        header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, not interlaced
        at += Chunk(png.AsSpan(at), "IHDR"u8, header);
        at += Chunk(png.AsSpan(at), "PLTE"u8, palette);
        at += Chunk(png.AsSpan(at), "IDAT"u8, data);
        Chunk(png.AsSpan(at), "IEND"u8, []);
        return png;
    }

    /// <summary>
    /// Reads the pixels, row after row, into runs of one colour (<see cref="_runs"/>; returns how many), numbering the
    /// colours in the order they first appear and counting each one's pixels.
    /// </summary>
    private int Runs(ReadOnlySpan<byte> rgba, int width, int height, int stride)
    {
        _ids.Clear();
        _colours.Clear();
        _frequencies.Clear();
        var runs = 0;
        var last = uint.MaxValue;
        for (var y = 0; y < height; y++)
        {
            // 0xAABBGGRR: RGBA bytes read little-endian; the mask keeps red, green and blue.
            foreach (var pixel in MemoryMarshal.Cast<byte, uint>(rgba.Slice(y * stride, width * 4)))
            {
                var colour = pixel & 0x00FFFFFF;
                if (colour == last)
                {
                    _runs[runs - 1].Length++;
                    continue;
                }

                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, colour, out var known);
                if (!known)
                {
                    id = _colours.Count;
                    _colours.Add(colour);
                    _frequencies.Add(0);
                }

                if (runs == _runs.Length)
                {
                    Array.Resize(ref _runs, Math.Max(1024, runs * 2));
                }

                _runs[runs++] = (id, 1);
                last = colour;
            }
        }

        foreach (var (id, length) in _runs.AsSpan(0, runs))
        {
            _frequencies[id] += length;
        }

        return runs;
    }

    /// <summary>
    /// Keeps the most frequent colours as the palette (ties by colour, so the bytes are the same on every run) and
    /// gives every other colour the nearest of them. Returns the PLTE chunk's data (RGB triples) and each colour's entry.
    /// </summary>
    private (byte[] Palette, byte[] Indexes) ChoosePalette()
    {
        var byFrequency = Enumerable.Range(0, _colours.Count).ToArray();
        Array.Sort(byFrequency, (a, b) => _frequencies[a] != _frequencies[b] ? _frequencies[b].CompareTo(_frequencies[a]) : _colours[a].CompareTo(_colours[b]));
        var kept = Math.Min(byFrequency.Length, PaletteSize);
        var palette = new byte[kept * 3];
        var keptColours = new uint[kept];
        var indexes = new byte[byFrequency.Length];
        for (var i = 0; i < kept; i++)
        {
            var colour = keptColours[i] = _colours[byFrequency[i]];
            (palette[i * 3], palette[(i * 3) + 1], palette[(i * 3) + 2]) = ((byte)colour, (byte)(colour >> 8), (byte)(colour >> 16));
            indexes[byFrequency[i]] = (byte)i;
        }

        for (var i = kept; i < byFrequency.Length; i++)
        {
            indexes[byFrequency[i]] = Nearest(_colours[byFrequency[i]], keptColours);
        }

        return (palette, indexes);
    }

    /// <summary>The palette entry closest to <paramref name="colour"/> (squared distance in RGB; the first of equals).</summary>
    private static byte Nearest(uint colour, ReadOnlySpan<uint> palette)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < palette.Length; i++)
        {
            var r = (int)(colour & 0xFF) - (int)(palette[i] & 0xFF);
            var g = (int)((colour >> 8) & 0xFF) - (int)((palette[i] >> 8) & 0xFF);
            var b = (int)((colour >> 16) & 0xFF) - (int)((palette[i] >> 16) & 0xFF);
            var distance = (r * r) + (g * g) + (b * b);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }

        return (byte)best;
    }

    /// <summary>Writes one chunk (length, type, data, CRC of type and data) at the start of <paramref name="into"/>; returns its length.</summary>
    private static int Chunk(Span<byte> into, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(into, data.Length);
        type.CopyTo(into[4..]);
        data.CopyTo(into[8..]);
        BinaryPrimitives.WriteUInt32BigEndian(into[(8 + data.Length)..], ~Crc(Crc(0xFFFFFFFF, type), data));
        return 12 + data.Length;
    }

    // The CRC-32 of PNG (ISO 3309), table-driven.
    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
