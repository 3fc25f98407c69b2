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

    /// <summary>
    /// Starts writing the record beside its file on another thread, while the build goes on (a build writes pages.bin
    /// while Pagefind indexes): <see cref="Pending.Keep"/> then puts it in the file's place, and <see cref="Pending.Drop"/>
    /// removes it, so that a build that fails afterwards leaves the last record. Nothing is replaced when the folder is
    /// not the build's own or writing fails.
    /// </summary>
    public static Pending WriteAside(string cacheFolder, string name, Action<Stream> write) => new(cacheFolder, name, write);

    /// <summary>A record being written beside the file it is to replace.</summary>
    internal sealed class Pending
    {
        private readonly string _file;
        private readonly string _temporary;
        private readonly Task<bool> _written;

        internal Pending(string cacheFolder, string name, Action<Stream> write)
        {
            _file = Path.Combine(cacheFolder, name);
            _temporary = _file + ".tmp";
            var temporary = _temporary;
            bool Write()
            {
                try
                {
                    // Made new, after whatever was there is removed as itself: opened to be replaced, a link
                    // planted under this name (it is always the same) was followed and the file it names overwritten.
                    Remove(temporary);
                    using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                    write(stream);
                    return true;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // A full disk: the next build does without it.
                    Remove(temporary);
                    return false;
                }
            }

            // Claimed here, on the build's own thread: two threads claiming a new folder at once could each find the
            // other's marker half-written, and the record would not be written.
            bool claimed;
            try
            {
                OwnedFolder.Claim(cacheFolder, OwnedFolder.Cache);
                claimed = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not the build's folder (DiskSink's checks say so): the next build does without the record.
                claimed = false;
            }

            _written = claimed ? Task.Run(Write) : Task.FromResult(false);
        }

        /// <summary>Waits for the record to be written, and puts it in its file's place.</summary>
        public void Keep()
        {
            if (!_written.GetAwaiter().GetResult())
            {
                return;
            }

            try
            {
                File.Move(_temporary, _file, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Remove(_temporary);
            }
        }

        /// <summary>Waits for the record to be written, and removes it: the file keeps the last record.</summary>
        public void Drop()
        {
            try
            {
                _written.Wait();
            }
            catch (AggregateException)
            {
                // Whatever the writing thread met, the record is not wanted.
            }

            Remove(_temporary);
        }

        private static void Remove(string file)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
