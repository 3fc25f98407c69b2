using CsCheck;
using Timeline.Model;
using Timeline.Publishing.Overview;
using Timeline.Tests.Support;

namespace Timeline.Tests.Publishing.Overview;

public sealed class OverviewLayoutTests
{
    private static readonly IReadOnlyList<string> Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly OverviewOptions Options = new(MonthNames: Months);

    [Fact]
    public void A_gap_longer_than_the_limit_becomes_one_break_labelled_with_its_years()
    {
        var layout = OverviewLayout.Compute([Era("The killings", 1988, 1988, 1988, 1988), Outside(2020, 2020)], Options);

        var cut = Assert.Single(layout.Breaks);
        Assert.Equal((1989, 2019), (cut.FirstYear, cut.LastYear));
        Assert.Equal("1989–2019: no events recorded", OverviewSvgWriter.GapText(cut, EnglishTheme.Overview));
        Assert.Equal([1988, 2020], layout.Years.Select(y => y.Year));
        Assert.True(layout.Years[0].Bottom <= cut.Top && cut.Bottom <= layout.Years[1].Top);
    }

    [Theory]
    [InlineData(1990, new[] { 1988, 1989, 1990 })]
    [InlineData(1991, new[] { 1988, 1989, 1990, 1991 })]
    public void A_gap_within_the_limit_keeps_an_empty_row_for_each_year(int last, int[] rows)
    {
        var layout = OverviewLayout.Compute([Outside(1988, last)], Options with { CompressGapsLongerThan = 2 });

        Assert.Empty(layout.Breaks);
        Assert.Equal(rows, layout.Years.Select(y => y.Year));
    }

    [Fact]
    public void A_gap_one_year_over_the_limit_is_compressed()
    {
        var layout = OverviewLayout.Compute([Outside(1988, 1992)], Options with { CompressGapsLongerThan = 2 });

        Assert.Equal((1989, 1991), (layout.Breaks.Single().FirstYear, layout.Breaks.Single().LastYear));
    }

    [Fact]
    public void A_gap_inside_an_eras_years_is_drawn_inside_its_band_and_one_outside_every_era_between_bands()
    {
        var layout = OverviewLayout.Compute(
            [Era("Silence", 1989, 2015, 1989, 1989), Era("The leak", 2016, 2016, 2016, 2016), Era("Later", 2030, 2030, 2030, 2030)],
            Options);

        Assert.Equal(2, layout.Breaks.Count);
        var inside = layout.Breaks[0];
        Assert.Equal((1990, 2015), (inside.FirstYear, inside.LastYear));
        Assert.True(layout.Bands[0].Top < inside.Top && inside.Bottom <= layout.Bands[0].Bottom, "1990–2015 lies outside the band of 1989–2015.");
        var between = layout.Breaks[1];
        Assert.All(layout.Bands, band => Assert.True(between.Bottom <= band.Top || band.Bottom <= between.Top, "2017–2029 overlaps a band."));
    }

    [Fact]
    public void A_dense_year_wraps_its_marks_onto_more_lines_of_its_own_row()
    {
        var layout = OverviewLayout.Compute([Outside(1988, 1988, eventsPerYear: 25)], Options);

        var row = Assert.Single(layout.Years);
        Assert.Equal(25, layout.Marks.Count);
        Assert.True(layout.Marks.Select(m => m.Y).Distinct().Count() > 1);
        Assert.All(layout.Marks, m => Assert.InRange(m.Y, row.Top, row.Bottom));
    }

    [Fact]
    public void Long_era_titles_wrap_at_spaces_within_the_width()
    {
        Assert.Equal(["Decades of", "silence and", "denial"], OverviewLayout.Wrap("Decades of silence and denial", 11));
        Assert.Equal(["A", "Wordthatdoesnotfit", "b"], OverviewLayout.Wrap("A Wordthatdoesnotfit b", 5));
    }

    [Fact]
    public void Any_timeline_gets_one_mark_per_event_no_overlaps_and_a_monotonic_axis()
    {
        var timelines = Gen.Select(
            Gen.Int[0, 40].Array[1, 10],
            Gen.Int[1, 25].Array[10],
            Gen.Int[0, 400].Array[0, 5],
            Gen.Bool.Array[6],
            Gen.Int[0, 3].Array[12],
            Gen.Int[120, 800],
            Gen.Int[0, 5]);
        timelines.Sample(
            (offsets, counts, cuts, titled, stretch, width, limit) =>
            {
                var sections = Timeline(offsets, counts, cuts, titled, stretch);
                var options = new OverviewOptions(width, limit, Months);
                var layout = OverviewLayout.Compute(sections, options);
                AssertSound(sections, layout, options);
            },
            iter: 500);
    }

    /// <summary>Builds sections from generated numbers: years with events, cut into runs, some of them in eras.</summary>
    private static List<OverviewSection> Timeline(int[] offsets, int[] counts, int[] cuts, bool[] titled, int[] stretch)
    {
        var years = offsets.Distinct().Order().Select(o => 1950 + o).ToList();
        // Months rise within a year, some events dated to the year only come first; titles of every length.
        var events = years.SelectMany((year, i) => Enumerable.Range(0, counts[i]).Select(n => new OverviewEvent(
            $"/events/{year}-{n}/",
            $"{n} {year}: an event",
            year,
            n < counts[i] % 3 ? null : 1 + (n * 11 / Math.Max(1, counts[i])),
            string.Concat(Enumerable.Repeat("A title of some words ", 1 + (n % 4)))))).ToList();
        var boundaries = cuts.Select(c => c % events.Count).Where(c => c > 0).Distinct().Order().Append(events.Count).ToList();
        var sections = new List<OverviewSection>();
        var start = 0;
        foreach (var end in boundaries)
        {
            var run = events[start..end];
            var i = sections.Count;
            sections.Add(titled[i]
                ? new OverviewSection($"Era {i} with a title long enough to wrap onto a second line", run[0].Year - stretch[2 * i], run[^1].Year + stretch[(2 * i) + 1], run)
                : new OverviewSection(null, null, null, run));
            start = end;
        }

        return sections;
    }

    private static void AssertSound(List<OverviewSection> sections, OverviewLayout layout, OverviewOptions options)
    {
        // Every event has exactly one mark, in time order, on its own year's row.
        var events = sections.SelectMany(s => s.Events).ToList();
        Assert.Equal(events.Count, layout.Marks.Count);
        Assert.All(events.Zip(layout.Marks), pair => Assert.Same(pair.First, pair.Second.Event));
        Assert.All(layout.Marks, mark => Assert.Contains(layout.Years, row => row.Year == mark.Event.Year && row.Top <= mark.Y && mark.Y <= row.Bottom));

        // No two link targets overlap, and each lies inside the drawing.
        var half = OverviewLayout.Pitch / 2;
        for (var a = 0; a < layout.Marks.Count; a++)
        {
            var mark = layout.Marks[a];
            Assert.True(mark.X - half >= 0 && mark.X + half <= layout.Width && mark.Y - half >= 0 && mark.Y + half <= layout.Height, $"{mark} lies outside {layout.Width}x{layout.Height}.");
            for (var b = a + 1; b < layout.Marks.Count; b++)
            {
                var other = layout.Marks[b];
                Assert.True(Math.Abs(mark.X - other.X) >= OverviewLayout.Pitch || Math.Abs(mark.Y - other.Y) >= OverviewLayout.Pitch, $"{mark} overlaps {other}.");
            }
        }

        // Down the axis, years never go back, rows never overlap, and every jump of more than a year is a labelled break.
        for (var i = 1; i < layout.Years.Count; i++)
        {
            var (previous, row) = (layout.Years[i - 1], layout.Years[i]);
            Assert.True(previous.Year <= row.Year, $"{row.Year} comes after {previous.Year}.");
            Assert.True(previous.Bottom <= row.Top && previous.AxisY < row.AxisY);
            var cuts = layout.Breaks.Where(c => previous.Bottom <= c.Top && c.Bottom <= row.Top).ToList();
            if (row.Year - previous.Year > 1)
            {
                var cut = Assert.Single(cuts);
                Assert.Equal((previous.Year + 1, row.Year - 1), (cut.FirstYear, cut.LastYear));
                Assert.True(cut.LastYear - cut.FirstYear + 1 > options.CompressGapsLongerThan);
            }
            else
            {
                Assert.Empty(cuts);
            }
        }

        // The axis runs from the first year to the last, cut only at breaks, and inside the drawing.
        Assert.All(layout.Axis, segment => Assert.True(segment.Top < segment.Bottom && segment.Top >= 0 && segment.Bottom <= layout.Height));
        Assert.All(layout.Breaks, cut => Assert.DoesNotContain(layout.Axis, s => s.Top < cut.Middle && cut.Middle < s.Bottom));
        if (layout.Years[^1].AxisY > layout.Years[0].AxisY)
        {
            Assert.Equal(layout.Years[0].AxisY, layout.Axis[0].Top);
            Assert.Equal(layout.Years[^1].AxisY, layout.Axis[^1].Bottom);
        }

        // Written titles and month names stay inside the drawing and off every other mark's target; month names of a
        // line do not run into one another; a title is written only in a row of at most NamedRow events.
        foreach (var caption in layout.Captions)
        {
            var right = caption.X + (caption.Text.Length * 7.4);
            Assert.True(caption.X >= 0 && right <= layout.Width + 1, $"'{caption.Text}' runs from {caption.X} to {right} of {layout.Width}.");
            Assert.DoesNotContain(layout.Marks, m => m.Event != caption.Event && Math.Abs(m.Y - (caption.Baseline - 5)) < half && caption.X < m.X + half && m.X - half < right);
            if (caption.Event is { } named)
            {
                // (An era that starts within a year splits that year into two rows.)
                var row = layout.Years.Single(r => r.Year == named.Year && r.Top <= caption.Baseline && caption.Baseline <= r.Bottom);
                Assert.True(layout.Marks.Count(m => m.Event.Year == named.Year && row.Top <= m.Y && m.Y <= row.Bottom) <= OverviewLayout.NamedRow);
            }
        }

        var months = layout.Captions.Where(c => c.Event is null).ToList();
        Assert.All(months.Zip(months.Skip(1)).Where(p => p.First.Baseline == p.Second.Baseline), p => Assert.True(p.First.X + (p.First.Text.Length * 7.4) <= p.Second.X, $"'{p.First.Text}' runs into '{p.Second.Text}'."));

        // Bands do not overlap one another, and each titled section has one band.
        Assert.Equal(sections.Count(s => s.Title is not null), layout.Bands.Count);
        Assert.All(layout.Bands.Zip(layout.Bands.Skip(1)), pair => Assert.True(pair.First.Bottom < pair.Second.Top));
    }

    [Fact]
    public void A_year_of_one_or_two_events_writes_each_title_beside_its_mark_cut_at_a_word_to_the_width()
    {
        var events = new List<OverviewEvent>
        {
            new("/events/a/", "1989: A", 1989, 3, "Montazeri's resignation as successor is announced in Tehran"),
            new("/events/b/", "1989: B", 1989, 6, "Short"),
        };

        var layout = OverviewLayout.Compute([new OverviewSection(null, null, null, events)], Options);

        Assert.Equal(2, layout.Marks.Select(m => m.Y).Distinct().Count());
        Assert.Equal(["Montazeri's resignation as…", "Short"], layout.Captions.Select(c => c.Text));
        Assert.All(layout.Captions.Zip(layout.Marks), p => Assert.Equal((p.Second.Event, p.Second.Y + 5), (p.First.Event!, p.First.Baseline)));
    }

    [Fact]
    public void A_crowded_year_names_its_months_above_their_marks_and_those_dated_to_the_year_come_first_unnamed()
    {
        int?[] months = [null, 7, 7, 7, 8, 12];
        var events = months.Select((m, i) => new OverviewEvent($"/events/{i}/", $"{i}", 1988, m, $"Event {i}")).ToList();

        var layout = OverviewLayout.Compute([new OverviewSection(null, null, null, events)], Options);

        Assert.Equal(["July", "August", "December"], layout.Captions.Select(c => c.Text));
        Assert.All(layout.Captions, c => Assert.Null(c.Event));
        foreach (var (caption, month) in layout.Captions.Zip(new[] { 7, 8, 12 }))
        {
            var first = layout.Marks.First(m => m.Event.Month == month);
            Assert.True(caption.Baseline < first.Y - 5 && Math.Abs(caption.X - (first.X - (OverviewLayout.Pitch / 2))) <= 2, $"{caption} is not above {first}.");
        }

        Assert.True(layout.Marks[0].X < layout.Marks[1].X && layout.Marks[0].Event.Month is null);
    }

    private static OverviewSection Era(string title, int first, int last, int firstEvent, int lastEvent) =>
        new(title, first, last, Events(firstEvent, lastEvent, 1));

    private static OverviewSection Outside(int firstEvent, int lastEvent, int eventsPerYear = 1) =>
        new(null, null, null, Events(firstEvent, lastEvent, eventsPerYear));

    /// <summary>Events in the first and the last year only, so the years between are empty.</summary>
    private static List<OverviewEvent> Events(int first, int last, int perYear) =>
        (first == last ? [first] : new[] { first, last })
            .SelectMany(year => Enumerable.Range(0, perYear).Select(n => new OverviewEvent($"/events/{year}-{n}/", $"{year} event {n}", year)))
            .ToList();
}
