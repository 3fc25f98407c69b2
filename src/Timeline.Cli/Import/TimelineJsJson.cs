using System.Globalization;
using System.Text;
using System.Text.Json;
using Timeline.Diagnostics;

namespace Timeline.Cli.Import;

/// <summary>
/// Reads a TimelineJS JSON file: { "title": slide, "events": [slide, ...], "eras": [era, ...] }, each slide with
/// start_date and end_date objects ({ "year", "month", "day", ... }, numbers or texts), text { headline, text }, media
/// { url, credit, caption }, group and unique_id. Every value keeps its line and column, so that a message points at it.
/// </summary>
internal static class TimelineJsJson
{
    /// <summary>A JSON value and where it starts.</summary>
    private sealed record Value(JsonValueKind Kind, string Text, SourcePosition Position, Dictionary<string, Value>? Fields, List<Value>? Items);

    public static SlideFile? Read(string text, string shownPath, DiagnosticBag diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Value root;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var lines = new LineMap(bytes);
            reader.Read();
            root = Parse(ref reader, lines);
        }
        catch (JsonException ex)
        {
            var position = ex.LineNumber is { } line ? new SourcePosition((int)line + 1, (int)(ex.BytePositionInLine ?? 0) + 1) : SourcePosition.WholeFile;
            diagnostics.Error(shownPath, position, ErrorMessages.ImportUnreadable($"it is not valid JSON ({ex.Message.Split(" Path:")[0].TrimEnd('.')})"));
            return null;
        }

        if (root.Fields is not { } top || !top.TryGetValue("events", out var events) || events.Items is null)
        {
            diagnostics.Error(shownPath, root.Position, ErrorMessages.ImportUnreadable("it has no list of \"events\""));
            return null;
        }

        var slides = new List<Slide>();
        if (top.TryGetValue("title", out var title) && title.Fields is not null)
        {
            slides.Add(Slide(title, "title", "title"));
        }

        for (var i = 0; i < events.Items.Count; i++)
        {
            slides.Add(Slide(events.Items[i], string.Create(CultureInfo.InvariantCulture, $"events[{i}]"), ""));
        }

        if (top.TryGetValue("eras", out var eras) && eras.Items is not null)
        {
            for (var i = 0; i < eras.Items.Count; i++)
            {
                slides.Add(Slide(eras.Items[i], string.Create(CultureInfo.InvariantCulture, $"eras[{i}]"), "era"));
            }
        }

        return new SlideFile("JSON", slides);
    }

    private static Slide Slide(Value slide, string path, string type)
    {
        // A field is named from its slide, as messages name the slide first: "events[3]: start_date.month is ...".
        SlideField Field(Value? within, string prefix, string name)
        {
            var value = within?.Fields is { } fields && fields.TryGetValue(name, out var found) ? found : null;
            return new SlideField(value?.Text ?? "", value?.Position ?? within?.Position ?? slide.Position, prefix.Length > 0 ? $"{prefix}.{name}" : name);
        }

        Value? Object(string name) => slide.Fields is { } fields && fields.TryGetValue(name, out var found) ? found : null;

        SlideDate Date(string name)
        {
            var date = Object(name);
            return new SlideDate(Field(date, name, "year"), Field(date, name, "month"), Field(date, name, "day"));
        }

        var text = Object("text");
        var media = Object("media");
        return new Slide(
            path,
            slide.Position,
            type.Length > 0 ? type : Field(slide, "", "type").Text.Trim().ToLowerInvariant(),
            Date("start_date"),
            Date("end_date"),
            Field(slide, "", "display_date"),
            Field(text, "text", "headline"),
            Field(text, "text", "text"),
            Field(media, "media", "url"),
            Field(media, "media", "credit"),
            Field(media, "media", "caption"),
            Field(slide, "", "group"),
            Field(slide, "", "unique_id"));
    }

    private static Value Parse(ref Utf8JsonReader reader, LineMap lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var fields = new Dictionary<string, Value>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    fields[name] = Parse(ref reader, lines);
                }

                return new Value(JsonValueKind.Object, "", position, fields, null);
            case JsonTokenType.StartArray:
                var items = new List<Value>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Parse(ref reader, lines));
                }

                return new Value(JsonValueKind.Array, "", position, null, items);
            case JsonTokenType.String:
                return new Value(JsonValueKind.String, reader.GetString()!, position, null, null);
            case JsonTokenType.Number:
                // A number's text as written ("1988"), read as a sheet's cell is.
                return new Value(JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan), position, null, null);
            default:
                return new Value(JsonValueKind.Null, reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() ? "true" : "false" : "", position, null, null);
        }
    }

    /// <summary>Turns a byte offset into a line and a column counted in characters, as editors count them.</summary>
    private sealed class LineMap(byte[] bytes)
    {
        private readonly List<int> _starts = Starts(bytes);

        private static List<int> Starts(byte[] bytes)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        public SourcePosition At(long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var column = Encoding.UTF8.GetCharCount(bytes, _starts[line], (int)offset - _starts[line]) + 1;
            return new SourcePosition(line + 1, column);
        }
    }
}
