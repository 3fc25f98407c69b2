using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Timeline.Dates;
using Timeline.Output;

namespace Timeline.Publishing.Reuse;

/// <summary>
/// Writes the JSON the site publishes for reuse. Properties keep the order they were added in, lines end in \n and
/// Persian and other scripts stay readable: the same input gives the same bytes on every machine.
/// </summary>
internal static class ReuseJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const int FlushEvery = 1 << 16;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>A writer into <paramref name="output"/> that writes as <see cref="Write(JsonNode)"/> does, for a file written piece by piece.</summary>
    public static Utf8JsonWriter Writer(Stream output) => new(output, WriterOptions);

    private static Utf8JsonWriter Writer(IBufferWriter<byte> output) => new(output, WriterOptions);

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = Options.WriteIndented,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        Encoder = Options.Encoder,
    };

    /// <summary>
    /// Writes the items of a list into <paramref name="json"/>, a writer made by <see cref="Writer"/>, inside a list
    /// that is a property of the file's object (as every list of the data files is). Each item is copied from the last
    /// build's file when <paramref name="parts"/> has it with the same key, else made by <paramref name="make"/> and
    /// written alone at the list's depth: the bytes are the same either way.
    /// </summary>
    public static void WriteItems(Utf8JsonWriter json, IEnumerable<int> items, Func<int, JsonNode> make, FileParts parts)
    {
        using var alone = new ItemWriter();
        foreach (var item in items)
        {
            var key = parts.Key(item);
            var bytes = parts.TryTake(key, out var kept) ? kept : alone.Write(make(item));
            json.WriteRawValue(bytes, skipInputValidation: true);
            parts.Wrote(key, json.BytesCommitted + json.BytesPending - bytes.Length, bytes.Length);

            // A writer into a stream holds what it writes until flushed: a large site's list, whole, went through
            // buffers of tens of megabytes, each doubled and copied, each costing a collection of the whole memory.
            if (json.BytesPending > FlushEvery)
            {
                json.Flush();
            }
        }
    }

    /// <summary>Writes one item of a list at the depth <see cref="WriteItems"/> writes them, as the file's writer would write it there (indentation included) but for the comma before it.</summary>
    private sealed class ItemWriter : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _json;

        public ItemWriter()
        {
            _json = Writer(_buffer);
            _json.WriteStartObject();
            _json.WriteStartArray("items");
        }

        /// <summary>The item's bytes, valid until the next call.</summary>
        public ReadOnlySpan<byte> Write(JsonNode node)
        {
            _json.Flush();
            _buffer.ResetWrittenCount();
            node.WriteTo(_json, Options);
            _json.Flush();
            var written = _buffer.WrittenSpan;
            return written.Length > 0 && written[0] == (byte)',' ? written[1..] : written;
        }

        public void Dispose() => _json.Dispose();
    }

    /// <summary>One node into a writer made by <see cref="Writer"/>, at the writer's depth.</summary>
    public static void Write(Utf8JsonWriter writer, JsonNode node) => node.WriteTo(writer, Options);

    /// <summary>On one line, for a data block inside an HTML page: '&lt;' is escaped so no text can end the script element.</summary>
    public static string WriteForHtml(JsonNode node) =>
        node.ToJsonString(Compact).Replace("<", "\\u003c", StringComparison.Ordinal);

    /// <summary>A date as CSL's date-parts: [1988], [1988, 7] or [1988, 7, 19], as precise as the record.</summary>
    public static JsonArray DateParts(PartialDate date)
    {
        var parts = new JsonArray(date.Year);
        if (date.Month is { } month)
        {
            parts.Add((JsonNode)month);
        }

        if (date.Day is { } day)
        {
            parts.Add((JsonNode)day);
        }

        return parts;
    }

    public static string Precision(PartialDate date) => date.Precision.ToString().ToLowerInvariant();

    /// <summary>A JSON array of strings, in the order given.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
