namespace Timeline.Output;

/// <summary>
/// A record a build keeps in its cache folder (pages.bin, events.bin): read only from a folder the build made itself,
/// and replaced whole, written beside and then renamed, so that a build stopped halfway leaves the old record or the
/// new one, never half of one. A record only saves time: one that cannot be read or written is none.
/// </summary>
internal static class CacheFile
{
    /// <summary>The record's bytes, or null when there is none, it cannot be read, or the folder is not the build's own.</summary>
    public static byte[]? Read(string cacheFolder, string name)
    {
        if (!OwnedFolder.IsOwned(cacheFolder, OwnedFolder.Cache))
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(Path.Combine(cacheFolder, name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Replaces the record with what <paramref name="write"/> writes; nothing is replaced when the folder is not the build's own or writing fails.</summary>
    public static void Replace(string cacheFolder, string name, Action<Stream> write)
    {
        var file = Path.Combine(cacheFolder, name);
        var temporary = file + ".tmp";
        try
        {
            OwnedFolder.Claim(cacheFolder, OwnedFolder.Cache);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not the build's folder (DiskSink's checks say so), or a full disk: the next build does without it.
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
