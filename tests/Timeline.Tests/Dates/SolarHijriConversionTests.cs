using System.Globalization;
using CsCheck;
using Timeline.Dates;

namespace Timeline.Tests.Dates;

/// <summary>The fast conversion agrees with .NET's PersianCalendar, which it asks only for each new year's day.</summary>
public sealed class SolarHijriConversionTests
{
    private static readonly PersianCalendar Calendar = new();

    private static (int, int, int) Expected(DateOnly date)
    {
        var time = date.ToDateTime(TimeOnly.MinValue);
        return (Calendar.GetYear(time), Calendar.GetMonth(time), Calendar.GetDayOfMonth(time));
    }

    [Fact]
    public void Agrees_with_the_persian_calendar_on_every_day_from_1900_to_2100()
    {
        for (var day = new DateOnly(1900, 1, 1); day <= new DateOnly(2100, 12, 31); day = day.AddDays(1))
        {
            Assert.Equal(Expected(day), SolarHijriDates.Convert(day));
        }
    }

    [Fact]
    public void Agrees_with_the_persian_calendar_on_days_across_its_whole_range()
    {
        var first = DateOnly.FromDateTime(Calendar.MinSupportedDateTime).DayNumber;
        var last = DateOnly.MaxValue.DayNumber;
        Gen.Int[first, last].Sample(n => Assert.Equal(Expected(DateOnly.FromDayNumber(n)), SolarHijriDates.Convert(DateOnly.FromDayNumber(n))), iter: 5000);
    }
}
