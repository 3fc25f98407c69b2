using System.Text;
using Timeline.Output;
using Timeline.Output.Search;

namespace Timeline.Rendering;

/// <summary>
/// What a build keeps of a page it wrote, so that the next build can take the page as it is without reading it: the
/// key it was made from, the file's stamp, and what the rest of the build learns from a page's bytes (its links and
/// ids for the link check, what the search index needs of it). Null parts are for files that are not pages. A file
/// made of parts (a feed, a data file) records where each of its parts lies instead (see <see cref="FileParts"/>).
/// </summary>
internal sealed record PageRecord(string Key, FileStamp Stamp, IReadOnlyList<string>? Links, HashSet<string>? Ids, PageRecord.SearchPart? Search)
{
    /// <summary>Where each part of a file made of parts lies in it; null for any other file.</summary>
    public IReadOnlyList<FilePart>? Parts { get; init; }

    /// <summary>A page's <see cref="SearchPage"/> without its path, which the record is kept under.</summary>
    public sealed record SearchPart(string Language, bool MarkedBody, byte[] Digest)
    {
        public static SearchPart Of(SearchPage page) => new(page.Language, page.MarkedBody, page.Digest);

        public SearchPage At(string path) => new(path, Language, MarkedBody, Digest);
    }

    /// <summary>Changes whenever the file's layout changes; a file of another layout is not read.</summary>
    private const string Layout = "timeline-pages-4";

    /// <summary>
    /// Writes records by path. Every string (paths, links, ids, languages) is written once and then named by its
    /// number: a page's links are mostly the same few thousand addresses, and 40,000 pages' records are read on every build.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyCollection<KeyValuePair<string, PageRecord>> records)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Number(string text)
        {
            if (!strings.TryGetValue(text, out var number))
            {
                strings[text] = number = table.Count;
                table.Add(text);
            }

            return number;
        }

        // About 280 bytes a record at 1,000 events: grown from nothing by doubling, the body was copied a dozen times.
        var body = new MemoryStream(records.Count * 320);
        var count = 0;
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (path, record) in records)
            {
                count++;
                writer.Write7BitEncodedInt(Number(path));
                writer.Write(record.Key);
                writer.Write(record.Stamp.Size);
                writer.Write(record.Stamp.Ticks);
                WriteStrings(writer, record.Links, Number);
                WriteStrings(writer, record.Ids, Number);
                writer.Write(record.Search is not null);
                if (record.Search is { } search)
                {
                    writer.Write7BitEncodedInt(Number(search.Language));
                    writer.Write(search.MarkedBody);
                    writer.Write7BitEncodedInt(search.Digest.Length);
                    writer.Write(search.Digest);
                }

                writer.Write7BitEncodedInt(record.Parts?.Count ?? -1);
                foreach (var part in record.Parts ?? [])
                {
                    writer.Write(part.Key);
                    writer.Write7BitEncodedInt64(part.Offset);
                    writer.Write7BitEncodedInt(part.Length);
                }
            }
        }

        using var output = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        output.Write(Layout);
        output.Write7BitEncodedInt(table.Count);
        foreach (var text in table)
        {
            output.Write(text);
        }

        output.Write7BitEncodedInt(count);
        output.Flush();
        body.Position = 0;
        body.CopyTo(stream);
    }

    // null as -1, else the count and each string's number.
    private static void WriteStrings(BinaryWriter writer, IEnumerable<string>? strings, Func<string, int> number)
    {
        if (strings is null)
        {
            writer.Write7BitEncodedInt(-1);
            return;
        }

        var list = strings as IReadOnlyCollection<string> ?? strings.ToList();
        writer.Write7BitEncodedInt(list.Count);
        foreach (var text in list)
        {
            writer.Write7BitEncodedInt(number(text));
        }
    }

    /// <summary>The records a file holds by path; none when it is of another layout or cannot be read whole.</summary>
    public static Dictionary<string, PageRecord> Read(Stream stream)
    {
        var records = new Dictionary<string, PageRecord>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != Layout)
            {
                return records;
            }

            var table = new string[Count(reader)];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = reader.ReadString();
            }

            var count = Count(reader);
            for (var i = 0; i < count; i++)
            {
                var path = table[reader.Read7BitEncodedInt()];
                var key = reader.ReadString();
                var stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64());
                var links = ReadStrings(reader, table);
                var ids = ReadStrings(reader, table) is { } read ? new HashSet<string>(read, StringComparer.Ordinal) : null;
                SearchPart? search = null;
                if (reader.ReadBoolean())
                {
                    var language = table[reader.Read7BitEncodedInt()];
                    var marked = reader.ReadBoolean();
                    var length = Count(reader);
                    var digest = reader.ReadBytes(length);
                    search = new SearchPart(language, marked, digest.Length == length ? digest : throw new EndOfStreamException());
                }

                var partCount = reader.Read7BitEncodedInt();
                List<FilePart>? parts = partCount < 0 ? null : [];
                for (var p = 0; p < partCount; p++)
                {
                    parts!.Add(new FilePart(reader.ReadString(), reader.Read7BitEncodedInt64(), reader.Read7BitEncodedInt()));
                }

                records[path] = new PageRecord(key, stamp, links, ids, search) { Parts = parts };
            }
        }
        catch (Exception ex) when (ex is IOException or IndexOutOfRangeException or FormatException or ArgumentException)
        {
            // A record cut short or damaged: every page is rendered, as after a first build.
            records.Clear();
        }

        return records;
    }

    private static int Count(BinaryReader reader) =>
        reader.Read7BitEncodedInt() is var count and >= 0 ? count : throw new FormatException("A negative count.");

    private static string[]? ReadStrings(BinaryReader reader, string[] table)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0)
        {
            return null;
        }

        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            strings[i] = table[reader.Read7BitEncodedInt()];
        }

        return strings;
    }
}
