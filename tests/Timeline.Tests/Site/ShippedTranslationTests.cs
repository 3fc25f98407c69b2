using Timeline.Model;
using Timeline.Pipeline;
using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>The shipped site's Persian edition: every record has a Persian title, and every event its body.</summary>
public sealed class ShippedTranslationTests
{
    private static readonly ResolvedSite Site =
        TimelineBuilder.Check(new BuildOptions(Repository.Input, Repository.Theme, Path.Combine(TestSite.NewFolder(), "output"), null, Repository.Root)).Site!;

    [Fact]
    public void Site_is_in_english_and_persian_and_translates_its_title()
    {
        Assert.Equal(["en", "fa"], Site.Site.Languages);
        Assert.False(string.IsNullOrWhiteSpace(Site.Site.Translations["fa"].Title));
        Assert.False(string.IsNullOrWhiteSpace(Site.Site.Translations["fa"].Description));
    }

    [Fact]
    public void Every_event_era_entity_and_page_has_a_persian_title()
    {
        Assert.Empty(Site.Events.Where(e => !e.Event.Translations.ContainsKey("fa")).Select(e => e.Id));
        Assert.Empty(Site.Eras.Where(e => !e.Translations.ContainsKey("fa")).Select(e => e.Id));
        Assert.Empty(Site.Entities.Where(e => !e.Entity.Translations.ContainsKey("fa")).Select(e => e.Entity.Id));
        Assert.Empty(Site.Pages.Where(p => !p.TranslatedBodies.ContainsKey("fa")).Select(p => p.Page.Id));
    }

    [Fact]
    public void Every_event_has_a_full_persian_body_citing_and_linking_what_the_english_does()
    {
        Assert.True(Site.Events.Count >= 35, $"Only {Site.Events.Count} events.");
        foreach (var e in Site.Events)
        {
            Assert.True(e.TranslatedBodies.TryGetValue("fa", out var body), $"{e.Id} has no Persian body.");
            Assert.Equal(e.Body.CitedSourceIds.Order(StringComparer.Ordinal), body.CitedSourceIds.Order(StringComparer.Ordinal));
            Assert.Equal(e.Body.LinkedEventIds.Order(StringComparer.Ordinal), body.LinkedEventIds.Order(StringComparer.Ordinal));
        }
    }
}
