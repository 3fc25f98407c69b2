using Timeline.Dates;
using Timeline.Tests.Support;
using Timeline.Views;

namespace Timeline.Tests.Views;

/// <summary>The dates pages show: a theme's word for "circa" is text, escaped in the HTML form in both languages.</summary>
public sealed class DateViewTests
{
    private static readonly DateSpan Circa = new(PartialDate.Parse("1988-07").Date, null, true);

    [Fact]
    public void A_themes_circa_word_is_escaped_in_the_english_date()
    {
        var date = ViewBuilder.GregorianFirst(Circa, EnglishTheme.Dates("en").Gregorian, "c.<b>&");

        Assert.StartsWith("c.&lt;b&gt;&amp; <time datetime=\"1988-07\">", date.Html, StringComparison.Ordinal);
        Assert.Equal("c.<b>& July 1988", date.Text);
    }

    [Fact]
    public void A_themes_circa_word_is_escaped_in_the_persian_date()
    {
        var date = ViewBuilder.SolarHijriFirst(Circa, EnglishTheme.Dates("fa").Gregorian, "حدود<b>");

        Assert.StartsWith("حدود&lt;b&gt; ", date.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", date.Html, StringComparison.Ordinal);
    }
}
