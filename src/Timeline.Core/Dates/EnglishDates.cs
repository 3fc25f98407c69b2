using System.Globalization;

namespace Timeline.Dates;

/// <summary>
/// Writes dates in English with the precision the record has ("19 July 1988", "July 1988", "c. 1988") for what does not
/// depend on the theme: the data files and the plain citation. Pages write dates in their i18n file's month names.
/// </summary>
internal static class EnglishDates
{
    private static readonly GregorianWriter Writer = new(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        n => n.ToString(CultureInfo.InvariantCulture),
        "c. ");

    public static string MonthName(int month) => Writer.MonthName(month);

    public static string Format(PartialDate date) => Writer.Format(date);

    public static string Format(DateSpan span) => Writer.Format(span);
}

/// <summary>
/// Gregorian dates in one language's month names and digits, day month year, with the record's precision. The day
/// suffix follows every day number ("19." in German: "19. Juli 1988", "19.–30. Juli 1988").
/// </summary>
internal sealed class GregorianWriter(string[] monthNames, Func<int, string> digits, string circa, string daySuffix = "")
{
    public string MonthName(int month) => monthNames[month - 1];

    public string Format(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => $"{Day(date.Day!.Value)} {MonthName(date.Month!.Value)} {digits(date.Year)}",
        DatePrecision.Month => $"{MonthName(date.Month!.Value)} {digits(date.Year)}",
        _ => digits(date.Year),
    };

    private string Day(int day) => digits(day) + daySuffix;

    public SpanParts Parts(DateSpan span)
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
            return new SpanParts(Day(start.Day!.Value), endText, "–");
        }

        var startText = start.Precision == DatePrecision.Day
            ? $"{Day(start.Day!.Value)} {MonthName(start.Month!.Value)}"
            : MonthName(start.Month!.Value);
        return new SpanParts(startText, endText, " – ");
    }

    public string Format(DateSpan span)
    {
        var parts = Parts(span);
        var text = parts.End is null ? parts.Start : parts.Start + parts.Separator + parts.End;
        return span.Circa ? circa + text : text;
    }
}

/// <summary>The written start and end of a span and what goes between them.</summary>
internal sealed record SpanParts(string Start, string? End, string Separator);
