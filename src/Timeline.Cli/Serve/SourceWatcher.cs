using System.IO.Enumeration;
using System.Threading.Channels;

namespace Timeline.Cli.Serve;

/// <summary>
/// Reports the paths that change under the watched folders: through the system's file notifications, or by
/// looking every half second when those are unavailable (inotify's watch limit reached, network drives) or asked for.
/// A null path means "anything may have changed" (the notifications overflowed).
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly IReadOnlyList<string> _folders;
    private readonly Channel<string?> _changes = Channel.CreateUnbounded<string?>();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly object _pollLock = new();
    private Timer? _timer;
    private Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);

    public SourceWatcher(IReadOnlyList<string> folders, bool poll)
    {
        _folders = folders;
        if (!poll)
        {
            try
            {
                foreach (var folder in folders)
                {
                    if (Directory.Exists(folder))
                    {
                        _watchers.Add(Watch(folder));
                    }

                    _watchers.Add(WatchPlace(folder));
                }
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                Fallback = ex.Message;
                DisposeWatchers();
            }
        }

        if (_watchers.Count == 0)
        {
            _seen = Scan();
            _timer = new Timer(_ => Poll(), null, PollInterval, PollInterval);
        }
    }

    /// <summary>Why notifications could not be used and polling is used instead, or null.</summary>
    public string? Fallback { get; private set; }

    public bool Polling => _timer is not null;

    /// <summary>
    /// Waits for a change, then for a quiet spell (editors save through a temporary file and a rename), and returns
    /// every path changed meanwhile, or null when anything may have changed.
    /// </summary>
    public async Task<IReadOnlyCollection<string>?> NextAsync(TimeSpan quiet, CancellationToken cancel)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var everything = false;
        var first = await _changes.Reader.ReadAsync(cancel);
        Add(first);
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            wait.CancelAfter(quiet);
            try
            {
                Add(await _changes.Reader.ReadAsync(wait.Token));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return everything ? null : paths;
            }
        }

        void Add(string? path)
        {
            if (path is null)
            {
                everything = true;
            }
            else
            {
                paths.Add(path);
            }
        }
    }

    public void Dispose()
    {
        DisposeWatchers();
        _timer?.Dispose();
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            _changes.Writer.TryWrite(e.OldFullPath);
            _changes.Writer.TryWrite(e.FullPath);
        };
        watcher.Error += (_, e) => OnError(e.GetException());
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>
    /// Watches the place of a watched folder in its parent: a folder's own watch ends when it is deleted or moved away,
    /// so this one sees it come back, watches it again and reports it, for everything in it to be read again.
    /// </summary>
    private FileSystemWatcher WatchPlace(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = Path.GetFileName(full);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, name)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName,
        };
        watcher.Created += (_, _) => Returned(folder);
        watcher.Deleted += (_, _) => _changes.Writer.TryWrite(folder);
        watcher.Renamed += (_, e) =>
        {
            if (e.Name == name)
            {
                Returned(folder);
            }
            else
            {
                _changes.Writer.TryWrite(folder);
            }
        };
        watcher.Error += (_, e) => OnError(e.GetException());
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Returned(string folder)
    {
        lock (_watchers)
        {
            // Polling finds the folder's files by itself.
            if (_timer is not null)
            {
                return;
            }

            var old = _watchers.FindIndex(w => w.IncludeSubdirectories && w.Path == folder);
            if (old >= 0)
            {
                _watchers[old].Dispose();
                _watchers.RemoveAt(old);
            }

            try
            {
                _watchers.Add(Watch(folder));
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Gone again already: its place's watch reports that.
            }
        }

        // After the new watch is in place, so that nothing written into the folder meanwhile is missed.
        _changes.Writer.TryWrite(folder);
    }

    private void OnError(Exception error)
    {
        if (error is InternalBufferOverflowException)
        {
            _changes.Writer.TryWrite(null);
            return;
        }

        // Typically the inotify watch limit: carry on by polling.
        lock (_watchers)
        {
            if (_timer is not null)
            {
                return;
            }

            Fallback = error.Message;
            DisposeWatchers();
            _seen = Scan();
            _timer = new Timer(_ => Poll(), null, PollInterval, PollInterval);
        }

        _changes.Writer.TryWrite(null);
    }

    private void Poll()
    {
        // A slow look (a large site on a slow disk) must not overlap the next one.
        if (!Monitor.TryEnter(_pollLock))
        {
            return;
        }

        try
        {
            PollOnce();
        }
        finally
        {
            Monitor.Exit(_pollLock);
        }
    }

    private void PollOnce()
    {
        var now = Scan();
        foreach (var (path, state) in now)
        {
            if (!_seen.TryGetValue(path, out var before) || before != state)
            {
                _changes.Writer.TryWrite(path);
            }
        }

        foreach (var path in _seen.Keys.Where(p => !now.ContainsKey(p)))
        {
            _changes.Writer.TryWrite(path);
        }

        _seen = now;
    }

    private Dictionary<string, (long, DateTime)> Scan()
    {
        var found = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            // Linked folders are not walked into: a link loop (two links to "..") would be walked 2^40 times. What a
            // link inside the folder points to is watched where it is; a folder that cannot be read is left out.
            var files = new FileSystemEnumerable<(string Path, long Length, DateTime Written)>(
                folder,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcDateTime),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
                ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            };
            try
            {
                foreach (var (path, length, written) in files)
                {
                    found[path] = (length, written);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder vanished while it was listed; the next look will see what is there.
            }
        }

        return found;
    }

    private void DisposeWatchers()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers.Clear();
    }
}
