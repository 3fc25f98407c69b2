using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;
using Fluid;
using Timeline.Model;

namespace Timeline.Theme;

/// <summary>
/// The layout's <c>{{ content | raw }}</c>: the page's own template, rendered straight into the layout's writer where the
/// layout outputs it, so a page's text is not built as a string and then copied into the layout. Used only for a layout
/// that outputs its content that way and no other (see <see cref="ThemeTemplates"/>); read as text, it is rendered once.
/// </summary>
internal sealed class PageContent(IFluidTemplate template, TemplateContext context) : FluidValue
{
    private string? _text;
    private bool _written;

    public override FluidValues Type => FluidValues.String;

    /// <summary>
    /// The content was asked for a second time. Rendering the page again would not give the same text (counters,
    /// cycles and assignments carry on), so the caller starts the page over with its content as a string.
    /// </summary>
    public sealed class WrittenTwiceException() : Exception("The layout writes its content more than once.");

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        if (_text is not null)
        {
            writer.Write(_text);
            return default;
        }

        if (_written)
        {
            throw new WrittenTwiceException();
        }

        _written = true;
        return template.RenderAsync(writer, Html.Encoder, context);
    }

    public override string ToStringValue()
    {
        if (_text is null)
        {
            if (_written)
            {
                throw new WrittenTwiceException();
            }

            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            template.RenderAsync(writer, Html.Encoder, context).AsTask().GetAwaiter().GetResult();
            _text = writer.ToString();
        }

        return _text;
    }

    public override bool Equals(FluidValue other) => other is not null && other.ToStringValue() == ToStringValue();

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override object ToObjectValue() => ToStringValue();

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);
}
