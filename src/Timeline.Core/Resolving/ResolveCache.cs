using System.Collections.Concurrent;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Resolving;

/// <summary>
/// What the last resolve made, kept between the rebuilds of `timeline serve` so that editing one event resolves
/// one event (and those whose links show its title) instead of the whole site. Two levels: a resolved record (an
/// event or an entity, with the warnings it gave) is used again while its record object is the same (a file that
/// did not change keeps its records) and nothing it points at changed; when only what it points at changed (an
/// entity renamed), its rendered Markdown is still used again while its sources and the titles of the events it
/// links to are unchanged. Each round compares the records with the last round's and checks again only the
/// records that point at a changed one: looking at all 10,000 events of a large site took longer than resolving
/// the few an edit reaches. Anything that gave an error is never kept, so its errors are reported on every rebuild.
/// </summary>
internal sealed class ResolveCache
{
    private readonly Dictionary<object, RecordEntry> _records = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, DocumentEntry> _documents = new(ReferenceEqualityComparer.Instance);

    // Who points at what: the records to check again when an event, a source or an entity changes.
    private readonly Dictionary<Dependency, HashSet<object>> _dependents = [];

    /// <summary>The last resolve's events in time order, by their sort keys (see <see cref="ReferenceResolver.InTimeOrder"/>).</summary>
    public ReferenceResolver.TimeKey[]? TimeOrder { get; set; }

    // The last round's records, to see what changed since.
    private SiteSettings? _site;
    private IReadOnlyDictionary<string, Source> _sources = new Dictionary<string, Source>();
    private IReadOnlyDictionary<string, TimelineEvent> _events = new Dictionary<string, TimelineEvent>();
    private IReadOnlyDictionary<string, Entity> _entities = new Dictionary<string, Entity>();

    /// <summary>What a record points at: an event (by its title and being there), a source or an entity.</summary>
    public readonly record struct Dependency(char Kind, string Id)
    {
        public static Dependency Event(string id) => new('e', id);

        public static Dependency Source(string id) => new('s', id);

        public static Dependency Entity(string id) => new('n', id);
    }

    /// <summary>Starts one resolve of the whole site; <see cref="Round.Finish"/> then stores what it made and forgets what went.</summary>
    public Round Start(
        SiteSettings site,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events,
        IReadOnlyDictionary<string, Entity> entities)
    {
        if (_site is null || _site.BasePath != site.BasePath || !_site.Languages.SequenceEqual(site.Languages))
        {
            // Every address, or the languages texts are resolved in, differ: nothing kept is right any more.
            // Other settings (the title, the description) are not in what is resolved.
            _records.Clear();
            _documents.Clear();
            _dependents.Clear();
        }

        var affected = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var gone = new List<object>();
        Compare(_events, events, Dependency.Event, affected, gone);
        Compare(_sources, sources, Dependency.Source, affected, gone);
        Compare(_entities, entities, Dependency.Entity, affected, gone);
        foreach (var owner in gone)
        {
            Forget(owner);
        }

        (_site, _sources, _events, _entities) = (site, sources, events, entities);
        return new Round(this, site, sources, events, affected);
    }

    /// <summary>Notes the records that point at what changed between the last round and this one, and the records that went.</summary>
    private void Compare<T>(
        IReadOnlyDictionary<string, T> before,
        IReadOnlyDictionary<string, T> now,
        Func<string, Dependency> dependency,
        HashSet<object> affected,
        List<object> gone)
        where T : class
    {
        void Changed(string id)
        {
            if (_dependents.TryGetValue(dependency(id), out var owners))
            {
                affected.UnionWith(owners);
            }
        }

        var added = false;
        foreach (var (id, record) in now)
        {
            if (!before.TryGetValue(id, out var old))
            {
                added = true;
                Changed(id);
            }
            else if (!ReferenceEquals(old, record))
            {
                gone.Add(old);
                Changed(id);
            }
        }

        // With nothing added, the same number of ids means the same ids.
        if (added || before.Count != now.Count)
        {
            foreach (var (id, old) in before)
            {
                if (!now.ContainsKey(id))
                {
                    gone.Add(old);
                    Changed(id);
                }
            }
        }
    }

    /// <summary>Drops what was kept for a record that changed or went, and for its translations.</summary>
    private void Forget(object owner)
    {
        foreach (var one in Owners(owner))
        {
            _documents.Remove(one);
        }

        ForgetRecord(owner);
    }

    /// <summary>Drops a resolved record, keeping its documents: they are checked on their own when next asked for.</summary>
    private void ForgetRecord(object owner)
    {
        if (_records.Remove(owner, out var entry))
        {
            foreach (var dependency in entry.Dependencies)
            {
                if (_dependents.TryGetValue(dependency, out var set))
                {
                    set.Remove(owner);
                }
            }
        }
    }

    // The owners of a record's documents: the record, and each of its translations.
    private static object[] Owners(object owner) => owner switch
    {
        TimelineEvent e => [e, .. e.Translations.Values],
        Entity e => [e, .. e.Translations.Values],
        _ => [owner],
    };

    /// <summary>
    /// One resolve. Its lookups only read the cache and what it makes is queued, so that records can be resolved in
    /// parallel; <see cref="Finish"/> stores it.
    /// </summary>
    public sealed class Round
    {
        private readonly ResolveCache _cache;
        private readonly SiteSettings _site;
        private readonly IReadOnlyDictionary<string, Source> _sources;
        private readonly IReadOnlyDictionary<string, TimelineEvent> _events;
        private readonly HashSet<object> _affected;
        private readonly ConcurrentQueue<(object Owner, RecordEntry? Entry)> _records = new();
        private readonly ConcurrentQueue<(object Owner, DocumentEntry Entry)> _documents = new();

        internal Round(ResolveCache cache, SiteSettings site, IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, TimelineEvent> events, HashSet<object> affected)
        {
            _cache = cache;
            _site = site;
            _sources = sources;
            _events = events;
            _affected = affected;
        }

        /// <summary>
        /// The resolved form of <paramref name="owner"/>: the last one when nothing it points at changed, or when what
        /// changed leaves it as it was (its documents still valid, and <paramref name="stillValid"/>), else a new one.
        /// </summary>
        /// <param name="documents">The record's rendered texts, each with its language (null for the site's own).</param>
        /// <param name="pointsAt">What else the record depends on besides its documents' sources and event links.</param>
        public T Record<T>(
            object owner,
            DiagnosticBag diagnostics,
            Func<DiagnosticBag, T> resolve,
            Func<T, IEnumerable<(RenderedDocument Document, string? Language)>> documents,
            Func<T, IEnumerable<Dependency>> pointsAt,
            Func<T, bool> stillValid)
            where T : class
        {
            if (_cache._records.TryGetValue(owner, out var entry))
            {
                if ((_affected.Count == 0 || !_affected.Contains(owner)) || (AllValid(entry.Documents) && stillValid((T)entry.Value)))
                {
                    for (var i = 0; i < entry.Diagnostics.Count; i++)
                    {
                        diagnostics.Add(entry.Diagnostics[i]);
                    }

                    return (T)entry.Value;
                }
            }

            var own = new DiagnosticBag();
            var value = resolve(own);
            var found = own.Sorted();
            foreach (var diagnostic in found)
            {
                diagnostics.Add(diagnostic);
            }

            if (found.All(d => d.Severity != Severity.Error))
            {
                var made = documents(value).Select(d => Entry(d.Document, d.Language)).ToArray();
                var dependencies = made
                    .SelectMany(d => d.Document.Notes.Select(n => Dependency.Source(n.Source.Id)).Concat(d.Document.LinkedEventIds.Select(Dependency.Event)))
                    .Concat(pointsAt(value))
                    .Distinct()
                    .ToArray();
                _records.Enqueue((owner, new RecordEntry(value, made, found, dependencies)));
            }
            else if (entry is not null)
            {
                // It was right before and is wrong now: it must not be taken as unchanged next time.
                _records.Enqueue((owner, null));
            }

            return value;
        }

        /// <summary>Markdown rendered for <paramref name="owner"/> (a record, or one of its translations), used again while still valid.</summary>
        public RenderedDocument Document(object owner, string? language, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedDocument> resolve)
        {
            if (_cache._documents.TryGetValue(owner, out var entry) && Valid(entry))
            {
                return entry.Document;
            }

            var own = new DiagnosticBag();
            var document = resolve(own);
            var found = own.Sorted();
            foreach (var diagnostic in found)
            {
                diagnostics.Add(diagnostic);
            }

            if (found.Count == 0)
            {
                _documents.Enqueue((owner, Entry(document, language)));
            }

            return document;
        }

        /// <summary>Stores what this round made.</summary>
        public void Finish()
        {
            foreach (var (owner, entry) in _records)
            {
                _cache.ForgetRecord(owner);
                if (entry is not null)
                {
                    _cache._records[owner] = entry;
                    foreach (var dependency in entry.Dependencies)
                    {
                        if (!_cache._dependents.TryGetValue(dependency, out var set))
                        {
                            _cache._dependents[dependency] = set = new HashSet<object>(ReferenceEqualityComparer.Instance);
                        }

                        set.Add(owner);
                    }
                }
            }

            foreach (var (owner, entry) in _documents)
            {
                _cache._documents[owner] = entry;
            }
        }

        private DocumentEntry Entry(RenderedDocument document, string? language) =>
            new(document, language, document.LinkedEventIds.Select(id => DocumentResolver.LinkTitle(_events[id], language)).ToArray());

        private bool AllValid(DocumentEntry[] documents)
        {
            foreach (var document in documents)
            {
                if (!Valid(document))
                {
                    return false;
                }
            }

            return true;
        }

        private bool Valid(DocumentEntry entry)
        {
            var document = entry.Document;
            foreach (var note in document.Notes)
            {
                if (!_sources.TryGetValue(note.Source.Id, out var now) || !now.Equals(note.Source))
                {
                    return false;
                }
            }

            for (var i = 0; i < entry.LinkedTitles.Length; i++)
            {
                if (!_events.TryGetValue(document.LinkedEventIds[i], out var now) || DocumentResolver.LinkTitle(now, entry.Language) != entry.LinkedTitles[i])
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed record RecordEntry(object Value, DocumentEntry[] Documents, IReadOnlyList<Diagnostic> Diagnostics, Dependency[] Dependencies);

    /// <summary>A rendered document, with the titles (in its language) of the events it links to when it was rendered.</summary>
    private sealed record DocumentEntry(RenderedDocument Document, string? Language, string[] LinkedTitles);
}
