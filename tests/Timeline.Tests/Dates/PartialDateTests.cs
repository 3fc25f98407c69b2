using Timeline.Dates;

namespace Timeline.Tests.Dates;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1988", DatePrecision.Year)]
    [InlineData("1988-07", DatePrecision.Month)]
    [InlineData("1988-07-19", DatePrecision.Day)]
    public void Parses_the_three_precisions(string text, DatePrecision precision)
    {
        var result = PartialDate.Parse(text);

        Assert.True(result.Success);
        Assert.Equal(precision, result.Date.Precision);
        Assert.Equal(text, result.Date.ToString());
    }

    [Theory]
    [InlineData("1988-02-30")]
    [InlineData("1987-02-29")]
    [InlineData("1988-13")]
    [InlineData("1988-00-10")]
    [InlineData("0622-02-30")]
    public void Refuses_impossible_dates(string text) =>
        Assert.Equal(PartialDateError.Impossible, PartialDate.Parse(text).Error);

    [Theory]
    [InlineData("19/07/1988")]
    [InlineData("88")]
    [InlineData("1988-7-19")]
    [InlineData("July 1988")]
    [InlineData("1988-07-19T00:00")]
    [InlineData("")]
    [InlineData("١٩٨٨")]
    public void Refuses_other_formats(string text) =>
        Assert.Equal(PartialDateError.Malformed, PartialDate.Parse(text).Error);

    [Theory]
    [InlineData("0000")]
    [InlineData("0001-01-01")]
    [InlineData("0621")]
    [InlineData("0622")]
    [InlineData("0622-03")]
    [InlineData("0622-03-21")]
    public void Refuses_dates_that_start_before_the_solar_hijri_calendar(string text) =>
        Assert.Equal(PartialDateError.OutOfRange, PartialDate.Parse(text).Error);

    [Theory]
    [InlineData("0622-03-22", "۱ فروردین ۱")]
    [InlineData("0622-04", "فروردین–اردیبهشت ۱")]
    [InlineData("0623", "۱–۲")]
    [InlineData("9999", "۹۳۷۷–۹۳۷۸")]
    [InlineData("9999-12-31", "۱۳ دی ۹۳۷۸")]
    public void Accepts_and_writes_in_solar_hijri_the_first_and_last_dates_of_the_range(string text, string solarHijri)
    {
        var result = PartialDate.Parse(text);

        Assert.True(result.Success);
        Assert.Equal(solarHijri, SolarHijriDates.Format(result.Date));
    }

    [Fact]
    public void Accepts_29_February_in_a_leap_year() =>
        Assert.True(PartialDate.Parse("1988-02-29").Success);

    [Fact]
    public void Sorts_by_start_with_the_coarser_date_first()
    {
        var dates = new[] { "1988-07-19", "1988", "1988-07", "1988-01-01", "1987-12-31" }
            .Select(t => PartialDate.Parse(t).Date)
            .Order()
            .Select(d => d.ToString());

        Assert.Equal(["1987-12-31", "1988", "1988-01-01", "1988-07", "1988-07-19"], dates);
    }

    [Fact]
    public void A_month_spans_its_first_to_its_last_day()
    {
        var date = PartialDate.OfMonth(1988, 2);

        Assert.Equal(new DateOnly(1988, 2, 1), date.FirstDay);
        Assert.Equal(new DateOnly(1988, 2, 29), date.LastDay);
    }
}
