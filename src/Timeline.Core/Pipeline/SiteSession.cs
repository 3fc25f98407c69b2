using System.Diagnostics;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Languages;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Rendering;
using Timeline.Resolving;
using Timeline.Theme;
using Timeline.Views;

namespace Timeline.Pipeline;

/// <summary>
/// A site kept in memory between builds, for `timeline serve`. A file is read and parsed again only when it
/// changed; only the records a change can reach are resolved again (see <see cref="ResolveCache"/>), and pages are rendered only when asked for
/// (see <see cref="SiteSnapshot"/>). Nothing is written to disk. Not thread-safe: one caller rebuilds.
/// </summary>
public sealed class SiteSession
{
    private readonly BuildOptions _options;
    private readonly PathDisplay _display;
    private readonly string _input;
    private readonly string _theme;
    private readonly ResolveCache _resolved = new();
    private readonly SummaryCache _summaries = new();

    // Sorted by full path as the Input phase reads them, so that "the first of each id" is the same as in a build.
    private readonly SortedDictionary<string, Loaded<TimelineEvent?>> _events = new(StringComparer.Ordinal);
    // Pages are read here and parsed on every rebuild: a translation (about.fa.md) joins the page it translates.
    private readonly SortedDictionary<string, Loaded<InputFile?>> _pages = new(StringComparer.Ordinal);
    // What listing the input folder refused (a named pipe, a link out of it, a folder that cannot be read), until listed again.
    private readonly List<Diagnostic> _refused = [];
    private Loaded<SiteSettings?>? _site;
    private Loaded<IReadOnlyList<Source>>? _sources;
    private Loaded<IReadOnlyList<Entity>>? _entities;
    private Loaded<IReadOnlyList<Era>>? _eras;
    private (ThemeTemplates? Templates, IReadOnlyList<OutputFile> Assets, IReadOnlyList<Diagnostic> Diagnostics)? _themeState;
    private int _version;

    // The languages the records were parsed with: translations are checked against them, so a change of
    // site.yml's languages parses every record again.
    private SiteLanguages? _languages;

    public SiteSession(BuildOptions options)
    {
        _options = options;
        _display = new PathDisplay(options.DisplayRoot);
        _input = Path.GetFullPath(options.InputFolder);
        _theme = Path.GetFullPath(options.ThemeFolder);
    }

    /// <summary>The last site built without errors, or null when none has been.</summary>
    public SiteSnapshot? Current { get; private set; }

    /// <summary>The full paths of the folders a change in which calls for a rebuild.</summary>
    public IReadOnlyList<string> WatchedFolders => [_input, _theme];

    /// <summary>
    /// Brings the site up to date with the given changed paths (files or folders, created, changed or deleted),
    /// or with everything when <paramref name="changed"/> is null. On success <see cref="Current"/> is the new site;
    /// on errors it stays the last good one.
    /// </summary>
    public BuildResult Rebuild(IReadOnlyCollection<string>? changed = null)
    {
        var clock = Stopwatch.StartNew();
        var timings = new PhaseTimings();
        if (changed is null || _themeState is null)
        {
            _events.Clear();
            _pages.Clear();
            _refused.Clear();
            _site = null;
            _sources = null;
            _entities = null;
            _eras = null;
            _themeState = null;
            Update(_input);
            LoadTheme();
        }
        else
        {
            var themeChanged = false;
            foreach (var path in changed.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
            {
                if (Inside(path, _theme))
                {
                    themeChanged = true;
                }
                else if (Inside(path, _input))
                {
                    Update(path);
                }
            }

            if (themeChanged)
            {
                LoadTheme();
            }
        }

        timings.Mark("read");
        var diagnostics = new DiagnosticBag();
        var site = Assemble(diagnostics, timings);
        if (site is null || diagnostics.HasErrors)
        {
            return new BuildResult(diagnostics.Sorted(), site, 0, clock.Elapsed) { Timings = timings.Phases };
        }

        var renderDiagnostics = new DiagnosticBag();
        var renderer = new SiteRenderer(_themeState!.Value.Templates!, renderDiagnostics);
        var pages = renderer.Table(site, searchIndexed: false, _summaries);
        timings.Mark("views");
        Current = new SiteSnapshot(++_version, site, pages, _themeState.Value.Assets, _themeState.Value.Templates!, renderDiagnostics);
        timings.Mark("snapshot");

        // Serve writes no file (and lists its pages only when a full check asks for them).
        return new BuildResult(diagnostics.Sorted(), site, 0, clock.Elapsed) { Timings = timings.Phases };
    }

    private ResolvedSite? Assemble(DiagnosticBag diagnostics, PhaseTimings timings)
    {
        if (!Directory.Exists(_input))
        {
            diagnostics.FolderError(_display.Show(_input), ErrorMessages.MissingInputFolder(_display.Show(_input)));
        }
        else
        {
            if (_site is null)
            {
                diagnostics.Error(_display.Show(Path.Combine(_input, "site.yml")), SourcePosition.WholeFile, ErrorMessages.MissingFile("site.yml", InputReader.SiteFileContents));
            }

            if (_sources is null)
            {
                diagnostics.Error(_display.Show(Path.Combine(_input, "sources.yml")), SourcePosition.WholeFile, ErrorMessages.MissingFile("sources.yml", InputReader.SourcesFileContents));
            }
        }

        var loaded = new IEnumerable<Diagnostic>?[] { _site?.Diagnostics, _sources?.Diagnostics, _entities?.Diagnostics, _eras?.Diagnostics, _themeState?.Diagnostics, _refused }
            .Concat(_events.Values.Select(e => e.Diagnostics))
            .Concat(_pages.Values.Select(p => p.Diagnostics));
        foreach (var diagnostic in loaded.OfType<IEnumerable<Diagnostic>>().SelectMany(d => d))
        {
            diagnostics.Add(diagnostic);
        }

        var content = ContentLoader.Assemble(
            _site?.Value,
            _sources?.Value ?? [],
            _entities?.Value ?? [],
            _eras?.Value ?? [],
            _events.Values.Select(e => e.Value).OfType<TimelineEvent>().ToList(),
            ContentLoader.Pages(_pages.Values.Select(p => p.Value).OfType<InputFile>().ToList(), _languages, diagnostics),
            diagnostics);
        if (content is not null && !diagnostics.HasErrors)
        {
            _themeState?.Templates?.Strings.CheckLanguages(content.Site.Languages, diagnostics);
        }

        timings.Mark("assemble");
        if (content is null || diagnostics.HasErrors)
        {
            return null;
        }

        var site = ReferenceResolver.Resolve(content, diagnostics, _resolved);
        timings.Mark("resolve");
        return _themeState?.Templates is null ? null : site;
    }

    /// <summary>Reads again one changed file, or every file under a changed folder; forgets what was deleted.</summary>
    private void Update(string path)
    {
        var shown = _display.Show(path);
        _refused.RemoveAll(d => d.Path == shown || d.Path.StartsWith(shown + "/", StringComparison.Ordinal));
        var kind = KindOnDisk(path);
        if (kind is not (EntryKind.Missing or EntryKind.Folder) && !(kind == EntryKind.Link && Directory.Exists(path)))
        {
            // A file, or what stands in its place (a pipe, a link): reading it reports what is wrong with it.
            Load([path]);
            return;
        }

        var under = path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var gone in _events.Keys.Concat(_pages.Keys).Where(k => k == path || k.StartsWith(under, StringComparison.Ordinal)).ToList())
        {
            _events.Remove(gone);
            _pages.Remove(gone);
        }

        foreach (var (name, _) in ListFiles.Where(f => Inside(Path.Combine(_input, f.Name), path)))
        {
            Forget(name);
        }

        if (kind != EntryKind.Missing)
        {
            Load(List(path));
        }
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

    /// <summary>The input files under a folder, listed as the Input phase lists them; what it refuses is kept to report.</summary>
    private List<string> List(string folder)
    {
        if (folder != _input && !Descend(folder))
        {
            return [];
        }

        var shown = _display.Show(folder);
        _refused.RemoveAll(d => d.Path == shown || d.Path.StartsWith(shown + "/", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();
        var found = new InputFiles(_input, _display, diagnostics).List(folder, p => KindOf(p) != FileKind.Other, Descend);
        _refused.AddRange(diagnostics.Sorted());
        return found.Select(f => f.Path).ToList();
    }

    /// <summary>Whether the Input phase looks into this folder: events/ and every folder under it, and pages/ itself.</summary>
    private bool Descend(string folder)
    {
        var relative = Path.GetRelativePath(_input, folder).Replace('\\', '/');
        return relative is "events" or "pages" || relative.StartsWith("events/", StringComparison.Ordinal);
    }

    /// <summary>Reads and parses the given files in parallel, keeping the earlier result of a file whose text is unchanged.</summary>
    private void Load(IReadOnlyList<string> paths)
    {
        var jobs = paths.Select(p => (Path: p, Kind: KindOf(p))).Where(j => j.Kind != FileKind.Other).ToList();

        // site.yml first: the other records are parsed with its languages.
        if (jobs.FindIndex(j => j.Kind == FileKind.Site) is var siteJob and >= 0)
        {
            _site = Read(jobs[siteJob].Path, _site, (f, d) => SiteLoader.Load(f, d, _options.BaseUrl));
            jobs.RemoveAt(siteJob);
            var languages = _site.Value is { } site ? new SiteLanguages(site.Language, site.OtherLanguages) : null;
            if (languages?.Default != _languages?.Default || !(languages?.Others ?? []).SequenceEqual(_languages?.Others ?? []))
            {
                _languages = languages;
                _events.Clear();
                _sources = null;
                _entities = null;
                _eras = null;
                jobs = List(_input)
                    .Select(p => (Path: p, Kind: KindOf(p)))
                    .Where(j => j.Kind is not (FileKind.Other or FileKind.Site))
                    .ToList();
            }
        }

        var results = new object?[jobs.Count];
        Parallel.For(0, jobs.Count, i =>
        {
            var (path, kind) = jobs[i];
            results[i] = kind switch
            {
                FileKind.Sources => Read(path, _sources, (f, d) => SourceLoader.Load(f, d, _languages)),
                FileKind.Entities => Read(path, _entities, (f, d) => EntityLoader.Load(f, d, _languages)),
                FileKind.Eras => Read(path, _eras, (f, d) => EraLoader.Load(f, d, _languages)),
                FileKind.Event => Read(path, _events.GetValueOrDefault(path), (f, d) => EventLoader.Load(f, d, _languages)),
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
                case Loaded<TimelineEvent?> e: _events[jobs[i].Path] = e; break;
                case Loaded<InputFile?> page: _pages[jobs[i].Path] = page; break;
            }
        }
    }

    private Loaded<T> Read<T>(string path, Loaded<T>? previous, Func<InputFile, DiagnosticBag, T> parse)
    {
        var diagnostics = new DiagnosticBag();
        var found = new InputFiles(_input, _display, diagnostics).Find(path);
        var file = found is null ? null : new InputReader(_display, diagnostics).ReadFile(found.Value);
        if (file is not null && previous is not null && previous.Text == file.Text)
        {
            return previous;
        }

        var value = file is null ? default! : parse(file, diagnostics);
        return new Loaded<T>(file?.Text, value, diagnostics.Sorted());
    }

    private void LoadTheme()
    {
        var diagnostics = new DiagnosticBag();
        var templates = ThemeTemplates.Load(_theme, _display, diagnostics);
        List<OutputFile> assets = templates is null ? [] : [.. new SiteRenderer(templates, diagnostics).Assets(), .. WebFonts.Load(_options.LocateTools(), _display, diagnostics)];
        _themeState = (templates, assets, diagnostics.Sorted());
    }

    private static readonly (string Name, FileKind Kind)[] ListFiles =
        [("site.yml", FileKind.Site), ("sources.yml", FileKind.Sources), ("entities.yml", FileKind.Entities), ("eras.yml", FileKind.Eras)];

    private void Forget(string name)
    {
        switch (name)
        {
            case "site.yml": _site = null; break;
            case "sources.yml": _sources = null; break;
            case "entities.yml": _entities = null; break;
            default: _eras = null; break;
        }
    }

    /// <summary>Which input file this is, by the same rules as <see cref="InputReader"/>.</summary>
    private FileKind KindOf(string path)
    {
        var relative = Path.GetRelativePath(_input, path).Replace('\\', '/');
        if (Array.FindIndex(ListFiles, f => f.Name == relative) is var list and >= 0)
        {
            return ListFiles[list].Kind;
        }

        if (relative.StartsWith("events/", StringComparison.Ordinal) && (relative.EndsWith(".yml", StringComparison.Ordinal) || relative.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            return FileKind.Event;
        }

        return relative.StartsWith("pages/", StringComparison.Ordinal) && relative.EndsWith(".md", StringComparison.Ordinal) && relative.Count(c => c == '/') == 1
            ? FileKind.Page
            : FileKind.Other;
    }

    private static bool Inside(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private enum FileKind
    {
        Other,
        Site,
        Sources,
        Entities,
        Eras,
        Event,
        Page,
    }

    /// <summary>One file's text as last read, what it parsed into, and what was wrong with it.</summary>
    private sealed record Loaded<T>(string? Text, T Value, IReadOnlyList<Diagnostic> Diagnostics);
}
