using Timeline.Model;

namespace Timeline.Views;

/// <summary>
/// How the site's events are linked to each other and to sources, entities, years and tags, by their positions in
/// the timeline. A translation changes words, not links, so this is the same in every language: one index serves
/// every language's <see cref="ViewBuilder"/>. Each part is made when a page first needs it (a build needs them all;
/// `timeline serve`, after an edit, only those of the pages asked for). Lazy: pages are rendered in parallel.
/// </summary>
internal sealed class SiteIndex
{
    private const int LookupsBeforeIndex = 32;

    private readonly ResolvedSite _site;
    private readonly Lazy<Dictionary<string, List<string>>> _referencedBy;
    private readonly Lazy<Dictionary<string, List<int>>> _citing;
    private readonly Lazy<Dictionary<string, List<int>>> _involving;
    private readonly Lazy<List<(int Year, List<int> Positions)>> _years;
    private readonly Lazy<SortedDictionary<string, List<int>>> _tags;
    private int _referenceLookups;

    public SiteIndex(ResolvedSite site)
    {
        _site = site;
        var positions = new Dictionary<string, int>(site.Events.Count, StringComparer.Ordinal);
        for (var i = 0; i < site.Events.Count; i++)
        {
            positions[site.Events[i].Id] = i;
        }

        Positions = positions;
        _referencedBy = new(ReferencedBy);
        _citing = new(Citing);
        _involving = new(Involving);
        _years = new(YearIndex);
        _tags = new(TagIndexes);
    }

    /// <summary>Each event's position in the timeline, by id.</summary>
    public IReadOnlyDictionary<string, int> Positions { get; }

    /// <summary>The years in the order their first events come, each with its events' positions.</summary>
    public IReadOnlyList<(int Year, List<int> Positions)> Years => _years.Value;

    /// <summary>Each tag with its events' positions (an event listed once per time it carries the tag).</summary>
    public SortedDictionary<string, List<int>> Tags => _tags.Value;

    /// <summary>The positions of the events that cite a source.</summary>
    public IReadOnlyList<int> Citing(string sourceId) => _citing.Value.GetValueOrDefault(sourceId, []);

    /// <summary>The positions of the events that name an entity among their people, organisations or places.</summary>
    public IReadOnlyList<int> Involving(string entityId) => _involving.Value.GetValueOrDefault(entityId, []);

    /// <summary>Indexes every event's references now, for a caller about to ask for all of them (a build keying every page).</summary>
    public void IndexReferences() => _ = _referencedBy.Value;

    /// <summary>
    /// The ids of the events that reference an event. For the first few pages asked for (serve, after an edit) the
    /// events are looked through for this one id, which costs a small part of indexing them all; after that (a build,
    /// serve's full check) they are indexed once.
    /// </summary>
    public IReadOnlyList<string> ReferencingIds(string id)
    {
        if (_referencedBy.IsValueCreated || Interlocked.Increment(ref _referenceLookups) > LookupsBeforeIndex)
        {
            return _referencedBy.Value.GetValueOrDefault(id, []);
        }

        var ids = new List<string>();
        foreach (var e in _site.Events)
        {
            if (e.Id != id && (Contains(e.RelatedIds, id) || Contains(e.Body.LinkedEventIds, id)))
            {
                ids.Add(e.Id);
            }
        }

        return ids;

        static bool Contains(IReadOnlyList<string> ids, string id)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] == id)
                {
                    return true;
                }
            }

            return false;
        }
    }

    // The indexes, in plain loops: they run over every event of the site.

    /// <summary>An event is referenced by another when that one lists it in 'related' or links to it in its body.</summary>
    private Dictionary<string, List<string>> ReferencedBy()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var e in _site.Events)
        {
            // Add keeps one entry per event and target: ids are unique, so a repeat can only be the list's last item.
            foreach (var target in e.RelatedIds)
            {
                if (target != e.Id)
                {
                    Add(index, target, e.Id);
                }
            }

            foreach (var target in e.Body.LinkedEventIds)
            {
                if (target != e.Id)
                {
                    Add(index, target, e.Id);
                }
            }
        }

        return index;
    }

    private Dictionary<string, List<int>> Citing()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _site.Events.Count; i++)
        {
            foreach (var sourceId in _site.Events[i].Body.CitedSourceIds)
            {
                Add(index, sourceId, i);
            }
        }

        return index;
    }

    private Dictionary<string, List<int>> Involving()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _site.Events.Count; i++)
        {
            var e = _site.Events[i];
            foreach (var entity in e.People)
            {
                Add(index, entity.Id, i);
            }

            foreach (var entity in e.Organisations)
            {
                Add(index, entity.Id, i);
            }

            foreach (var entity in e.Places)
            {
                Add(index, entity.Id, i);
            }
        }

        return index;
    }

    private List<(int Year, List<int> Positions)> YearIndex()
    {
        var years = new List<(int Year, List<int> Positions)>();
        var byYear = new Dictionary<int, List<int>>();
        for (var i = 0; i < _site.Events.Count; i++)
        {
            var year = _site.Events[i].Event.When.Start.Year;
            if (!byYear.TryGetValue(year, out var positions))
            {
                byYear[year] = positions = [];
                years.Add((year, positions));
            }

            positions.Add(i);
        }

        return years;
    }

    private SortedDictionary<string, List<int>> TagIndexes()
    {
        var tags = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _site.Events.Count; i++)
        {
            foreach (var tag in _site.Events[i].Event.Tags)
            {
                if (!tags.TryGetValue(tag, out var positions))
                {
                    tags[tag] = positions = [];
                }

                positions.Add(i);
            }
        }

        return new SortedDictionary<string, List<int>>(tags, StringComparer.Ordinal);
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        // One record adds each key once in a row, so only the last item can repeat it; Contains made this quadratic.
        if (list.Count == 0 || !EqualityComparer<T>.Default.Equals(list[^1], value))
        {
            list.Add(value);
        }
    }
}
