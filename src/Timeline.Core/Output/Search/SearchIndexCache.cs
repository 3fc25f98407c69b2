using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;

namespace Timeline.Output.Search;

/// <summary>
/// Keeps the search index's shards (<see cref="SearchShards"/>) in the cache folder, each keyed by a hash of its pages
/// and of the Pagefind program. Pagefind has no incremental mode and takes seconds on a large site, so a build runs it
/// only over the shards whose pages changed, and copies the others from the last build's.
/// </summary>
internal sealed class SearchIndexCache(string cacheFolder)
{
    // Bump when what is stored changes shape.
    private const string Version = "timeline-search-index-3";

    // Marks a folder an index is being copied into, before it is renamed to its key.
    private const string StagingMark = ".tmp-";

    private readonly string _folder = FolderIn(cacheFolder);
    private readonly ConcurrentDictionary<string, SearchPage> _pages = new(StringComparer.Ordinal);

    /// <summary>Where the search index is kept in the cache folder <paramref name="cacheFolder"/>.</summary>
    public static string FolderIn(string cacheFolder) => Path.Combine(cacheFolder, "search");

    /// <summary>Notes a page of the site as it is written; other files do not change the index.</summary>
    public void Add(OutputFile file) => _ = Add(file.Path, file.Content);

    /// <summary>As <see cref="Add(OutputFile)"/>, for a file's bytes held elsewhere; returns what the index needs of the page, or null for a file that is not one.</summary>
    public SearchPage? Add(string path, ReadOnlySpan<byte> content)
    {
        if (!OutputFile.IsHtmlPath(path))
        {
            return null;
        }

        var page = SearchPage.Read(path, content);
        _pages[path] = page;
        return page;
    }

    /// <summary>Notes a page whose digest is known from the last build (a page taken from it unchanged).</summary>
    public void Add(SearchPage page) => _pages[page.Path] = page;

    /// <summary>How many shards the last <see cref="Index"/> made with Pagefind, and how many it took from the cache.</summary>
    public (int Indexed, int Reused) Counts { get; private set; }

    /// <summary>
    /// Writes the search index into <paramref name="siteFolder"/>'s bundle folder: each shard from the cache when its
    /// pages are unchanged, the rest with Pagefind (one run per core when several changed); then the list of shards, and nothing else.
    /// </summary>
    /// <param name="left">
    /// What the staging folder already holds in the bundle folder (the spare's, as its walk found it): a shard there
    /// whose files are the cached shard's, by the list kept beside it, is left as it is without looking at either.
    /// </param>
    /// <param name="cancel">Stops Pagefind when the build fails while it runs; nothing is reported then.</param>
    public bool Index(PagefindIndexer indexer, string siteFolder, DiagnosticBag diagnostics, string shown, SpareOutput.Contents? left = null, CancellationToken cancel = default)
    {
        var shards = SearchShards.Plan(_pages.Values);
        var program = ProgramDigest(indexer.Executable);

        var root = Path.Combine(siteFolder, PagefindIndexer.BundleFolder);

        // Read only from the build's own cache, and from real folders there: a link would publish what it points to.
        var readable = OwnedFolder.IsOwned(cacheFolder, OwnedFolder.Cache) && OwnedFolder.IsOwned(_folder, OwnedFolder.Cache);
        var keys = shards.ToDictionary(s => s, s => Key(program, s));
        var under = left is null ? null : CountUnder(shards.Select(s => Path.Combine(PagefindIndexer.BundleFolder, s.Folder)), left);
        var missing = new List<SearchShard>();
        // Made when a first shard is copied: a build that copies none starts no threads.
        DiskThreads? disk = null;
        try
        {
            foreach (var shard in shards)
            {
                var cached = Path.Combine(_folder, keys[shard]);
                var target = Path.Combine(root, shard.Folder);
                if (readable && Directory.Exists(cached) && !OwnedFolder.IsLink(new DirectoryInfo(cached)))
                {
                    if (left is not null && AlreadyThere(cached, Path.Combine(PagefindIndexer.BundleFolder, shard.Folder), left, under!))
                    {
                        continue;
                    }

                    try
                    {
                        Copy(cached, target, (disk ??= new DiskThreads()).Options);
                        WriteListIfMissing(cached);
                        continue;
                    }
                    catch (Exception ex) when (IsCacheFailure(ex))
                    {
                        // An unreadable cache (or one another build is replacing) only costs time: index again.
                    }
                }

                // The index of the build before last (from the output's spare) must not mix with the new one.
                RemoveEntry(target);
                missing.Add(shard);
            }
        }
        finally
        {
            disk?.Dispose();
        }

        Counts = (missing.Count, shards.Count - missing.Count);
        if (missing.Count > 0)
        {
            var bundles = missing.Select(s => new PagefindIndexer.Bundle(Path.Combine(PagefindIndexer.BundleFolder, s.Folder), s.Pages.Select(p => p.Path).ToList(), s.Primary)).ToList();
            if (!indexer.Index(siteFolder, bundles, diagnostics, shown, cancel))
            {
                return false;
            }

            foreach (var shard in missing)
            {
                Keep(Path.Combine(root, shard.Folder), Path.Combine(_folder, keys[shard]));
            }
        }

        RemoveAllBut(root, shards.Select(s => Path.Combine(root, s.Folder)).ToHashSet(StringComparer.Ordinal));
        Directory.CreateDirectory(root);
        File.WriteAllBytes(Path.Combine(root, SearchShards.ListFile), SearchShards.List(shards));
        Prune(keys.Values.ToHashSet(StringComparer.Ordinal));
        return true;
    }

    /// <summary>
    /// The Pagefind program's bytes, hashed with XxHash128: they are 13 MB, hashed on every build (SHA-256 took 12 ms of
    /// a one-edit rebuild's processor time), and only a replaced program changes them. Read through a small buffer: one
    /// array of them would go to the large object heap.
    /// </summary>
    private static byte[] ProgramDigest(string executable)
    {
        var hash = new XxHash128();
        using (var stream = File.OpenRead(executable))
        {
            hash.Append(stream);
        }

        return hash.GetCurrentHash();
    }

    /// <summary>A shard's pages (path and digest, in path order), its language, folder and role, and the program's bytes, hashed.</summary>
    private static string Key(byte[] program, SearchShard shard)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Version}\n{shard.Language}\n{shard.Folder}\n{shard.Primary}\n"));
        hash.AppendData(program);
        foreach (var page in shard.Pages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(page.Path + "\n"));
            hash.AppendData(page.Digest);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // The bundle folder holds the shards and their list only: a shard of an earlier layout, or of more shards, goes.
    private static void RemoveAllBut(string root, HashSet<string> shards)
    {
        var between = shards.SelectMany(Ancestors).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> Ancestors(string shard)
        {
            for (var folder = Path.GetDirectoryName(shard); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
            {
                yield return folder;
            }
        }

        void Sweep(string folder)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder).ToList())
            {
                if (between.Contains(entry) && !OwnedFolder.IsLink(new DirectoryInfo(entry)))
                {
                    Sweep(entry);
                }
                else if (!shards.Contains(entry))
                {
                    RemoveEntry(entry);
                }
            }
        }

        if (Directory.Exists(root))
        {
            Sweep(root);
        }
    }

    // Only the shards this build used stay in the cache (another build's fresh staging folder is left alone).
    private void Prune(HashSet<string> used)
    {
        try
        {
            if (!Directory.Exists(_folder) || !OwnedFolder.IsOwned(_folder, OwnedFolder.Cache))
            {
                return;
            }

            var marker = Path.Combine(_folder, OwnedFolder.Cache.Marker);
            bool Used(string entry) => used.Contains(Path.GetFileName(entry)) || (entry.EndsWith(ListSuffix, StringComparison.Ordinal) && used.Contains(Path.GetFileName(entry[..^ListSuffix.Length])));
            foreach (var old in Directory.EnumerateFileSystemEntries(_folder).Where(d => d != marker && !Used(d) && !IsAnotherBuildsStaging(d)).ToList())
            {
                RemoveEntry(old);
            }
        }
        catch (Exception ex) when (IsCacheFailure(ex))
        {
            // Another build removed it first; what is left is removed next time.
        }
    }

    /// <summary>
    /// Stores a shard just made; a cache that cannot be written is left alone. Another build
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
            if (Directory.Exists(cached))
            {
                // Another build stored the same shard meanwhile.
                Directory.Delete(staging, recursive: true);
                return;
            }

            Directory.Move(staging, cached);
            WriteListIfMissing(cached, replace: true);
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

    // Beside each cached shard <key>/, the list of what it holds (<key>.files): folders, and files with their stamps.
    private const string ListSuffix = ".files";

    // A shard of 170 pages lists about 200 entries; a list far longer is not one this build wrote.
    private const long MaxListBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Whether the site's folder <paramref name="shard"/> (a path inside the site) holds exactly the cached shard's
    /// files, with their stamps, and folders, by the list kept beside the cached shard and what the spare's walk found:
    /// the last build linked them in from the cache, and nothing changed them since. False without a list.
    /// </summary>
    internal static bool AlreadyThere(string cached, string shard, SpareOutput.Contents left, Dictionary<string, (int Files, int Folders)> under)
    {
        string[] lines;
        try
        {
            // Only a plain file of a sensible size: a link or a pipe planted in the cache is not followed, nor waited on.
            var list = cached + ListSuffix;
            if (FileKinds.Of(list) != EntryKind.Regular || new FileInfo(list).Length > MaxListBytes)
            {
                return false;
            }

            lines = File.ReadAllLines(list);
        }
        catch (Exception ex) when (IsCacheFailure(ex))
        {
            return false;
        }

        // Each entry's path inside the site, made in one buffer and looked up as characters: at 10,000 events the
        // lists name about 40,000 files, and a string for each of their parts and paths was most of what this allocated.
        var files = left.Files.GetAlternateLookup<ReadOnlySpan<char>>();
        var folders = left.Folders.GetAlternateLookup<ReadOnlySpan<char>>();
        var path = new char[shard.Length + 1 + 256];
        shard.CopyTo(path);
        path[shard.Length] = Path.DirectorySeparatorChar;
        Span<Range> parts = stackalloc Range[5];
        var (fileCount, folderCount) = (0, 0);
        foreach (var line in lines)
        {
            var entry = line.AsSpan();
            var count = entry.Split(parts, '\t');
            var name = count >= 2 ? entry[parts[1]] : default;
            if (name.Length == 0 || Path.IsPathRooted(name))
            {
                return false;
            }

            if (path.Length < shard.Length + 1 + name.Length)
            {
                Array.Resize(ref path, shard.Length + 1 + name.Length);
            }

            name.CopyTo(path.AsSpan(shard.Length + 1));
            var inside = path.AsSpan(0, shard.Length + 1 + name.Length);
            if (count == 2 && entry[parts[0]] is "d" && folders.Contains(inside))
            {
                folderCount++;
            }
            else if (count == 4 && entry[parts[0]] is "f"
                && long.TryParse(entry[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                && long.TryParse(entry[parts[3]], NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                && files.TryGetValue(inside, out var stamp)
                && stamp == new FileStamp(length, time))
            {
                fileCount++;
            }
            else
            {
                return false;
            }
        }

        // Nothing else there: as many files and folders under the shard as the list has.
        return under.GetValueOrDefault(shard) == (fileCount, folderCount);
    }

    /// <summary>
    /// How many files and folders of <paramref name="left"/> lie under each of <paramref name="shards"/> (paths inside
    /// the site), in one pass: counted shard by shard, 128 shards each went through all 40,000 files at 10,000 events.
    /// </summary>
    internal static Dictionary<string, (int Files, int Folders)> CountUnder(IEnumerable<string> shards, SpareOutput.Contents left)
    {
        var counts = shards.ToDictionary(s => s, _ => (Files: 0, Folders: 0), StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        void Count(string path, bool file)
        {
            for (var i = path.IndexOf(Path.DirectorySeparatorChar); i > 0; i = path.IndexOf(Path.DirectorySeparatorChar, i + 1))
            {
                if (lookup.TryGetValue(path.AsSpan(0, i), out var count))
                {
                    lookup[path.AsSpan(0, i)] = file ? (count.Files + 1, count.Folders) : (count.Files, count.Folders + 1);
                    return;
                }
            }
        }

        foreach (var file in left.Files.Keys)
        {
            Count(file, true);
        }

        foreach (var folder in left.Folders)
        {
            Count(folder, false);
        }

        return counts;
    }

    /// <summary>
    /// Writes the list of a cached shard's folders and files, with their stamps, unless there is one (or replacing it,
    /// for a shard just stored); a cache that cannot be written is left alone.
    /// </summary>
    private static void WriteListIfMissing(string cached, bool replace = false)
    {
        try
        {
            WriteList(cached, replace);
        }
        catch (Exception ex) when (IsCacheFailure(ex))
        {
            // The next build copies the shard as before, and tries again.
        }
    }

    internal static void WriteList(string cached, bool replace)
    {
        var list = cached + ListSuffix;
        if (!replace && File.Exists(list))
        {
            return;
        }

        var lines = new List<string>();
        foreach (var entry in new DirectoryInfo(cached).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var inside = Path.GetRelativePath(cached, entry.FullName);
            if (OwnedFolder.IsLink(entry) || inside.Contains('\t') || inside.Contains('\n'))
            {
                return;
            }

            lines.Add(entry is DirectoryInfo ? $"d\t{inside}" : string.Create(CultureInfo.InvariantCulture, $"f\t{inside}\t{((FileInfo)entry).Length}\t{entry.LastWriteTimeUtc.Ticks}"));
        }

        // Written beside and renamed, so that a build stopped halfway leaves no list cut short.
        var temporary = list + StagingMark + Guid.NewGuid().ToString("N");
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, list, overwrite: true);
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
    // are the same are kept, others replaced, and what the index no longer has is removed. Files are linked, not
    // copied (a cached index is never written into: Pagefind writes a new shard into a folder removed first), so a
    // file the last build linked from the cache has the cached file's size and time and is known without reading
    // either: at 10,000 events, 61 unchanged shards are 11,000 files.
    private static void Copy(string from, string to, ParallelOptions? parallel = null)
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

        Parallel.ForEach(Directory.GetFiles(from, "*", SearchOption.AllDirectories), parallel ?? new ParallelOptions(), file =>
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            if (stale is not null && stale.TryRemove(target, out _))
            {
                if (FileStamp.Of(target) is { } old && old == FileStamp.Of(file))
                {
                    return;
                }

                File.Delete(target);
            }

            if (!HardLink.TryCreate(file, target))
            {
                File.Copy(file, target);

                // Copied into another file system (the output on tmpfs): the cached file is not read again this build.
                using var copied = File.OpenHandle(file);
                SystemCache.Forget(copied);
            }
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
