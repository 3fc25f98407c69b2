using System.Collections.Concurrent;

namespace Timeline.Theme;

/// <summary>
/// Partials already rendered for one language's pages of one build, by the value they show and their level:
/// an event's list item is the same on the index, its year, its tags and its people's pages, so it is rendered once.
/// Values are told apart by reference: the views of one build are made once and never change.
/// </summary>
public sealed class PartialCache
{
    private readonly ConcurrentDictionary<(object Value, int Level), string> _rendered = new(new ByReference());

    public string GetOrRender(object value, int level, Func<string> render)
    {
        if (_rendered.TryGetValue((value, level), out var html))
        {
            return html;
        }

        // Two threads may render the same item at once; both results are the same, one is kept.
        return _rendered.GetOrAdd((value, level), render());
    }

    private sealed class ByReference : IEqualityComparer<(object Value, int Level)>
    {
        public bool Equals((object Value, int Level) x, (object Value, int Level) y) => ReferenceEquals(x.Value, y.Value) && x.Level == y.Level;

        public int GetHashCode((object Value, int Level) key) => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Value), key.Level);
    }
}
