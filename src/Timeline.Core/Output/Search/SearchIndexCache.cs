using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Output.Search;

/// <summary>
/// Keeps the last search index in the cache folder, keyed by a hash of every page and of the Pagefind program.
/// Pagefind has no incremental mode and takes seconds on a large site, so a build whose pages did not change
/// copies the index it made last time instead of running it again.
/// </summary>
internal sealed class SearchIndexCache(string cacheFolder)
{
    // Bump when what is stored changes shape.
    private const string Version = "timeline-search-index-1";

    // Marks a folder an index is being copied into, before it is renamed to its key.
    private const string StagingMark = ".tmp-";

    private readonly string _folder = FolderIn(cacheFolder);
    private readonly ConcurrentDictionary<string, byte[]> _pages = new(StringComparer.Ordinal);

    /// <summary>Where the search index is kept in the cache folder <paramref name="cacheFolder"/>.</summary>
    public static string FolderIn(string cacheFolder) => Path.Combine(cacheFolder, "search");

    /// <summary>Notes a page of the site as it is written; other files do not change the index.</summary>
    public void Add(OutputFile file) => Add(file.Path, file.Content);

    /// <summary>As <see cref="Add(OutputFile)"/>, for a file's bytes held elsewhere.</summary>
    public void Add(string path, ReadOnlySpan<byte> content)
    {
        if (OutputFile.IsHtmlPath(path))
        {
            _pages[path] = SHA256.HashData(content);
        }
    }

    /// <summary>Indexes the site in <paramref name="siteFolder"/> with the cached index when its pages are unchanged, else with Pagefind.</summary>
    public bool Index(PagefindIndexer indexer, string siteFolder, DiagnosticBag diagnostics, string shown)
    {
        var cached = Path.Combine(_folder, Key(indexer.Executable));
        var target = Path.Combine(siteFolder, PagefindIndexer.BundleFolder);

        // Read only from the build's own cache, and from a real folder there: a link would publish what it points to.
        if (OwnedFolder.IsOwned(cacheFolder, OwnedFolder.Cache) && OwnedFolder.IsOwned(_folder, OwnedFolder.Cache)
            && Directory.Exists(cached) && !OwnedFolder.IsLink(new DirectoryInfo(cached)))
        {
            try
            {
                Copy(cached, target);
                return true;
            }
            catch (Exception ex) when (IsCacheFailure(ex))
            {
                // An unreadable cache (or one another build is replacing) only costs time: index again.
                RemoveEntry(target);
            }
        }

        // The index of the build before last (from the output's spare) must not mix with the new one.
        RemoveEntry(target);

        if (!indexer.Index(siteFolder, diagnostics, shown, _pages.Keys.ToList()))
        {
            return false;
        }

        Keep(target, cached);
        return true;
    }

    /// <summary>The pages (path and content, in path order) and the program's bytes, hashed.</summary>
    private string Key(string executable)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Version + "\n"));
        hash.AppendData(SHA256.HashData(File.ReadAllBytes(executable)));
        foreach (var (path, digest) in _pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(digest);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Stores the index just made as the only one kept; a cache that cannot be written is left alone. Another build
    /// may be storing its own index into the same folder at the same time (two sites under one parent folder, or
    /// parallel test builds): its fresh staging folder is not removed, and whatever the other build removes first
    /// makes this one give up storing, never fail.
    /// </summary>
    private void Keep(string index, string cached)
    {
        var staging = cached + StagingMark + Guid.NewGuid().ToString("N");
        try
        {
            // Only into folders the build made (a link or someone else's folder there throws, and nothing is stored).
            OwnedFolder.Claim(cacheFolder, OwnedFolder.Cache);
            OwnedFolder.Claim(_folder, OwnedFolder.Cache);
            Copy(index, staging);
            var marker = Path.Combine(_folder, OwnedFolder.Cache.Marker);
            foreach (var old in Directory.EnumerateFileSystemEntries(_folder).Where(d => d != staging && d != marker && !IsAnotherBuildsStaging(d)))
            {
                RemoveEntry(old);
            }

            Directory.Move(staging, cached);
        }
        catch (Exception ex) when (IsCacheFailure(ex))
        {
            try
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
            catch (Exception again) when (IsCacheFailure(again))
            {
                // Left for the next build to remove once it is old.
            }
        }
    }

    // A link or file is removed as itself, never followed; a real folder with all it holds (links in it are not
    // followed either); nothing there, nothing done.
    private static void RemoveEntry(string path)
    {
        var info = new DirectoryInfo(path);
        if (OwnedFolder.IsLink(info) || !info.Exists)
        {
            if (OwnedFolder.PathExists(path))
            {
                File.Delete(path);
            }
        }
        else
        {
            Directory.Delete(path, recursive: true);
        }
    }

    // A staging folder younger than an hour may belong to a build still running; older ones were left by a build that stopped.
    private static bool IsAnotherBuildsStaging(string folder) =>
        folder.Contains(StagingMark, StringComparison.Ordinal) && !OwnedFolder.IsLink(new DirectoryInfo(folder)) && Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddHours(-1);

    /// <summary>What a cache folder changed under our feet throws; Copy's parallel file copies wrap it in an AggregateException.</summary>
    private static bool IsCacheFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException
        || (ex is AggregateException all && all.InnerExceptions.All(IsCacheFailure));

    // The target may hold the index of the build before last (the output's spare, reused as staging): files that
    // are the same are kept, others replaced, and what the index no longer has is removed.
    private static void Copy(string from, string to)
    {
        // A link in a cached index would copy what it points to into the site: such an index is not used.
        if (new DirectoryInfo(from).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Any(OwnedFolder.IsLink))
        {
            throw new IOException($"'{from}' holds a link.");
        }

        var stale = Directory.Exists(to)
            ? new ConcurrentDictionary<string, byte>(Directory.EnumerateFiles(to, "*", SearchOption.AllDirectories).Select(f => KeyValuePair.Create(f, (byte)0)), StringComparer.Ordinal)
            : null;
        var folders = new HashSet<string>(
            Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from).Select(f => Path.Combine(to, Path.GetRelativePath(from, f))),
            StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
        }

        Parallel.ForEach(Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories), file =>
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (stale is not null && stale.TryRemove(target, out _))
            {
                if (SpareOutput.SameBytes(target, File.ReadAllBytes(file)))
                {
                    return;
                }

                File.Delete(target);
            }

            File.Copy(file, target);
        });

        if (stale is not null)
        {
            foreach (var file in stale.Keys)
            {
                File.Delete(file);
            }

            foreach (var folder in Directory.EnumerateDirectories(to, "*", SearchOption.AllDirectories).Where(f => !folders.Contains(f)).OrderByDescending(f => f.Length))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
