using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Pipeline;

/// <summary>
/// A build renders each text once and lets go of what it no longer needs, where a 100,000-event build's memory peaks;
/// `serve` keeps what it read, to read and resolve again only what changes.
/// </summary>
public sealed class BuildMemoryTests
{
    [Fact]
    public void A_build_lets_go_of_its_events_markdown_once_rendered_and_serve_keeps_it()
    {
        using var built = TestSite.Build("valid/translations");
        built.AssertSucceeded();
        var served = ServedSite.Start("valid/translations").Current.Site;

        var events = built.Result.Site!.Events;
        Assert.All(events, e => Assert.Same(MarkdownText.Empty, e.Event.Body));
        Assert.All(events.SelectMany(e => e.Event.Translations.Values), t => Assert.Same(MarkdownText.Empty, t.Body));
        // What was rendered from it stays, in every language.
        Assert.Equal(served.Events.Select(e => e.Body.Html), events.Select(e => e.Body.Html));
        Assert.Equal(served.Events.Select(e => e.TranslatedBodies.GetValueOrDefault("fa")?.Html), events.Select(e => e.TranslatedBodies.GetValueOrDefault("fa")?.Html));
        Assert.NotEmpty(events.SelectMany(e => e.TranslatedBodies.Values));

        Assert.Contains(served.Events, e => e.Event.Body.Text.Length > 0);
        Assert.Contains(served.Events.SelectMany(e => e.Event.Translations.Values), t => t.Body.Text.Length > 0);
    }

    [Fact]
    public void An_event_without_its_markdown_keeps_its_digest_and_everything_else()
    {
        var text = new MarkdownText("A letter [@a].", 7, 2, true);
        var translation = new EventTranslation("fa", "نامه", "خلاصه", new MarkdownText("نامه [@a].", 12, 2, true), new Origin("e.fa.yml", SourcePosition.None));
        var original = new TimelineEvent("e", DateSpan.Single(PartialDate.OfYear(1988)), "Title", "Summary", ["t"], [], [], [], [], [], text, new Origin("e.yml", SourcePosition.None))
        {
            Translations = new Dictionary<string, EventTranslation> { ["fa"] = translation },
        };
        var digest = new byte[] { 1, 2, 3 };

        var without = Digests.Remember(original, digest).WithoutMarkdown();

        Assert.Same(digest, Digests.Of(without));
        Assert.Same(MarkdownText.Empty, without.Body);
        Assert.Equal(translation with { Body = MarkdownText.Empty }, without.Translations["fa"]);
        Assert.Equal(original with { Body = MarkdownText.Empty, Translations = without.Translations }, without);
        // An event with no digest noted gets none.
        Assert.Null(Digests.Of((original with { Id = "f" }).WithoutMarkdown()));
    }
}
