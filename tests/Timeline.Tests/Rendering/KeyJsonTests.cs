using System.Text.Json;
using Timeline.Model;
using Timeline.Rendering;
using Timeline.Views;

namespace Timeline.Tests.Rendering;

/// <summary>
/// Page keys serialize records and views with the metadata compiled into the generator (<see cref="KeyJson"/>), not
/// metadata built by reflection in every process, which cost a 1,000-event edit about a tenth of its time, and which
/// a program compiled ahead of time does not have.
/// </summary>
public sealed class KeyJsonTests
{
    [Theory]
    [InlineData(typeof(ResolvedEvent))]
    [InlineData(typeof(ResolvedEntity))]
    [InlineData(typeof(ResolvedPage))]
    [InlineData(typeof(Source))]
    [InlineData(typeof(Entity))]
    [InlineData(typeof(EntryDates))]
    [InlineData(typeof(PageInputs.Everywhere))]
    [InlineData(typeof(PageInputs.ListedEvent))]
    [InlineData(typeof(SiteView))]
    [InlineData(typeof(PageMeta))]
    [InlineData(typeof(PageView))]
    [InlineData(typeof(List<TagView>))]
    [InlineData(typeof(Timeline.Dates.DateSpan))]
    public void What_keys_hash_is_served_by_the_compiled_metadata(Type type)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = KeyJson.Default };

        Assert.Same(KeyJson.Default, options.GetTypeInfo(type).OriginatingResolver);
    }

    [Fact]
    public void A_type_it_does_not_list_is_refused_not_served_by_reflection()
    {
        // The published program is compiled ahead of time, where reflection could not serve it: the tests must fail
        // on such a type as that program would, not pass by reflection.
        var options = new JsonSerializerOptions { TypeInfoResolver = KeyJson.Default };

        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Unlisted(3), options.GetTypeInfo(typeof(Unlisted))));
    }

    private sealed record Unlisted(int Value);
}
