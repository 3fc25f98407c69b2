using Timeline.Languages;

namespace Timeline.Tests.Languages;

/// <summary>The runs of left-to-right script a Persian note isolates: whole, with their own punctuation, and no more.</summary>
public sealed class LeftToRightRunsTests
{
    [Theory]
    [InlineData("گزارش، خوانده‌شده در WTMJ (wtmj.com). پایان.", "WTMJ (wtmj.com)")]
    [InlineData("با عنوان «Iran: UN Experts Call for Investigation of 1988 Massacre» دارد.", "Iran: UN Experts Call for Investigation of 1988 Massacre")]
    [InlineData("متن تصویب‌شده، P9_TA(2020)0376.", "P9_TA(2020)0376")]
    [InlineData("سازمان مجاهدین خلق ایران (PMOI/MEK) به آن", "PMOI/MEK")]
    [InlineData("در پرونده‌ی B 9704-22، یعنی", "B 9704-22")]
    [InlineData("عنوان «Anniversary of Khomeini's fatwa» (سالگرد)", "Anniversary of Khomeini's fatwa")]
    public void A_run_keeps_its_own_punctuation_and_digits_and_leaves_the_sentences_to_it(string text, string run)
    {
        var parts = LeftToRightRuns.Split(text);

        Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
        Assert.Equal([run], parts.Where(p => p.LeftToRight).Select(p => p.Text));
    }

    [Fact]
    public void Several_runs_are_found_in_order_and_persian_digits_never_start_one()
    {
        var parts = LeftToRightRuns.Split("(Common Dreams، دویچلاندفونک، Atalayar، ۲۰۱۸) 2020-12-11");

        Assert.Equal(["Common Dreams", "Atalayar"], parts.Where(p => p.LeftToRight).Select(p => p.Text));
        Assert.Equal(("(", false), parts[0]);
    }

    [Fact]
    public void A_text_without_latin_letters_is_one_piece_and_an_empty_text_none()
    {
        Assert.Equal([("بی‌تاریخ. ۲۶ ژوئیه ۱۹۸۸.", false)], LeftToRightRuns.Split("بی‌تاریخ. ۲۶ ژوئیه ۱۹۸۸."));
        Assert.Empty(LeftToRightRuns.Split(""));
    }

    [Fact]
    public void A_page_isolates_the_runs_of_its_text_and_leaves_tags_attributes_and_other_content_alone()
    {
        const string page = """
            <!DOCTYPE html><html lang="fa" dir="rtl"><head><title>حکم Svea</title><meta content="Svea (B 9704-22)"></head>
            <body><h1 title="Svea">دادگاه تجدیدنظر Svea</h1><!-- a Latin comment -->
            <p>شورای ملی <a href="/x">(NCRI)</a> و JVMI&#x27;s site &amp; ۲</p><br>
            <p dir="ltr">Already <b>left</b> to right</p><code>a &lt;b&gt;</code>
            <textarea>&lt;iframe&gt;</textarea><svg><text>Era</text></svg><p>پایان X (Twitter)</p></body></html>
            """;

        var isolated = LeftToRightRuns.IsolateInPage(page, "en");

        const string open = "<span lang=\"en\" dir=\"ltr\">";
        Assert.Contains($"<h1 title=\"Svea\">دادگاه تجدیدنظر {open}Svea</span></h1>", isolated, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/x\">({open}NCRI</span>)</a>", isolated, StringComparison.Ordinal);
        Assert.Contains($"و {open}JVMI's site</span> &amp; ۲</p>", isolated, StringComparison.Ordinal);
        Assert.Contains($"<p>پایان {open}X (Twitter)</span></p>", isolated, StringComparison.Ordinal);

        // Untouched: the title, attributes, a comment, text that sets its own direction, code, a field and a drawing.
        Assert.Contains("<title>حکم Svea</title><meta content=\"Svea (B 9704-22)\">", isolated, StringComparison.Ordinal);
        Assert.Contains("<!-- a Latin comment -->", isolated, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"ltr\">Already <b>left</b> to right</p><code>a &lt;b&gt;</code>", isolated, StringComparison.Ordinal);
        Assert.Contains("<textarea>&lt;iframe&gt;</textarea><svg><text>Era</text></svg>", isolated, StringComparison.Ordinal);
        Assert.Equal(4, isolated.Split(open).Length - 1);
    }

    [Fact]
    public void A_page_without_latin_text_is_returned_as_it_came()
    {
        const string page = "<html lang=\"fa\"><body><p class=\"lead\">کشتار ۱۳۶۷ &amp; ۲</p></body></html>";

        Assert.Same(page, LeftToRightRuns.IsolateInPage(page, "en"));
    }
}
