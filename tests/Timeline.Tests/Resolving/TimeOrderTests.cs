using CsCheck;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Model;
using Timeline.Resolving;

namespace Timeline.Tests.Resolving;

public sealed class TimeOrderTests
{
    private static TimelineEvent Event(string id, DateSpan when) =>
        new(id, when, id, "", [], [], [], [], [], [], MarkdownText.Empty, new Origin(id + ".yml", SourcePosition.WholeFile));

    // Few years and months, so that equal starts, coarser dates and equal ends meet often.
    private static readonly Gen<PartialDate> Date = Gen.Select(Gen.Int[1987, 1989], Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[0, 2])
        .Select((year, month, day, precision) => precision switch
        {
            0 => PartialDate.OfYear(year),
            1 => PartialDate.OfMonth(year, month),
            _ => PartialDate.OfDay(year, month, day),
        });

    [Fact]
    public void Sorting_on_keys_gives_the_order_of_the_comparer() =>
        Gen.Select(Date, Date, Gen.Bool, Gen.Int[0, 5]).Array[0, 40].Sample(spans =>
        {
            // Ids repeat the same few letters in a shuffled order, so the last tie-break is exercised too.
            var events = spans.Select((s, i) => Event($"e{(i * 7) % spans.Length:000}-{s.Item4}", new DateSpan(s.Item1, s.Item3 && s.Item2 > s.Item1 ? s.Item2 : null, false)))
                .DistinctBy(e => e.Id)
                .ToList();
            Assert.Equal(events.OrderBy(e => e, ReferenceResolver.TimeOrder).Select(e => e.Id), ReferenceResolver.InTimeOrder(events).Select(e => e.Id));
        });
}
