using System.Text;
using Timeline.Dates;
using Timeline.Tests.Support;
using Timeline.Views;

namespace Timeline.Tests.Views;

/// <summary>The dates pages show, in parts the theme writes: a theme's word for "circa" is text, escaped on the page.</summary>
public sealed class DateViewTests
{
    private static readonly DateSpan Circa = new(PartialDate.Parse("1988-07").Date, null, true);

    [Fact]
    public void An_english_date_is_gregorian_with_its_time_then_solar_hijri_in_persian()
    {
        var date = ViewBuilder.EnglishDate(Circa, "c.<b>&");

        Assert.Equal("c.<b>& July 1988", date.Text);
        Assert.Equal("c.<b>&", date.First.Circa);
        Assert.Equal([new DatePieceView("July 1988", "1988-07")], date.First.Pieces);
        Assert.Equal(("date-fa", "fa"), (date.Second.WrapClass, date.Second.Lang));
        Assert.Equal(date.SecondText, Assert.Single(date.Second.Pieces).Text);
    }

    [Fact]
    public void A_persian_date_is_solar_hijri_first_then_gregorian_each_with_the_circa_word()
    {
        var date = ViewBuilder.PersianDate(Circa, "حدود<b>");

        Assert.Equal("حدود<b>", date.First.Circa);
        Assert.Equal("date-solar", Assert.Single(date.First.Pieces).Class);
        Assert.Equal("1988-07", date.First.Pieces[0].Iso);
        Assert.Equal(("حدود<b>", "date-gregorian"), (date.Second.Circa, date.Second.WrapClass));
    }

    [Fact]
    public void A_themes_circa_word_is_escaped_where_the_date_partial_writes_it()
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "valid", "basic"), folder);
        TestSite.CopyFolder(Repository.Theme, Path.Combine(folder, "theme"));
        var strings = Path.Combine(folder, "theme", "i18n", "en.yml");
        File.WriteAllText(strings, File.ReadAllText(strings).Replace("\ncirca: ", "\ncirca: \"c.<b>&\" # ", StringComparison.Ordinal), new UTF8Encoding(false));

        using var site = TestSite.BuildIn(folder);

        site.AssertSucceeded();
        var page = site.Read("events/circa-month-range/index.html");
        Assert.Contains("<p class=\"event-date\" data-pagefind-ignore data-pagefind-meta=\"date:c.&lt;b&gt;&amp; ", page, StringComparison.Ordinal);
        Assert.Contains(">c.&lt;b&gt;&amp; <time datetime=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
    }
}
