using System.Buffers.Binary;
using System.Text;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.ShareImages;

/// <summary>
/// Share images already drawn, one PNG per key in a folder outside the output (.timeline-cache/ by default).
/// The key is a hash (<see cref="HashInput"/>) of everything that decides the pixels, so an image is drawn again only
/// when one of those changes. The cache only saves time: a file that cannot be read or written is simply drawn again.
/// </summary>
internal sealed class ShareImageCache(string folder, ShareImageDesign design)
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // The fonts are hashed once per build, not once per image.
    private readonly string _fontHashes = string.Join(' ', new[] { design.TitleFont, design.TextFont, design.PersianFont }.Select(f => Convert.ToHexStringLower(HashInput.Of(f.Bytes))));

    // The cache is read, written and pruned only when it is the build's own folder (made by it, not a link):
    // claimed once, on first use.
    private readonly Lazy<bool> _owned = new(() =>
    {
        try
        {
            Output.OwnedFolder.Claim(folder, Output.OwnedFolder.Cache);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    });

    public string Folder => folder;

    /// <summary>The key of one image: the renderer's version, the design file, the fonts' bytes and the texts drawn.</summary>
    public string Key(string kind, params string[] texts)
    {
        using var hash = HashInput.Start();
        void Add(string value)
        {
            Span<byte> length = stackalloc byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(length, Encoding.UTF8.GetByteCount(value));
            hash.Add(length).Add(value);
        }

        Add(ShareImageRenderer.EncodedVersion);
        Add(design.Source);
        Add(_fontHashes);
        Add(kind);
        foreach (var text in texts)
        {
            Add(text);
        }

        return hash.HexLower();
    }

    /// <summary>
    /// Fewer bytes than a PNG's signature and header chunk: not an image, whatever it holds. A cached file linked into
    /// the output unread is checked against this only; one read is checked for the signature too.
    /// </summary>
    public const int SmallestPng = 8 + 25;

    /// <summary>The file an image with <paramref name="key"/> is kept in (there may be none), or null when the cache is not the build's own.</summary>
    public string? FileOf(string key) => _owned.Value ? PathOf(key) : null;

    public byte[]? Read(string key)
    {
        byte[] buffer = [];
        return Read(key, ref buffer) is { } length ? buffer.AsSpan(0, length).ToArray() : null;
    }

    /// <summary>
    /// Reads a cached image into <paramref name="buffer"/> (made larger when it must be) and returns its length, or null
    /// when there is none or it is not a PNG. A build reuses one buffer per thread: ten thousand reused images would
    /// otherwise allocate 290 MB.
    /// </summary>
    public int? Read(string key, ref byte[] buffer)
    {
        if (!_owned.Value)
        {
            return null;
        }

        try
        {
            using var file = File.OpenHandle(PathOf(key));
            var length = RandomAccess.GetLength(file);
            if (length > int.MaxValue / 2)
            {
                return null;
            }

            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, 64 * 1024)];
            }

            var read = 0;
            while (read < length && RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read) is var got and > 0)
            {
                read += got;
            }

            // Read once a build: the output has its own copy.
            SystemCache.Forget(file);

            return read == length && buffer.AsSpan(0, read).StartsWith(PngSignature) ? read : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string key, byte[] png)
    {
        // Written beside, then renamed: a build stopped halfway leaves no half-written image under a valid key.
        var temp = Path.Combine(folder, $"{key}.{Guid.NewGuid():N}.tmp");
        if (!_owned.Value)
        {
            return;
        }

        try
        {
            File.WriteAllBytes(temp, png);
            File.Move(temp, PathOf(key), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    /// <summary>Deletes the images no longer used, so the folder holds only what the last build needed.</summary>
    public void Prune(IReadOnlySet<string> used)
    {
        if (!_owned.Value)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.png"))
        {
            if (!used.Contains(Path.GetFileNameWithoutExtension(file)))
            {
                TryDelete(file);
            }
        }
    }

    private string PathOf(string key) => Path.Combine(folder, key + ".png");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
