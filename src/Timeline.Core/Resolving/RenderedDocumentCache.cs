using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Resolving;

/// <summary>
/// Markdown as the last build rendered it, so that a build renders again only the texts that changed, or whose
/// linked events were renamed: rendering every event's body was most of the resolve step (0.7 s at 10,000 events).
/// An entry is keyed by a hash of everything the rendering reads of the text itself (the text and where it stands,
/// its language, the addresses of that language, the entry's own sources) and of the generator's code; what it reads
/// of other records is checked when it is taken: every source it cites must still exist, and every event it links to
/// must still exist with the title the link shows. Its notes then point at today's sources, so a source edited
/// since is shown as it is now. Only a text that rendered without a word of warning is kept, so a text with an
/// error is rendered, and reported, on every build. The record (documents.bin in the cache folder) is read only from
/// the build's own cache folder; one that does not read back whole is ignored: the cache only saves time.
/// </summary>
internal sealed class RenderedDocumentCache
{
    private const string FileName = "documents.bin";

    // Changes with the layout of an entry; the code's own version is in every key.
    private static readonly byte[] Layout = "timeline-documents-2\n"u8.ToArray();

    private readonly KeyedRecord _record;
    private int _reused;

    private RenderedDocumentCache(KeyedRecord record)
    {
        _record = record;
    }

    /// <summary>How many texts were taken rendered from the cache.</summary>
    public int Reused => _reused;

    /// <summary>The cache in <paramref name="cacheFolder"/>, with what the last build recorded there when the folder is the build's own.</summary>
    public static RenderedDocumentCache Open(string cacheFolder) => new(KeyedRecord.Open(cacheFolder, FileName, Layout));

    /// <summary>
    /// The rendered form of <paramref name="text"/>: the last build's when it is still right, else made by
    /// <paramref name="render"/> into its own diagnostics, and kept for the next build when it reported nothing.
    /// </summary>
    public RenderedDocument Render(
        string? language,
        SiteUrls urls,
        MarkdownText text,
        IReadOnlyList<Reference> entrySources,
        string path,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events,
        DiagnosticBag diagnostics,
        Func<DiagnosticBag, RenderedDocument> render)
    {
        var key = Key(language, urls, text, entrySources, path);
        if (_record.TryGet(key, out var bytes) && Read(bytes, key, language, sources, events) is { } known)
        {
            _record.Use(key, bytes);
            Interlocked.Increment(ref _reused);
            return known;
        }

        var own = new DiagnosticBag();
        var document = render(own);
        var found = own.Sorted();
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        if (found.Count > 0)
        {
            return document;
        }

        var titles = document.LinkedEventIds.Select(id => DocumentResolver.LinkTitle(events[id], language)).ToList();
        _record.Keep(key, Write(document, titles));
        return Digests.Remember(document, Digest(key, titles));
    }

    /// <summary>Starts replacing the record with what this build rendered or found, when that differs from what was read (see <see cref="Flush"/>).</summary>
    public void Save() => _record.Save();

    /// <summary>Waits for the record <see cref="Save"/> is writing, and puts it in place.</summary>
    public void Flush() => _record.Flush();

    private string Key(string? language, SiteUrls urls, MarkdownText text, IReadOnlyList<Reference> entrySources, string path)
    {
        using var hash = HashInput.Start();
        hash.Add(KeyedRecord.Salt);
        var header = new StringBuilder()
            .Append(language).Append('\n')
            .Append(urls.BasePath).Append('\n')
            .Append(path).Append('\n')
            .Append(text.FirstLine).Append(' ').Append(text.Indent).Append(' ').Append(text.LinesExact).Append('\n');
        foreach (var source in entrySources)
        {
            header.Append(source.Id).Append(' ');
        }

        header.Append('\n').Append(text.Text.Length).Append('\n');
        hash.Add(header.ToString());

        // The text as its UTF-16 code units, not encoded again.
        return hash.Add(MemoryMarshal.AsBytes(text.Text.AsSpan())).Hex();
    }

    /// <summary>What a document was made from: its key and the titles its links show (its sources are hashed apart).</summary>
    private static byte[] Digest(string key, IReadOnlyList<string> titles)
    {
        using var hash = HashInput.Start();
        hash.Add(key);
        foreach (var title in titles)
        {
            hash.Add($"\n{title.Length}\n{title}");
        }

        return hash.Hash();
    }

    /// <summary>A document as bytes, with the title each event it links to had when it was rendered.</summary>
    private static byte[] Write(RenderedDocument document, IReadOnlyList<string> titles)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8))
        {
            writer.Write(document.Html);
            writer.Write(document.EntryMarkersHtml);
            writer.Write(document.CitationsWritten);
            writer.Write(document.Notes.Count);
            foreach (var note in document.Notes)
            {
                writer.Write(note.Number);
                writer.Write(note.Source.Id);
                WriteOptional(writer, note.Locator);
                writer.Write(note.RefIds.Count);
                for (var i = 0; i < note.RefIds.Count; i++)
                {
                    writer.Write(note.RefIds[i]);
                    WriteOptional(writer, i < note.Contexts.Count ? note.Contexts[i] : null);
                }
            }

            writer.Write(document.LinkedEventIds.Count);
            for (var i = 0; i < titles.Count; i++)
            {
                writer.Write(document.LinkedEventIds[i]);
                writer.Write(titles[i]);
            }

            WriteList(writer, document.CitedSourceIds);
            WriteList(writer, document.WrittenSourceIds.Order(StringComparer.Ordinal).ToList());
            writer.Write(document.InternalLinks.Count);
            foreach (var link in document.InternalLinks)
            {
                writer.Write(link.Href);
                writer.Write(link.Origin.Path);
                writer.Write(link.Origin.Position.Line);
                writer.Write(link.Origin.Position.Column);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A kept document with today's sources, or null when what it points at changed or it does not read back whole.</summary>
    private static RenderedDocument? Read(
        ReadOnlyMemory<byte> bytes,
        string key,
        string? language,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events)
    {
        var reader = new Reader(bytes.Span);
        var html = reader.Utf8();
        var entryMarkers = reader.String();
        var written = reader.Int();
        var notes = new Note[reader.Count()];
        for (var n = 0; n < notes.Length; n++)
        {
            var number = reader.Int();
            if (!sources.TryGetValue(reader.String(), out var source))
            {
                return null;
            }

            var locator = reader.Optional();
            var refIds = new string[reader.Count()];
            var contexts = new string?[refIds.Length];
            for (var i = 0; i < refIds.Length; i++)
            {
                refIds[i] = reader.String();
                contexts[i] = reader.Optional();
            }

            notes[n] = new Note(number, source, locator, refIds) { Contexts = contexts };
        }

        var linked = new string[reader.Count()];
        var titles = new string[linked.Length];
        for (var i = 0; i < linked.Length; i++)
        {
            linked[i] = reader.String();
            titles[i] = reader.String();
            if (!events.TryGetValue(linked[i], out var target) || DocumentResolver.LinkTitle(target, language) != titles[i])
            {
                return null;
            }
        }

        var cited = reader.List();
        var writtenIds = reader.List();
        if (!writtenIds.All(sources.ContainsKey))
        {
            return null;
        }

        var links = new WrittenLink[reader.Count()];
        for (var i = 0; i < links.Length; i++)
        {
            var href = reader.String();
            var path = reader.String();
            links[i] = new WrittenLink(href, new Origin(path, new SourcePosition(reader.Int(), reader.Int())));
        }

        // The HTML is made into a string only when first shown: bytes that are not UTF-8 are a damaged entry, found now.
        var utf8 = bytes.Slice(html.Start, html.Length);
        if (!reader.Whole || !Utf8.IsValid(utf8.Span))
        {
            return null;
        }

        var document = RenderedDocument.WithHtmlLater(utf8, entryMarkers, notes, linked, cited, written) with
        {
            WrittenSourceIds = writtenIds.ToHashSet(StringComparer.Ordinal),
            InternalLinks = links,
        };
        return Digests.Remember(document, Digest(key, titles));
    }

    /// <summary>
    /// Reads what <see cref="BinaryWriter"/> wrote, straight from the record's bytes: BinaryReader copies a long string
    /// 128 bytes at a time, which made reading 10,000 bodies back slower than rendering them. A value cut short reads
    /// as an empty one, and the entry as not whole.
    /// </summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;
        private bool _short;

        public readonly bool Whole => !_short && _at == _bytes.Length;

        private readonly ReadOnlySpan<byte> Rest => _bytes[_at..];

        public int Int()
        {
            if (Rest.Length < 4)
            {
                return Short(0);
            }

            var value = BinaryPrimitives.ReadInt32LittleEndian(Rest);
            _at += 4;
            return value;
        }

        /// <summary>A count of items, each of at least one byte: more than are left is a damaged entry.</summary>
        public int Count() => Int() is var count && count >= 0 && count <= Rest.Length ? count : Short(0);

        /// <summary>Where a string's UTF-8 bytes lie, not decoded.</summary>
        public Range Utf8()
        {
            // The length in UTF-8 bytes, seven bits a byte, lowest first (BinaryWriter's layout).
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (_at >= _bytes.Length || shift > 28)
                {
                    return Short(new Range(0, 0));
                }

                var part = _bytes[_at++];
                length |= (part & 0x7F) << shift;
                if ((part & 0x80) == 0)
                {
                    break;
                }
            }

            if (length < 0 || length > Rest.Length)
            {
                return Short(new Range(0, 0));
            }

            _at += length;
            return new Range(_at - length, length);
        }

        public string String() => Utf8() is var range ? Encoding.UTF8.GetString(_bytes.Slice(range.Start, range.Length)) : "";

        public string? Optional()
        {
            if (_at >= _bytes.Length)
            {
                return Short<string?>(null);
            }

            return _bytes[_at++] != 0 ? String() : null;
        }

        public string[] List()
        {
            var values = new string[Count()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = String();
            }

            return values;
        }

        private T Short<T>(T value)
        {
            _short = true;
            _at = _bytes.Length;
            return value;
        }
    }

    /// <summary>Where a value lies in an entry.</summary>
    private readonly record struct Range(int Start, int Length);

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }
}
