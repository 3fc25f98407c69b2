using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Timeline.Dates;

/// <summary>
/// Writes dates in the Solar Hijri calendar, in Persian digits and month names, with the precision the record has.
/// A Gregorian month or year always spans two Persian ones, so both are named: "تیر–مرداد ۱۳۶۷".
/// </summary>
public static class SolarHijriDates
{
    private static readonly PersianCalendar Calendar = new();

    private static readonly string[] MonthNames =
    [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
        "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ];

    /// <summary>The first day (1 Farvardin) of each Solar Hijri year met so far, as a Gregorian day.</summary>
    private static readonly ConcurrentDictionary<int, DateOnly> NewYears = new();

    /// <summary>
    /// The Solar Hijri year, month and day of a Gregorian day. PersianCalendar works out the astronomical new
    /// year on every call, which made dates a large part of a build; the new year is looked up once per year
    /// instead, and the months follow from it: six of 31 days, five of 30, then Esfand.
    /// </summary>
    public static (int Year, int Month, int Day) Convert(DateOnly date)
    {
        if (date.Year <= 622)
        {
            // The calendar's first days; before them it refuses the date, as it always has.
            var time = date.ToDateTime(TimeOnly.MinValue);
            return (Calendar.GetYear(time), Calendar.GetMonth(time), Calendar.GetDayOfMonth(time));
        }

        var year = date.Year - 621;
        var start = NewYear(year);
        if (date < start)
        {
            year--;
            start = NewYear(year);
        }

        var dayOfYear = date.DayNumber - start.DayNumber;
        return dayOfYear < 186
            ? (year, 1 + (dayOfYear / 31), 1 + (dayOfYear % 31))
            : (year, 7 + ((dayOfYear - 186) / 30), 1 + ((dayOfYear - 186) % 30));
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
    public static string Digits(int number)
    {
        var latin = number.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(latin.Length);
        foreach (var c in latin)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c);
        }

        return builder.ToString();
    }

    private readonly record struct PersianSide(int Year, int Month, int Day, DatePrecision Precision);
}
