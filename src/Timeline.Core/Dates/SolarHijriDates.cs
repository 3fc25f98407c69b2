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

    public static string Format(DateSpan span)
    {
        var end = span.End ?? span.Start;
        var first = Side(span.Start.FirstDay, span.Start.Precision);
        var last = Side(end.LastDay, end.Precision);

        string text;
        if (first == last)
        {
            text = Join(first);
        }
        else if (first.Year == last.Year && first.Precision != DatePrecision.Year && last.Precision != DatePrecision.Year)
        {
            // The year is written once, at the end: "۲۸ تیر – ۲۶ مرداد ۱۳۶۷".
            var separator = first.Precision == DatePrecision.Month && last.Precision == DatePrecision.Month ? "–" : " – ";
            text = JoinWithoutYear(first) + separator + Join(last);
        }
        else
        {
            var separator = first.Precision == DatePrecision.Year && last.Precision == DatePrecision.Year ? "–" : " – ";
            text = Join(first) + separator + Join(last);
        }

        return span.Circa ? "حدود " + text : text;
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

    private static string Join(PersianSide side) => side.Precision switch
    {
        DatePrecision.Year => Digits(side.Year),
        _ => JoinWithoutYear(side) + " " + Digits(side.Year),
    };

    private static string JoinWithoutYear(PersianSide side) => side.Precision switch
    {
        DatePrecision.Day => Digits(side.Day) + " " + MonthName(side.Month),
        DatePrecision.Month => MonthName(side.Month),
        _ => "",
    };

    /// <summary>Writes a number in Persian digits.</summary>
    public static string Digits(int number) => PersianDigits.Write(number);

    private readonly record struct PersianSide(int Year, int Month, int Day, DatePrecision Precision);
}
