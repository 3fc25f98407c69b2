using System.Buffers;
using System.Text;
using System.Text.Json;
using Fluid;
using Fluid.Values;

namespace Timeline.Theme;

/// <summary>
/// {{ x | json }} and {{ x | json: true }} (indented), in place of Fluid's own filter, which serializes by reflection:
/// the program has no reflection-made serializers (the native one cannot have them), so every page whose template used
/// Fluid's filter failed. The same JSON: lists and dictionaries item by item, texts, numbers, true, false and null as
/// themselves, blank and empty as "", a date as ISO 8601, a view as every public property by its C# name.
/// </summary>
internal static class JsonFilter
{
    public static async ValueTask<FluidValue> Json(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions { Indented = arguments.At(0).ToBooleanValue(), Encoder = context.JsonSerializerOptions?.Encoder, MaxDepth = 256 };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            await Write(writer, input, context);
        }

        return new StringValue(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static async ValueTask Write(Utf8JsonWriter writer, FluidValue value, TemplateContext context)
    {
        switch (value.Type)
        {
            case FluidValues.Array:
                writer.WriteStartArray();
                foreach (var item in value.Enumerate(context))
                {
                    await Write(writer, item, context);
                }

                writer.WriteEndArray();
                break;
            case FluidValues.Dictionary when value.ToObjectValue() is IFluidIndexable dictionary:
                writer.WriteStartObject();
                foreach (var key in dictionary.Keys)
                {
                    writer.WritePropertyName(key);
                    if (dictionary.TryGetValue(key, out var item) && item is not null)
                    {
                        await Write(writer, item, context);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }

                writer.WriteEndObject();
                break;
            case FluidValues.Object when value.ToObjectValue() is { } view:
                // Views only: anything else a template could hold is one of the kinds above.
                var info = ThemeJson.Default.GetTypeInfo(view.GetType())
                    ?? throw new InvalidOperationException($"the json filter cannot write a {view.GetType().Name}");
                JsonSerializer.Serialize(writer, view, info);
                break;
            case FluidValues.Boolean:
                writer.WriteBooleanValue(value.ToBooleanValue());
                break;
            case FluidValues.Number:
                writer.WriteNumberValue(value.ToNumberValue());
                break;
            case FluidValues.String:
                writer.WriteStringValue(value.ToStringValue());
                break;
            case FluidValues.DateTime when value.ToObjectValue() is DateTimeOffset date:
                writer.WriteStringValue(date);
                break;
            case FluidValues.Blank or FluidValues.Empty:
                writer.WriteStringValue(string.Empty);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
