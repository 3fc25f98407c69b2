using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using Timeline.Dates;

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

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>A writer into <paramref name="output"/> that writes as <see cref="Write(JsonNode)"/> does, for a file written piece by piece.</summary>
    public static Utf8JsonWriter Writer(Stream output) => new(output, new JsonWriterOptions
    {
        Indented = Options.WriteIndented,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
        Encoder = Options.Encoder,
    });

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
            parts.Add(month);
        }

        if (date.Day is { } day)
        {
            parts.Add(day);
        }

        return parts;
    }

    public static string Precision(PartialDate date) => date.Precision.ToString().ToLowerInvariant();

    /// <summary>A JSON array of strings, in the order given.</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
