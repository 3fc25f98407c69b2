using System.Collections.Concurrent;
using Timeline.Diagnostics;
using Timeline.Model;

namespace Timeline.Process;

/// <summary>
/// What the last resolve made, kept between the rebuilds of `timeline serve` so that editing one event resolves
/// one event (and those whose links show its title) instead of the whole site. Two levels: a resolved record (an
/// event or an entity, with the warnings it gave) is used again while its record object is the same (a file that
/// did not change keeps its records), the site settings are the same, and everything it points at is what it was;
/// when only what it points at changed (an entity renamed), its rendered Markdown is still used again while its
/// sources and the titles of the events it links to are unchanged. Anything that gave an error is never kept, so
/// its errors are reported on every rebuild. Not thread-safe between rounds; one round is.
/// </summary>
public sealed class ResolveCache
{
    private readonly Dictionary<object, RecordEntry> _records = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, DocumentEntry> _documents = new(ReferenceEqualityComparer.Instance);
    private int _round;

    /// <summary>Starts one resolve of the whole site; <see cref="Round.Finish"/> then forgets what it did not ask for.</summary>
    public Round Start(SiteSettings site, IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, TimelineEvent> events) =>
        new(this, ++_round, site, sources, events);

    /// <summary>
    /// One resolve. Its lookups only read the cache (entries used are stamped with the round), and what it makes
    /// is queued, so that records can be resolved in parallel; <see cref="Finish"/> stores and sweeps.
    /// </summary>
    public sealed class Round(ResolveCache cache, int number, SiteSettings site, IReadOnlyDictionary<string, Source> sources, IReadOnlyDictionary<string, TimelineEvent> events)
    {
        private readonly ConcurrentQueue<(object Owner, RecordEntry Entry)> _newRecords = new();
        private readonly ConcurrentQueue<(object Owner, DocumentEntry Entry)> _newDocuments = new();

        /// <summary>
        /// The resolved form of <paramref name="owner"/>: the last one while every document in it is still valid and
        /// <paramref name="stillValid"/> says what else it points at is unchanged, else a new one from <paramref name="resolve"/>.
        /// </summary>
        public T Record<T>(
            object owner,
            DiagnosticBag diagnostics,
            Func<DiagnosticBag, T> resolve,
            Func<T, IEnumerable<(RenderedDocument Document, string? Language)>> documents,
            Func<T, bool> stillValid)
            where T : class
        {
            if (cache._records.TryGetValue(owner, out var entry) && ReferenceEquals(entry.Site, site) && AllValid(entry.Documents) && stillValid((T)entry.Value))
            {
                foreach (var diagnostic in entry.Diagnostics)
                {
                    diagnostics.Add(diagnostic);
                }

                entry.Round = number;
                foreach (var document in entry.DocumentOwners)
                {
                    if (cache._documents.TryGetValue(document, out var kept))
                    {
                        kept.Round = number;
                    }
                }

                return (T)entry.Value;
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
                _newRecords.Enqueue((owner, new RecordEntry(value, site, made, found, Owners(owner)) { Round = number }));
            }

            return value;
        }

        /// <summary>Markdown rendered for <paramref name="owner"/> (a record, or one of its translations), used again while still valid.</summary>
        public RenderedDocument Document(object owner, string? language, DiagnosticBag diagnostics, Func<DiagnosticBag, RenderedDocument> resolve)
        {
            if (cache._documents.TryGetValue(owner, out var entry) && ReferenceEquals(entry.Site, site) && Valid(entry))
            {
                entry.Round = number;
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
                _newDocuments.Enqueue((owner, Entry(document, language) with { Round = number }));
            }

            return document;
        }

        /// <summary>Stores what this round made and forgets what it did not ask for: records edited or deleted.</summary>
        public void Finish()
        {
            foreach (var (owner, entry) in _newRecords)
            {
                cache._records[owner] = entry;
            }

            foreach (var (owner, entry) in _newDocuments)
            {
                cache._documents[owner] = entry;
            }

            Sweep(cache._records, e => e.Round);
            Sweep(cache._documents, e => e.Round);
        }

        private void Sweep<T>(Dictionary<object, T> entries, Func<T, int> round)
        {
            foreach (var (owner, entry) in entries)
            {
                if (round(entry) != number)
                {
                    entries.Remove(owner);
                }
            }
        }

        private DocumentEntry Entry(RenderedDocument document, string? language) =>
            new(document, language, site, document.LinkedEventIds.Select(id => Title(events[id], language)).ToArray());

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
                if (!sources.TryGetValue(note.Source.Id, out var now) || !now.Equals(note.Source))
                {
                    return false;
                }
            }

            for (var i = 0; i < entry.LinkedTitles.Length; i++)
            {
                if (!events.TryGetValue(document.LinkedEventIds[i], out var now) || Title(now, entry.Language) != entry.LinkedTitles[i])
                {
                    return false;
                }
            }

            return true;
        }

        // The owners of a record's documents, so that a record used again keeps its documents too.
        private static object[] Owners(object owner) => owner switch
        {
            TimelineEvent e => [e, .. e.Translations.Values],
            Entity e => [e, .. e.Translations.Values],
            _ => [owner],
        };

        private static string Title(TimelineEvent e, string? language) =>
            language is not null && e.Translations.TryGetValue(language, out var translation) ? translation.Title : e.Title;
    }

    private sealed record RecordEntry(object Value, SiteSettings Site, DocumentEntry[] Documents, IReadOnlyList<Diagnostic> Diagnostics, object[] DocumentOwners)
    {
        /// <summary>The last round that used this entry (rounds resolve in parallel, and they all write the same number).</summary>
        public int Round { get; set; }
    }

    /// <summary>A rendered document, with the titles (in its language) of the events it links to when it was rendered.</summary>
    private sealed record DocumentEntry(RenderedDocument Document, string? Language, SiteSettings Site, string[] LinkedTitles)
    {
        public int Round { get; set; }
    }
}
