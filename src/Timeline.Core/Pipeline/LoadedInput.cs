using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Model;

namespace Timeline.Pipeline;

/// <summary>
/// The input folder as last read, file by file: what each file parsed into and what was wrong with it. A whole
/// read reads every file <see cref="InputLayout"/> names; after it, <see cref="Update"/> reads again only the
/// paths that changed, keeping the records of a file whose text is the same. Not thread-safe: one caller reads.
/// </summary>
internal sealed class LoadedInput
{
    private readonly InputLayout _layout;
    private readonly PathDisplay _display;
    private readonly string? _baseUrl;
    // A build reads once and needs no texts to compare; serve keeps them to see which files really changed.
    private readonly bool _keepTexts;

    // Sorted by full path as the files are listed, so that "the first of each id" is the same however they were read.
    private readonly SortedDictionary<string, Loaded<TimelineEvent?>> _events = new(StringComparer.Ordinal);
    // Pages are parsed when the site is assembled: a translation (about.fa.md) joins the page it translates.
    private readonly SortedDictionary<string, Loaded<InputFile?>> _pages = new(StringComparer.Ordinal);
    // What reading refused (a named pipe, a link out of the folder, a file that is not UTF-8), until its path is read again.
    private readonly List<Diagnostic> _refused = [];
    private Loaded<SiteSettings?>? _site;
    private Loaded<IReadOnlyList<Source>>? _sources;
    private Loaded<IReadOnlyList<Entity>>? _entities;
    private Loaded<IReadOnlyList<Era>>? _eras;
    private Loaded<IReadOnlyList<Tag>>? _tags;

    // The languages the records were parsed with: translations are checked against them, so a change of
    // site.yml's languages parses every record again.
    private SiteLanguages? _languages;

    // When each file was first and last committed: read once, by the first ReadAll. `serve` keeps it for the
    // session, so git runs once and not on every keystroke; dates of files committed meanwhile lag until a restart.
    private EntryHistory? _history;

    // A build's parses of event files, kept in the cache folder for the next build; none for `serve` and `check`.
    private readonly ParsedEventCache? _parsed;

    public LoadedInput(InputLayout layout, PathDisplay display, string? baseUrl, bool keepTexts, ParsedEventCache? parsed = null)
    {
        _parsed = parsed;
        _layout = layout;
        _display = display;
        _baseUrl = baseUrl;
        _keepTexts = keepTexts;
    }

    /// <summary>How many event files were taken parsed from the cache folder.</summary>
    public int ParsesReused => _parsed?.Reused ?? 0;

    /// <summary>Waits for the parse cache's record, written while the build goes on, and puts it in place.</summary>
    public void FlushCaches() => _parsed?.Flush();

    /// <summary>How many event files were not read at all, their stamps being the ones recorded with their parses.</summary>
    public int FilesUnread => _parsed?.Unread ?? 0;

    /// <summary>The number of event files read.</summary>
    public int EventFiles => _events.Count;

    /// <summary>Reads and parses every file of the input folder, forgetting what was read before.</summary>
    public void ReadAll()
    {
        Forget();
        var diagnostics = new DiagnosticBag();

        // A file last changed a second or more before this read began has settled: its stamp can stand for its text.
        var settledBefore = (DateTime.UtcNow - DateTime.UnixEpoch - TimeSpan.FromSeconds(1)).Ticks * 100;

        // With the cache folder, event files are read only when their stamps are not the ones recorded with their parses.
        var input = new InputReader(_display, diagnostics).Read(_layout.Root, readEvents: _parsed is null);
        _refused.AddRange(diagnostics.Sorted());
        _history ??= EntryHistory.Read(_layout.Root);

        // site.yml first: the other records are parsed with its languages.
        _site = input.Site is { } site ? Parse(site, (f, d) => SiteLoader.Load(f, d, _baseUrl)) : null;
        _languages = LanguagesOf(_site);
        _sources = input.Sources is { } sources ? Parse(sources, (f, d) => SourceLoader.Load(f, d, _languages)) : null;
        _entities = input.Entities is { } entities ? Parse(entities, (f, d) => EntityLoader.Load(f, d, _languages)) : null;
        _eras = input.Eras is { } eras ? Parse(eras, (f, d) => EraLoader.Load(f, d, _languages)) : null;
        _tags = input.Tags is { } tags ? Parse(tags, (f, d) => TagLoader.Load(f, d, _languages)) : null;

        var events = new Loaded<TimelineEvent?>[input.Events.Count];
        Parallel.For(0, events.Length, i => events[i] = Parse(input.Events[i], LoadEvent));
        for (var i = 0; i < events.Length; i++)
        {
            _events[input.Events[i].FullPath] = events[i];
        }

        var unread = input.UnreadEvents;
        var paths = new string[unread.Count];
        var loaded = new Loaded<TimelineEvent?>[unread.Count];
        Parallel.For(0, unread.Count, i => (paths[i], loaded[i]) = LoadUnread(unread[i], settledBefore));
        for (var i = 0; i < loaded.Length; i++)
        {
            _events[paths[i]] = loaded[i];
        }

        foreach (var page in input.Pages)
        {
            _pages[page.FullPath] = new Loaded<InputFile?>(Kept(page.Text), page, []);
        }

        _parsed?.Save();
    }

    /// <summary>
    /// Lets go of everything read: for a pipeline that reads once (a build), whose records, once assembled, are the
    /// site's alone to hold (see <see cref="SitePipeline"/>).
    /// </summary>
    public void Forget()
    {
        _events.Clear();
        _pages.Clear();
        _refused.Clear();
        _site = null;
        _sources = null;
        _entities = null;
        _eras = null;
        _tags = null;
        _languages = null;
    }

    /// <summary>Reads again one changed path (a file or a folder, created, changed or deleted); forgets what was deleted.</summary>
    public void Update(string path)
    {
        if (path == _layout.Root)
        {
            ReadAll();
            return;
        }

        var shown = _display.Show(path);
        _refused.RemoveAll(d => d.Path == shown || d.Path.StartsWith(shown + "/", StringComparison.Ordinal));
        var kind = KindOnDisk(path);
        var folder = kind == EntryKind.Folder || (kind == EntryKind.Link && Directory.Exists(path));

        // What was under the path, had it been a folder, is gone or is listed again.
        var under = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var gone in _events.Keys.Concat(_pages.Keys).Where(k => k.StartsWith(under, StringComparison.Ordinal) || (k == path && kind == EntryKind.Missing)).ToList())
        {
            _events.Remove(gone);
            _pages.Remove(gone);
        }

        if (kind == EntryKind.Missing || folder)
        {
            Forget(_layout.KindOf(path));
        }

        // A folder is listed as a whole read lists it, and so is events/ or pages/ whatever stands there (listing
        // says that a file is not a folder); what listing refuses is kept to report.
        if (kind != EntryKind.Missing && _layout.Descend(path) && (folder || _layout.Folders.Any(f => f.Folder == path)))
        {
            var diagnostics = new DiagnosticBag();
            var found = new InputFiles(_layout.Root, _display, diagnostics).List(path, _layout.Includes, _layout.Descend);
            _refused.AddRange(diagnostics.Sorted());
            Load(found.Select(f => f.Path).ToList());
        }
        else if (kind != EntryKind.Missing && !folder)
        {
            // A file, or what stands in its place (a pipe, a link): reading it reports what is wrong with it.
            Load([path]);
        }
    }

    /// <summary>
    /// Everything read, put together (the first of each id in file order), with every problem met in reading and
    /// parsing, the missing files among them; null when site.yml could not be read.
    /// </summary>
    public TimelineContent? Assemble(DiagnosticBag diagnostics)
    {
        _layout.CheckRequired(
            kind => kind switch
            {
                InputKind.Site => _site is not null,
                InputKind.Sources => _sources is not null,
                InputKind.Entities => _entities is not null,
                InputKind.Eras => _eras is not null,
                _ => _tags is not null,
            },
            _display,
            diagnostics);
        foreach (var loaded in new IEnumerable<Diagnostic>?[] { _site?.Diagnostics, _sources?.Diagnostics, _entities?.Diagnostics, _eras?.Diagnostics, _tags?.Diagnostics, _refused })
        {
            Report(loaded);
        }

        // A plain loop over the events: serve does this on every rebuild.
        var events = new List<TimelineEvent>(_events.Count);
        foreach (var loaded in _events.Values)
        {
            Report(loaded.Diagnostics);
            if (loaded.Value is { } parsed)
            {
                events.Add(parsed);
            }
        }

        foreach (var page in _pages.Values)
        {
            Report(page.Diagnostics);
        }

        void Report(IEnumerable<Diagnostic>? found)
        {
            if (found is IReadOnlyCollection<Diagnostic> { Count: 0 })
            {
                return;
            }

            foreach (var diagnostic in found ?? [])
            {
                diagnostics.Add(diagnostic);
            }
        }

        return ContentLoader.Assemble(
            _site?.Value,
            _sources?.Value ?? [],
            _entities?.Value ?? [],
            _eras?.Value ?? [],
            events,
            ContentLoader.Pages(_pages.Values.Select(p => p.Value).OfType<InputFile>().ToList(), _languages, diagnostics),
            diagnostics,
            _tags?.Value ?? []);
    }

    /// <summary>
    /// An event file found but not read (see <see cref="InputReader.Read"/>), by its full path: taken parsed from the
    /// cache folder when its stamp is the one recorded with its parse, else read and parsed, its stamp then recorded.
    /// </summary>
    private (string FullPath, Loaded<TimelineEvent?> Loaded) LoadUnread(FoundFile found, long settledBefore)
    {
        var fullPath = Path.GetFullPath(found.Path);
        if (found.Stamp is { } stamp && _parsed!.FindUnchanged(fullPath, _display.Show(found.Path), _languages, stamp) is var (known, key))
        {
            return (fullPath, new Loaded<TimelineEvent?>(null, Dated(known, key, fullPath), []));
        }

        var diagnostics = new DiagnosticBag();
        if (new InputReader(_display, diagnostics).ReadFile(found) is not { } file)
        {
            return (fullPath, new Loaded<TimelineEvent?>(null, null, diagnostics.Sorted()));
        }

        var loaded = Parse(file, (f, d) => LoadEvent(f, d, found.Stamp, settledBefore));
        return (fullPath, loaded with { Diagnostics = [.. diagnostics.Sorted(), .. loaded.Diagnostics] });
    }

    /// <summary>
    /// An event file, with the dates of its git history where the record gives none; with its digest (see
    /// <see cref="Digests"/>) when it was parsed through the cache folder, which then records its stamp if it has one.
    /// </summary>
    private TimelineEvent? LoadEvent(InputFile file, DiagnosticBag diagnostics) => LoadEvent(file, diagnostics, null, 0);

    private TimelineEvent? LoadEvent(InputFile file, DiagnosticBag diagnostics, FileChangeStamp? stamp, long settledBefore)
    {
        var (loaded, key) = ParseEvent(file, diagnostics);
        if (loaded is null)
        {
            return null;
        }

        if (key is not null && stamp is { } settled && diagnostics.IsEmpty)
        {
            _parsed!.KeepStamp(file.FullPath, file.DisplayPath, _languages, settled, key, settledBefore);
        }

        return Dated(loaded, key, file.FullPath);
    }

    /// <summary>An event with the dates of its file's git history where the record gives none, and its digest when its parse's key is known.</summary>
    private TimelineEvent Dated(TimelineEvent loaded, string? key, string fullPath)
    {
        var history = _history?.For(_layout.Root, fullPath);
        var dated = history is var (first, last) ? loaded with { Dates = loaded.Dates.WithHistory(first, last) } : loaded;
        return key is null ? dated : Digests.Remember(dated, ParsedEventCache.Digest(key, history));
    }

    /// <summary>An event file parsed, or as the last build parsed the same text when it reported nothing; with its key in the cache folder, if any.</summary>
    private (TimelineEvent? Event, string? Key) ParseEvent(InputFile file, DiagnosticBag diagnostics)
    {
        if (_parsed is null)
        {
            return (EventLoader.Load(file, diagnostics, _languages), null);
        }

        var key = _parsed.Key(file, _languages);
        if (_parsed.Find(key) is { } known)
        {
            return (known, key);
        }

        var loaded = EventLoader.Load(file, diagnostics, _languages);
        if (loaded is not null && diagnostics.IsEmpty)
        {
            _parsed.Keep(key, loaded);
        }

        return (loaded, key);
    }

    private static EntryKind KindOnDisk(string path)
    {
        try
        {
            return FileKinds.Of(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reading it will say what is wrong.
            return EntryKind.Regular;
        }
    }

    /// <summary>Reads and parses the given files in parallel, keeping the earlier result of a file whose text is unchanged.</summary>
    private void Load(IReadOnlyList<string> paths)
    {
        var jobs = paths.Select(p => (Path: p, Kind: _layout.KindOf(p))).Where(j => j.Kind != InputKind.Other).ToList();

        // site.yml first: the other records are parsed with its languages, and a change of them parses them all again.
        if (jobs.FindIndex(j => j.Kind == InputKind.Site) is var siteJob and >= 0)
        {
            _site = Read(jobs[siteJob].Path, _site, (f, d) => SiteLoader.Load(f, d, _baseUrl));
            jobs.RemoveAt(siteJob);
            var languages = LanguagesOf(_site);
            if (languages?.Default != _languages?.Default || !(languages?.Others ?? []).SequenceEqual(_languages?.Others ?? []))
            {
                ReadAll();
                return;
            }
        }

        var results = new object?[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            var (path, kind) = jobs[i];
            results[i] = kind switch
            {
                InputKind.Sources => Read(path, _sources, (f, d) => SourceLoader.Load(f, d, _languages)),
                InputKind.Entities => Read(path, _entities, (f, d) => EntityLoader.Load(f, d, _languages)),
                InputKind.Eras => Read(path, _eras, (f, d) => EraLoader.Load(f, d, _languages)),
                InputKind.Tags => Read(path, _tags, (f, d) => TagLoader.Load(f, d, _languages)),
                InputKind.Event => Read(path, _events.GetValueOrDefault(path), LoadEvent),
                _ => Read(path, _pages.GetValueOrDefault(path), (f, _) => (InputFile?)f),
            };
        });

        for (var i = 0; i < jobs.Count; i++)
        {
            switch (results[i])
            {
                case Loaded<IReadOnlyList<Source>> sources: _sources = sources; break;
                case Loaded<IReadOnlyList<Entity>> entities: _entities = entities; break;
                case Loaded<IReadOnlyList<Era>> eras: _eras = eras; break;
                case Loaded<IReadOnlyList<Tag>> tags: _tags = tags; break;
                case Loaded<TimelineEvent?> e: _events[jobs[i].Path] = e; break;
                case Loaded<InputFile?> page: _pages[jobs[i].Path] = page; break;
            }
        }
    }

    private Loaded<T> Read<T>(string path, Loaded<T>? previous, Func<InputFile, DiagnosticBag, T> parse)
    {
        var diagnostics = new DiagnosticBag();
        var found = new InputFiles(_layout.Root, _display, diagnostics).Find(path);
        var file = found is null ? null : new InputReader(_display, diagnostics).ReadFile(found.Value);
        if (file is not null && previous is not null && previous.Text == file.Text)
        {
            return previous;
        }

        var value = file is null ? default! : parse(file, diagnostics);
        return new Loaded<T>(Kept(file?.Text), value, diagnostics.Sorted());
    }

    private Loaded<T> Parse<T>(InputFile file, Func<InputFile, DiagnosticBag, T> parse)
    {
        var diagnostics = new DiagnosticBag();
        var value = parse(file, diagnostics);
        return new Loaded<T>(Kept(file.Text), value, diagnostics.Sorted());
    }

    private string? Kept(string? text) => _keepTexts ? text : null;

    private static SiteLanguages? LanguagesOf(Loaded<SiteSettings?>? site) =>
        site?.Value is { } settings ? new SiteLanguages(settings.Language, settings.OtherLanguages) : null;

    private void Forget(InputKind kind)
    {
        switch (kind)
        {
            case InputKind.Site: _site = null; break;
            case InputKind.Sources: _sources = null; break;
            case InputKind.Entities: _entities = null; break;
            case InputKind.Eras: _eras = null; break;
            case InputKind.Tags: _tags = null; break;
            default: break;
        }
    }

    /// <summary>One file's text as last read (when kept), what it parsed into, and what was wrong with it.</summary>
    private sealed record Loaded<T>(string? Text, T Value, IReadOnlyList<Diagnostic> Diagnostics);
}
