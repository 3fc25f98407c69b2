using System.Globalization;

namespace Timeline.Dates;

public enum DatePrecision
{
    Year,
    Month,
    Day,
}

/// <summary>
/// A date known to the year, the month or the day, as historians write them.
/// Only valid dates can be made; a partial date sorts at the start of the period it names.
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The first day a date may start on: the first day of the Solar Hijri calendar, 1 Farvardin 1.</summary>
    public static readonly DateOnly Earliest = new(622, 3, 22);

    /// <summary>The last day a date may end on; DateOnly has no later one.</summary>
    public static readonly DateOnly Latest = DateOnly.MaxValue;

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day of the period this date names.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day of the period this date names.</summary>
    public DateOnly LastDay => Precision switch
    {
        DatePrecision.Day => new DateOnly(Year, Month!.Value, Day!.Value),
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month!.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static PartialDate OfYear(int year) => Create(year, null, null);

    public static PartialDate OfMonth(int year, int month) => Create(year, month, null);

    public static PartialDate OfDay(int year, int month, int day) => Create(year, month, day);

    public static PartialDate OfDay(DateOnly date) => Create(date.Year, date.Month, date.Day);

    private static PartialDate Create(int year, int? month, int? day)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1 and 9999.");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        }

        if (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day does not exist in that month.");
        }

        return new PartialDate(year, month, day);
    }

    /// <summary>Reads YYYY, YYYY-MM or YYYY-MM-DD, and nothing else.</summary>
    public static PartialDateParseResult Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || !parts.All(IsDigits))
        {
            return PartialDateParseResult.Malformed;
        }

        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        var year = numbers[0];
        int? month = numbers.Length > 1 ? numbers[1] : null;
        int? day = numbers.Length > 2 ? numbers[2] : null;
        if (year < 1)
        {
            return PartialDateParseResult.OutOfRange;
        }

        if (month is < 1 or > 12 || (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value))))
        {
            return PartialDateParseResult.Impossible;
        }

        // Every date is also shown in the Solar Hijri calendar, which has no days before its first.
        var date = new PartialDate(year, month, day);
        return date.FirstDay < Earliest ? PartialDateParseResult.OutOfRange : new PartialDateParseResult(date, PartialDateError.None);
    }

    private static bool IsDigits(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);

    /// <summary>Orders by the first day of the period; at the same first day, the coarser date comes first.</summary>
    public int CompareTo(PartialDate other)
    {
        var byStart = FirstDay.CompareTo(other.FirstDay);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    /// <summary>The ISO form with the precision the date has: 1988, 1988-07 or 1988-07-19.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

public enum PartialDateError
{
    None,
    Malformed,
    Impossible,

    /// <summary>A real date outside <see cref="PartialDate.Earliest"/> to <see cref="PartialDate.Latest"/>.</summary>
    OutOfRange,
}

public readonly record struct PartialDateParseResult(PartialDate Date, PartialDateError Error)
{
    public static readonly PartialDateParseResult Malformed = new(default, PartialDateError.Malformed);
    public static readonly PartialDateParseResult Impossible = new(default, PartialDateError.Impossible);
    public static readonly PartialDateParseResult OutOfRange = new(default, PartialDateError.OutOfRange);

    public bool Success => Error == PartialDateError.None;
}
