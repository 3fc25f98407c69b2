using System.Collections.Concurrent;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Process;

/// <summary>
/// Rendered Markdown kept between the rebuilds of `timeline serve`, so that editing one event renders one event.
/// An entry belongs to one record object (a file that did not change keeps its record) and is used again only
/// while every source it cites and the title of every event it links to are what they were. Documents with
/// errors are never kept, so their errors are reported on every rebuild.
/// </summary>
public sealed class DocumentCache
{
    private ConcurrentDictionary<object, Entry> _entries = new(ReferenceEqualityComparer.Instance);
    private ConcurrentDictionary<object, Entry> _used = new(ReferenceEqualityComparer.Instance);

    public RenderedDocument Resolve(
        object owner,
        MarkdownText text,
        IReadOnlyList<Reference> entrySources,
        string path,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events,
        SiteUrls urls,
        DiagnosticBag diagnostics)
    {
        if (_entries.TryGetValue(owner, out var entry) && entry.StillValid(sources, events, urls))
        {
            _used[owner] = entry;
            return entry.Document;
        }

        var own = new DiagnosticBag();
        var document = new DocumentResolver(sources, events, urls, own).Resolve(text, entrySources, path);
        var found = own.Sorted();
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        if (found.Count == 0)
        {
            var titles = document.LinkedEventIds.Select(id => (id, events[id].Title)).ToList();
            _used[owner] = new Entry(document, urls.BasePath, titles);
        }

        return document;
    }

    /// <summary>Forgets the documents of records that the last resolve did not ask for: they were edited or deleted.</summary>
    public void Sweep()
    {
        _entries = _used;
        _used = new ConcurrentDictionary<object, Entry>(ReferenceEqualityComparer.Instance);
    }

    private sealed record Entry(RenderedDocument Document, string BasePath, IReadOnlyList<(string Id, string Title)> LinkedTitles)
    {
        public bool StillValid(IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, TimelineEvent> events, SiteUrls urls) =>
            BasePath == urls.BasePath
            && Document.Notes.All(n => sources.TryGetValue(n.Source.Id, out var now) && now.Equals(n.Source))
            && LinkedTitles.All(l => events.TryGetValue(l.Id, out var now) && now.Title == l.Title);
    }
}
