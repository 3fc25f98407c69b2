using System.Collections.Concurrent;
using System.Globalization;

namespace Timeline.Dates;

/// <summary>
/// Writes dates in the Solar Hijri calendar, in Persian digits and month names, with the precision the record has.
/// A Gregorian month or year always spans two Persian ones, so both are named: "تیر–مرداد ۱۳۶۷".
/// </summary>
internal static class SolarHijriDates
{
    private static readonly PersianCalendar Calendar = new();

    private static readonly string[] MonthNames =
    [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ];

    // The months' names in the usual English transliteration, for readers of a language in Latin letters.
    private static readonly string[] LatinMonthNames =
    [
        "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
        "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
    ];

    /// <summary>The era after a Latin Solar Hijri year, as English writes it ("1367 SH").</summary>
    public const string LatinEra = "SH";

    // PersianCalendar finds each new year astronomically, which costs tens of microseconds a call: too slow for
    // 10,000 events on every rebuild of `timeline serve`. Each new year's day is asked for once and kept.
    private static readonly ConcurrentDictionary<int, DateOnly> NewYears = new();

    /// <summary>The Solar Hijri year, month and day of a Gregorian day.</summary>
    public static (int Year, int Month, int Day) Convert(DateOnly date)
    {
        // The Solar Hijri year that begins in March of Gregorian year g is g - 621.
        var year = date.Year - 621;
        var start = NewYear(year);
        if (date < start)
        {
            year--;
            start = NewYear(year);
        }

        // The first six months have 31 days, the next five 30, and the last 29 or 30.
        var day = date.DayNumber - start.DayNumber;
        return day < 186 ? (year, 1 + (day / 31), 1 + (day % 31)) : (year, 7 + ((day - 186) / 30), 1 + ((day - 186) % 30));
    }

    private static DateOnly NewYear(int year) =>
        NewYears.GetOrAdd(year, y => DateOnly.FromDateTime(Calendar.ToDateTime(y, 1, 1, 0, 0, 0, 0)));

    public static string MonthName(int month) => MonthNames[month - 1];

    public static string Format(PartialDate date) => Format(DateSpan.Single(date));

    public static string Format(DateSpan span) => Format(span, Persian);

    /// <summary>
    /// The span in Latin letters and digits ("28 Tir 1367 SH", "Tir–Mordad 1367 SH"), for pages in a language that is
    /// not written in the Arabic script: their readers cannot read Persian, and the page then needs no Persian font.
    /// <paramref name="circa"/> is the page's own word for "circa".
    /// </summary>
    public static string FormatLatin(DateSpan span, string circa)
    {
        var text = Format(span with { Circa = false }, Latin) + " " + LatinEra;
        return span.Circa ? circa + " " + text : text;
    }

    private static readonly Writing Persian = new(PersianDigits.Write, MonthName, "حدود ");

    private static readonly Writing Latin = new(n => n.ToString(CultureInfo.InvariantCulture), m => LatinMonthNames[m - 1], "");

    /// <summary>How one script writes the calendar's numbers, month names and "circa".</summary>
    private sealed record Writing(Func<int, string> Digits, Func<int, string> Month, string Circa);

    private static string Format(DateSpan span, Writing writing)
    {
        var end = span.End ?? span.Start;
        var first = Side(span.Start.FirstDay, span.Start.Precision);
        var last = Side(end.LastDay, end.Precision);

        string text;
        if (first == last)
        {
            text = Join(first, writing);
        }
        else if (first.Year == last.Year && first.Precision != DatePrecision.Year && last.Precision != DatePrecision.Year)
        {
            // The year is written once, at the end: "۲۸ تیر – ۲۶ مرداد ۱۳۶۷".
            var separator = first.Precision == DatePrecision.Month && last.Precision == DatePrecision.Month ? "–" : " – ";
            text = JoinWithoutYear(first, writing) + separator + Join(last, writing);
        }
        else
        {
            var separator = first.Precision == DatePrecision.Year && last.Precision == DatePrecision.Year ? "–" : " – ";
            text = Join(first, writing) + separator + Join(last, writing);
        }

        return span.Circa ? writing.Circa + text : text;
    }

    private static PersianSide Side(DateOnly day, DatePrecision precision)
    {
        var (year, month, dayOfMonth) = Convert(day);
        return precision switch
        {
            DatePrecision.Day => new PersianSide(year, month, dayOfMonth, precision),
            DatePrecision.Month => new PersianSide(year, month, 0, precision),
            _ => new PersianSide(year, 0, 0, precision),
        };
    }

    private static string Join(PersianSide side, Writing writing) => side.Precision switch
    {
        DatePrecision.Year => writing.Digits(side.Year),
        _ => JoinWithoutYear(side, writing) + " " + writing.Digits(side.Year),
    };

    private static string JoinWithoutYear(PersianSide side, Writing writing) => side.Precision switch
    {
        DatePrecision.Day => writing.Digits(side.Day) + " " + writing.Month(side.Month),
        DatePrecision.Month => writing.Month(side.Month),
        _ => "",
    };

    /// <summary>Writes a number in Persian digits.</summary>
    public static string Digits(int number) => PersianDigits.Write(number);

    private readonly record struct PersianSide(int Year, int Month, int Day, DatePrecision Precision);
}
