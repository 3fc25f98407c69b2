using System.Buffers.Binary;
using System.IO.Compression;

namespace Timeline.ShareImages;

/// <summary>
/// Writes opaque pixels as an 8-bit RGB PNG: a signature, IHDR, one IDAT and IEND, no other chunks. Rows are not
/// filtered: the images are flat colour and text, which deflate packs as well unfiltered as with Skia's per-row
/// filter choice. It replaces Skia's encoder, whose zlib took about 18 of the 20 ms an image cost; .NET's zlib-ng at
/// its default level is about five times faster here and makes smaller files (about 39 KB instead of 41 KB).
/// The bytes depend on the zlib-ng of the .NET runtime, so the image cache is keyed by the runtime's version.
/// </summary>
internal sealed class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    // Kept from one image to the next (one writer per drawing thread): a build draws thousands of images, and
    // growing fresh buffers for each made six times the garbage of the image itself.
    private readonly MemoryStream _compressed = new();
    private byte[] _row = [];

    /// <summary>What the bytes depend on besides the pixels: cached images are used again only while it is the same.</summary>
    public static string Version { get; } = $"png-1 zlib of .NET {Environment.Version}";

    /// <summary>Encodes pixels given as rows of RGBA bytes (alpha ignored: the image is opaque), <paramref name="stride"/> bytes apart.</summary>
    public byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int stride)
    {
        _compressed.SetLength(0);
        using (var zlib = new ZLibStream(_compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            if (_row.Length != 1 + (width * 3))
            {
                _row = new byte[1 + (width * 3)]; // _row[0] = 0: no filter
            }

            for (var y = 0; y < height; y++)
            {
                var pixels = rgba.Slice(y * stride, width * 4);
                for (int x = 0, o = 1; x < pixels.Length; x += 4, o += 3)
                {
                    _row[o] = pixels[x];
                    _row[o + 1] = pixels[x + 1];
                    _row[o + 2] = pixels[x + 2];
                }

                zlib.Write(_row);
            }
        }

        var data = _compressed.GetBuffer().AsSpan(0, (int)_compressed.Length);
        var png = new byte[Signature.Length + (12 + 13) + (12 + data.Length) + 12];
        Signature.CopyTo(png, 0);
        var at = Signature.Length;
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        header[10] = header[11] = header[12] = 0; // deflate, adaptive filtering, not interlaced
        at += Chunk(png.AsSpan(at), "IHDR"u8, header);
        at += Chunk(png.AsSpan(at), "IDAT"u8, data);
        Chunk(png.AsSpan(at), "IEND"u8, []);
        return png;
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
