using System.Collections;

namespace Timeline.Views;

/// <summary>
/// Events as a list shows them, held as positions in the timeline: each summary is made (once, by the ViewBuilder)
/// when a template first reads it, so listing a site's pages costs no dates written.
/// </summary>
internal sealed class SummaryList(int[] positions, Func<int, EventSummaryView> summaryAt) : IReadOnlyList<EventSummaryView>
{
    public int Count => positions.Length;

    public EventSummaryView this[int index] => summaryAt(positions[index]);

    public IEnumerator<EventSummaryView> GetEnumerator()
    {
        foreach (var position in positions)
        {
            yield return summaryAt(position);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
