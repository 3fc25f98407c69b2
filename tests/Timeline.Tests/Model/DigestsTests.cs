using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;
using Xunit;

namespace Timeline.Tests.Model;

public sealed class DigestsTests
{
    private static TimelineEvent Event(string title) =>
        new("e", DateSpan.Single(PartialDate.OfYear(1988)), title, "", [], [], [], [], [], [], MarkdownText.Empty, new Origin("e.yml", SourcePosition.None));

    [Fact]
    public void A_digest_belongs_to_the_object_it_was_noted_for_not_to_copies_made_with_with()
    {
        var digest = new byte[] { 1, 2, 3 };
        var noted = Digests.Remember(Event("Title"), digest);
        var copy = noted with { Title = "Other title" };
        var sameValues = noted with { };

        Assert.Same(digest, Digests.Of(noted));
        Assert.Null(Digests.Of(copy));
        Assert.Null(Digests.Of(sameValues));
        Assert.Null(Digests.Of(Event("Title")));
    }

    [Fact]
    public void A_noted_digest_leaves_what_a_record_equals_as_it_was()
    {
        var noted = Digests.Remember(Event("Title"), [1, 2, 3]);
        var plain = Event("Title");

        Assert.Equal(plain, noted);
        Assert.Equal(plain.GetHashCode(), noted.GetHashCode());
        Assert.NotEqual(Event("Other"), noted);
    }

    [Fact]
    public void A_rendered_text_keeps_its_digest_and_its_copies_have_none()
    {
        var document = new RenderedDocument("<p>x</p>", "", [], [], [], 0);
        var digest = new byte[] { 9 };
        Digests.Remember(document, digest);

        Assert.Same(digest, Digests.Of(document));
        Assert.Null(Digests.Of(document with { CitationsWritten = 1 }));
    }
}
