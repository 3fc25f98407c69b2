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
}
