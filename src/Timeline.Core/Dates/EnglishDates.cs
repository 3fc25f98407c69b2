using System.Globalization;

namespace Timeline.Dates;

/// <summary>Writes dates for English readers with the precision the record has: "19 July 1988", "July 1988", "c. 1988".</summary>
public static class EnglishDates
{
    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string Format(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthName(date.Month!.Value)} {date.Year}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{MonthName(date.Month!.Value)} {date.Year}"),
        _ => date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Splits a span into the text of its start and of its end, leaving out what the end repeats:
    /// "19 July" and "16 August 1988", or "19" and "30 July 1988".
    /// </summary>
    public static SpanParts Parts(DateSpan span)
    {
        var start = span.Start;
        if (span.End is not { } end || end == start)
        {
            return new SpanParts(Format(start), null, "");
        }

        var endText = Format(end);
        if (start.Year != end.Year || start.Precision == DatePrecision.Year || end.Precision == DatePrecision.Year)
        {
            return new SpanParts(Format(start), endText, " – ");
        }

        if (start.Precision == DatePrecision.Day && end.Precision == DatePrecision.Day && start.Month == end.Month)
        {
            return new SpanParts(start.Day!.Value.ToString(CultureInfo.InvariantCulture), endText, "–");
        }

        var startText = start.Precision == DatePrecision.Day
            ? string.Create(CultureInfo.InvariantCulture, $"{start.Day} {MonthName(start.Month!.Value)}")
            : MonthName(start.Month!.Value);
        return new SpanParts(startText, endText, " – ");
    }

    public static string Format(DateSpan span)
    {
        var parts = Parts(span);
        var text = parts.End is null ? parts.Start : parts.Start + parts.Separator + parts.End;
        return span.Circa ? "c. " + text : text;
    }
}

/// <summary>The written start and end of a span and what goes between them.</summary>
public sealed record SpanParts(string Start, string? End, string Separator);
