using Fluid;
using Timeline.Theme;
using Timeline.Views;

namespace Timeline.Tests.Theme;

/// <summary>
/// The json filter writes a view through <see cref="ThemeJson"/>, which must list every view a template can read: the
/// types <see cref="ViewTypes"/> registers with Fluid, recorded here as Fluid is handed them.
/// </summary>
public sealed class ThemeJsonTests
{
    [Fact]
    public void Every_view_a_template_can_read_can_be_written_as_json()
    {
        var strategy = new Recording();

        ViewTypes.Register(strategy);

        Assert.NotEmpty(strategy.Types);
        Assert.All(strategy.Types, type => Assert.True(ThemeJson.Default.GetTypeInfo(type) is not null, $"ThemeJson does not list {type.Name}"));
    }

    private sealed class Recording : MemberAccessStrategy
    {
        public HashSet<Type> Types { get; } = [];

        public override IMemberAccessor GetAccessor(Type type, string name) => null!;

        public override void Register(Type type, IEnumerable<KeyValuePair<string, IMemberAccessor>> accessors) => Types.Add(type);
    }
}
