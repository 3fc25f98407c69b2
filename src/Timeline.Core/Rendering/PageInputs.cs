using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Timeline.Model;
using Timeline.Views;

namespace Timeline.Rendering;

/// <summary>
/// The keys of the files made from one event (its page, its embed card, its two citation files), made from the records
/// they show instead of from their finished views, so that an unchanged event's files are taken from the last build
/// without building their views at all (at 10,000 events, serializing every page's views for its key cost more than
/// rendering them). An event's files show:
/// <list type="bullet">
/// <item>the event as resolved: its record and translations, its rendered body with its notes' sources, its people,
/// organisations and places (all of it hashed, see <see cref="Record"/>);</item>
/// <item>what a list shows of other events (<see cref="Summary"/>): the previous and the next one, those it relates to
/// and those that relate or link to it, in time order;</item>
/// <item>the site's settings, tags and eras, the language's site view (navigation, years), and the salt of
/// <see cref="PageCache"/> (theme, strings, build settings, the generator's code).</item>
/// </list>
/// Whatever else a page might read is a miss here; the rebuild property test (every rebuild after random edits must
/// be a clean build's bytes) is what keeps this list whole.
/// </summary>
internal sealed class PageInputs
{
    private static readonly JsonSerializerOptions Json = new() { MaxDepth = 256, TypeInfoResolver = KeyJson.Default, Converters = { new InOrder() } };

    // An event's record with each source and entity it points at written as that record's hash, each made once per
    // build: a source is cited by many events, and serializing it in every note was most of the time keys took.
    private readonly JsonSerializerOptions _events;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, string> _shared = new(ReferenceEqualityComparer.Instance);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, string> _resolved = new(ReferenceEqualityComparer.Instance);

    private readonly ResolvedSite _site;
    private readonly SiteIndex _index;
    private readonly byte[] _common;

    // Made when first needed and then kept: pages are keyed in parallel (a race hashes twice, harmlessly).
    private readonly byte[]?[] _records;
    private readonly byte[]?[] _summaries;
    private readonly byte[]?[] _shown;

    // The entities and content pages whose text cites each source, in any language, in the site's order.
    private readonly Lazy<ILookup<string, object>> _citingOthers;

    public PageInputs(ResolvedSite site, SiteIndex index, ReadOnlySpan<byte> salt)
    {
        _site = site;
        _index = index;
        _records = new byte[]?[site.Events.Count];
        _summaries = new byte[]?[site.Events.Count];
        _shown = new byte[]?[site.Events.Count];
        _citingOthers = new(() => CitingOthers(site));
        var records = new JsonSerializerOptions(Json) { Converters = { new ByHash<Source>(this), new ByHash<Entity>(this) } };
        _events = new JsonSerializerOptions(records) { Converters = { new DocumentByDigest(this, records), new EventByDigest(records) } };
        using var common = HashInput.Start();
        _common = common.Add(salt).Add(JsonSerializer.SerializeToUtf8Bytes(new Everywhere(site.Site, site.Tags, site.Eras), TypeInfo<Everywhere>(Json))).Hash();
    }

    /// <summary>
    /// Hashes what every event's files show, on every core, before pages are rendered: the feed and the data files,
    /// which are rendered first, need every event's key at once, and one thread hashing them all held up the render.
    /// </summary>
    public void Prepare()
    {
        // Asked for every event at once, the first lookups would each look through all the events before the index is made.
        _index.IndexReferences();
        Parallel.For(0, _site.Events.Count, position => Shown(position));
    }

    /// <summary>The key of one file of the event at <paramref name="position"/>: <paramref name="file"/> names which, in a language with its site view's hash.</summary>
    public string Key(int position, string file, string language, string siteHash) =>
        KeyOf($"{file}\n{language}\n{siteHash}\n", hash => hash.Add(Shown(position)));

    /// <summary>
    /// The key of an event's part of a file made of one part per event (the feed, events.json, timelinejs.json; see
    /// <see cref="Output.FileParts"/>) in a language: the event as resolved, all of it, and what every key starts from.
    /// </summary>
    public string EventPart(int position, string file, string language) =>
        KeyOf($"part\n{file}\n{language}\n", hash => hash.Add(Record(position)));

    /// <summary>
    /// The key of a source's part of sources.json in a language: the source (number <paramref name="index"/> in the
    /// site's list), all of it, and what a list shows of each event that cites it.
    /// </summary>
    public string SourcePart(int index, string file, string language)
    {
        var source = _site.Sources[index];
        return KeyOf($"part\n{file}\n{language}\n{HashOf(source)}\n", hash => Citing(hash, source));
    }

    /// <summary>
    /// The key of a page that shows every event as a list shows one, in time order (the index, with its overview, eras
    /// and years): what a list shows of each event, the language's site view and what every key starts from. Keyed by
    /// its views instead, the index of 10,000 events took half a second to serialize before it was known unchanged.
    /// </summary>
    public string EveryEvent(string template, string language, string siteHash) =>
        KeyOf($"every event\n{template}\n{language}\n{siteHash}\n", hash =>
        {
            for (var position = 0; position < _site.Events.Count; position++)
            {
                Other(hash, position);
            }
        });

    /// <summary>
    /// The key of the page that lists every source with the events that cite it (the bibliography): each source, all of
    /// it, and what a list shows of each event citing it.
    /// </summary>
    public string EverySource(string template, string language, string siteHash) =>
        KeyOf($"every source\n{template}\n{language}\n{siteHash}\n", hash =>
        {
            foreach (var source in _site.Sources)
            {
                hash.Add(HashOf(source)).Add("\n"u8);
                Citing(hash, source);
                hash.Add("|"u8);
            }
        });

    /// <summary>
    /// The key of a source's own page (the source number <paramref name="index"/> in the site's list): the source, all
    /// of it; each event citing it, all of it (the page quotes the sentence around each of its markers); and each
    /// entity and content page whose text cites it in any language, all of it. Keyed by its views instead, the source
    /// pages of 10,000 events were the longest part of rendering after a title edit, to learn most were unchanged.
    /// </summary>
    public string SourcePage(int index, string template, string language, string siteHash)
    {
        var source = _site.Sources[index];
        return KeyOf($"source page\n{template}\n{language}\n{siteHash}\n{HashOf(source)}\n", hash =>
        {
            foreach (var position in _index.Citing(source.Id))
            {
                hash.Add(_site.Events[position].Id).Add("\n"u8).Add(Record(position));
            }

            hash.Add("|"u8);
            foreach (var other in _citingOthers.Value[source.Id])
            {
                hash.Add(Resolved(other)).Add("\n"u8);
            }
        });
    }

    /// <summary>
    /// The key of an entity's page (the entity number <paramref name="index"/> in the site's list): the entity, all of
    /// it, and what a list shows of each event involving it.
    /// </summary>
    public string EntityPage(int index, string template, string language, string siteHash)
    {
        var entity = _site.Entities[index];
        return KeyOf($"entity page\n{template}\n{language}\n{siteHash}\n{Resolved(entity)}\n", hash =>
        {
            foreach (var position in _index.Involving(entity.Entity.Id))
            {
                Other(hash, position);
            }
        });
    }

    /// <summary>
    /// The key of the page of changes (every event's publication, update and corrections, newest first): those dates
    /// and corrections of each event that has any, and what a list shows of it.
    /// </summary>
    public string Changes(string template, string language, string siteHash) =>
        KeyOf($"changes\n{template}\n{language}\n{siteHash}\n", hash =>
        {
            for (var position = 0; position < _site.Events.Count; position++)
            {
                var dates = _site.Events[position].Event.Dates;
                if (dates.Published is not null || dates.Updated is not null || dates.Corrections.Count > 0)
                {
                    Other(hash, position);
                    hash.Add(Hash(dates, Json));
                }
            }
        });

    /// <summary>The key of a year's page: what a list shows of each event of the year (months come from their dates).</summary>
    public string YearPage(int year, string template, string language, string siteHash) =>
        EventList($"year {year}", _index.Years.FirstOrDefault(y => y.Year == year).Positions ?? [], template, language, siteHash);

    /// <summary>The key of a tag's page: what a list shows of each event carrying the tag (its name is in the site's tags).</summary>
    public string TagPage(string tag, string template, string language, string siteHash) =>
        EventList($"tag {tag.Length}:{tag}", _index.Tags.GetValueOrDefault(tag) ?? [], template, language, siteHash);

    // A page listing some events as a list shows them, in time order.
    private string EventList(string name, IReadOnlyList<int> positions, string template, string language, string siteHash) =>
        KeyOf($"event list\n{name}\n{template}\n{language}\n{siteHash}\n", hash =>
        {
            foreach (var position in positions)
            {
                Other(hash, position);
            }
        });

    // A key: what every key starts from, what names the file or page (and its language), then what it shows.
    private string KeyOf(string header, Action<HashInput> shown)
    {
        using var hash = HashInput.Start();
        hash.Add(_common).Add(header);
        shown(hash);
        return hash.Hex();
    }

    // What a list shows of each event citing a source.
    private void Citing(HashInput hash, Source source)
    {
        foreach (var position in _index.Citing(source.Id))
        {
            Other(hash, position);
        }
    }

    /// <summary>What any of an event's files shows, in any language: made once per event, as its four files in each language share it.</summary>
    private byte[] Shown(int position)
    {
        if (_shown[position] is { } known)
        {
            return known;
        }

        using var hash = HashInput.Start();
        hash.Add(Record(position));
        Other(hash, position - 1);
        Other(hash, position + 1);

        var e = _site.Events[position];
        var positions = _index.Positions;
        foreach (var list in new[] { e.RelatedIds, _index.ReferencingIds(e.Id) })
        {
            hash.Add("|"u8);
            foreach (var other in list.Select(id => positions[id]).Order())
            {
                Other(hash, other);
            }
        }

        return _shown[position] = hash.Hash();
    }

    private static ILookup<string, object> CitingOthers(ResolvedSite site)
    {
        static IEnumerable<string> Cited(IEnumerable<RenderedDocument> texts) => texts.SelectMany(t => t.Notes).Select(n => n.Source.Id).Distinct(StringComparer.Ordinal);

        var entities = site.Entities.SelectMany(x => Cited([x.Summary, .. x.TranslatedSummaries.Values]).Select(id => (Id: id, Record: (object)x)));
        var pages = site.Pages.SelectMany(p => Cited([p.Body, .. p.TranslatedBodies.Values]).Select(id => (Id: id, Record: (object)p)));
        return entities.Concat(pages).ToLookup(c => c.Id, c => c.Record, StringComparer.Ordinal);
    }

    private void Other(HashInput hash, int position)
    {
        if (position < 0 || position >= _site.Events.Count)
        {
            hash.Add("-"u8);
            return;
        }

        hash.Add(_site.Events[position].Id).Add("\n"u8).Add(Summary(position));
    }

    /// <summary>The event as resolved, all of it, in every language.</summary>
    private byte[] Record(int position) =>
        _records[position] ??= Hash(_site.Events[position], _events);

    /// <summary>
    /// The key hash (<see cref="HashInput.Of"/>) of a value's JSON, written into a buffer each thread reuses: 10,000
    /// events' records made as arrays of their own were a hundred megabytes of garbage a build.
    /// </summary>
    private static byte[] Hash<T>(T value, JsonSerializerOptions options)
    {
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(json, value, TypeInfo<T>(options));
        }

        var hash = HashInput.Of(buffer.WrittenSpan);
        if (buffer.Capacity > 1 << 22)
        {
            t_buffer = null;
        }

        return hash;
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    /// <summary>How <paramref name="options"/> serialize a <typeparamref name="T"/>: from <see cref="KeyJson"/>, with the options' converters.</summary>
    private static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    /// <summary>
    /// An entity or a content page as resolved, all of it, its texts written as their digests and their notes' sources
    /// as those records' hashes (as an event's record is): made once per record.
    /// </summary>
    private string Resolved(object record) =>
        _resolved.GetOrAdd(record, static (r, inputs) => Convert.ToHexString(Hash(r, inputs._events)), this);

    private string HashOf(object record) =>
        _shared.GetOrAdd(record, static (r, type) => Convert.ToHexString(HashInput.Of(JsonSerializer.SerializeToUtf8Bytes(r, Json.GetTypeInfo(type)))), record.GetType());

    /// <summary>Writes a record as the hash of all of it, made once per record.</summary>
    private sealed class ByHash<T>(PageInputs inputs) : JsonConverter<T>
        where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(inputs.HashOf(value));
    }

    /// <summary>
    /// Writes a rendered text as the digest of what it was made from and the hash of each of its notes' sources, when
    /// the build's cache knows it (see <see cref="Digests"/>), else whole: its HTML then need not be read, nor made
    /// into a string, for an event whose pages are taken unchanged.
    /// </summary>
    private sealed class DocumentByDigest(PageInputs inputs, JsonSerializerOptions whole) : JsonConverter<RenderedDocument>
    {
        public override RenderedDocument Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, RenderedDocument value, JsonSerializerOptions options)
        {
            if (Digests.Of(value) is not { } digest)
            {
                JsonSerializer.Serialize(writer, value, TypeInfo<RenderedDocument>(whole));
                return;
            }

            writer.WriteStartArray();
            writer.WriteBase64StringValue(digest);
            foreach (var note in value.Notes)
            {
                writer.WriteStringValue(inputs.HashOf(note.Source));
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Writes an event's record as the digest of what it was made from, when the build's cache knows it (see <see cref="Digests"/>), else whole.</summary>
    private sealed class EventByDigest(JsonSerializerOptions whole) : JsonConverter<TimelineEvent>
    {
        public override TimelineEvent Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, TimelineEvent value, JsonSerializerOptions options)
        {
            if (Digests.Of(value) is { } digest)
            {
                writer.WriteBase64StringValue(digest);
            }
            else
            {
                JsonSerializer.Serialize(writer, value, TypeInfo<TimelineEvent>(whole));
            }
        }
    }

    /// <summary>What a list of events shows of one, in every language, and where it falls in time.</summary>
    private byte[] Summary(int position)
    {
        if (_summaries[position] is { } known)
        {
            return known;
        }

        var e = _site.Events[position].Event;
        var shown = new ListedEvent(
            e.Id,
            e.When,
            e.Order,
            e.Title,
            e.Summary,
            [.. e.Translations.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ListedTranslation(t.Key, t.Value.Title, t.Value.Summary))]);
        return _summaries[position] = Hash(shown, Json);
    }

    /// <summary>What every page shows: the site's settings, its tags and its eras.</summary>
    internal sealed record Everywhere(SiteSettings Site, IReadOnlyList<Tag> Tags, IReadOnlyList<Era> Eras);

    /// <summary>What a list shows of an event, in every language (see <see cref="Summary"/>).</summary>
    internal sealed record ListedEvent(string Id, Dates.DateSpan When, Dates.DateSpan Order, string Title, string Summary, IReadOnlyList<ListedTranslation> Translations);

    /// <summary>What a list shows of an event in one of its translations.</summary>
    internal sealed record ListedTranslation(string Language, string Title, string Summary);

    /// <summary>
    /// Dictionaries by key and sets of strings in ordinal order: a hash set's order changes from one process to the
    /// next (strings' hash codes are randomized), which would make every key new on every build.
    /// </summary>
    private sealed class InOrder : JsonConverterFactory
    {
        public override bool CanConvert(Type type) =>
            type == typeof(IReadOnlySet<string>)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && type.GetGenericArguments()[0] == typeof(string));

        public override JsonConverter CreateConverter(Type type, JsonSerializerOptions options) =>
            type == typeof(IReadOnlySet<string>) ? new StringSet()
            : Dictionaries.TryGetValue(type.GetGenericArguments()[1], out var make) ? make()
            : throw new NotSupportedException($"A key hashes {type}: add its values' type to PageInputs.InOrder.Dictionaries.");

        /// <summary>
        /// A converter for each kind of dictionary the records hold, named here rather than made by reflection, which
        /// a program compiled ahead of time cannot do for every type.
        /// </summary>
        private static readonly IReadOnlyDictionary<Type, Func<JsonConverter>> Dictionaries = new Dictionary<Type, Func<JsonConverter>>
        {
            [typeof(string)] = () => new Dictionary<string>(),
            [typeof(int)] = () => new Dictionary<int>(),
            [typeof(RenderedDocument)] = () => new Dictionary<RenderedDocument>(),
            [typeof(SiteTranslation)] = () => new Dictionary<SiteTranslation>(),
            [typeof(EventTranslation)] = () => new Dictionary<EventTranslation>(),
            [typeof(SourceTranslation)] = () => new Dictionary<SourceTranslation>(),
            [typeof(EntityTranslation)] = () => new Dictionary<EntityTranslation>(),
            [typeof(PageTranslation)] = () => new Dictionary<PageTranslation>(),
            [typeof(TagTranslation)] = () => new Dictionary<TagTranslation>(),
            [typeof(EraTranslation)] = () => new Dictionary<EraTranslation>(),
        };

        private sealed class StringSet : JsonConverter<IReadOnlySet<string>>
        {
            public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();

            public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options)
            {
                writer.WriteStartArray();
                foreach (var item in value.Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
            }
        }

        private sealed class Dictionary<T> : JsonConverter<IReadOnlyDictionary<string, T>>
        {
            public override IReadOnlyDictionary<string, T> Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => throw new NotSupportedException();

            public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> value, JsonSerializerOptions options)
            {
                writer.WriteStartObject();
                foreach (var (key, item) in value.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    JsonSerializer.Serialize(writer, item, TypeInfo<T>(options));
                }

                writer.WriteEndObject();
            }
        }
    }
}
