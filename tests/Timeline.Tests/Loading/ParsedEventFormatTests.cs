using System.Collections;
using System.Reflection;
using System.Text;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Loading;
using Timeline.Model;

namespace Timeline.Tests.Loading;

/// <summary>
/// A parsed event reads back from the cache's bytes as it was written, every value of it; and bytes that are not a
/// whole event are refused, so the file is parsed again rather than a damaged entry shown.
/// </summary>
public sealed class ParsedEventFormatTests
{
    // Every value set, none of them a default: a value added to the records later fails Every_value_of_the_sample_is_set
    // until the sample sets it, and then the round trip until the format writes it.
    private static TimelineEvent Sample()
    {
        var path = "input/events/1988/فرهنگ-event.yml";
        Origin At(int line, int column) => new(path, new SourcePosition(line, column));
        return new TimelineEvent(
            "1988-07-19-an-event",
            new DateSpan(PartialDate.OfDay(1988, 7, 19), PartialDate.OfDay(1988, 9, 5), Circa: true),
            "A title with “quotes” and عنوان",
            "A summary.",
            ["tag-one", "tag-two"],
            [new Reference("related-event", At(8, 11))],
            [new Reference("source-one", At(9, 12)), new Reference("source-two", new Origin("input/sources.yml", new SourcePosition(3, 4)))],
            [new Reference("person-one", At(10, 10))],
            [new Reference("organisation-one", At(11, 10))],
            [new Reference("place-one", At(12, 10))],
            new MarkdownText("Body with a note [@source-one, p. 4].\n\nSecond paragraph.\n", 14, 2, LinesExact: true),
            At(1, 1))
        {
            Translations = new Dictionary<string, EventTranslation>(StringComparer.Ordinal)
            {
                ["fa"] = new("fa", "عنوان", "خلاصه", new MarkdownText("متن", 30, 4, LinesExact: true), At(28, 3)),
                ["de"] = new("de", "Titel", "Zusammenfassung", new MarkdownText("Text", 40, 4, LinesExact: true), At(38, 3)),
            },
            Dates = new EntryDates(
                new DateOnly(2020, 12, 9),
                new DateOnly(2021, 3, 1),
                [new Correction(new DateOnly(2021, 2, 1), "A date corrected.", At(20, 5)) { Translations = new Dictionary<string, string> { ["fa"] = "تاریخ" } }]),
            Sort = PartialDate.OfDay(1988, 7, 20),
        };
    }

    [Fact]
    public void Every_value_of_the_sample_is_set()
    {
        AssertSet(Sample(), "event");
    }

    [Fact]
    public void An_event_reads_back_as_written_every_value_of_it()
    {
        var sample = Sample();
        var read = ParsedEventFormat.Read(ParsedEventFormat.Write(sample));
        AssertSame(sample, read, "event");

        // The other way round too: nothing unset is read as set.
        var bare = new TimelineEvent("bare", DateSpan.Single(PartialDate.OfYear(1988)), "Bare", "", [], [], [], [], [], [], MarkdownText.Empty, new Origin("e.yml", SourcePosition.None));
        var readBare = ParsedEventFormat.Read(ParsedEventFormat.Write(bare));
        AssertSame(bare, readBare, "event");
        Assert.Null(readBare.Sort);
        Assert.Null(readBare.When.End);
        Assert.Empty(readBare.Translations);

        // A date of each precision.
        foreach (var date in new[] { PartialDate.OfYear(622), PartialDate.OfMonth(1988, 7), PartialDate.OfDay(9999, 12, 31) })
        {
            var dated = bare with { When = new DateSpan(date, date, Circa: false) };
            var span = ParsedEventFormat.Read(ParsedEventFormat.Write(dated)).When;
            Assert.Equal((date, date), (span.Start, span.End!.Value));
        }
    }

    [Fact]
    public void Bytes_that_are_not_a_whole_event_are_refused()
    {
        var bytes = ParsedEventFormat.Write(Sample());

        // Cut short anywhere, or with a byte more.
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => ParsedEventFormat.Read(bytes.AsSpan(0, length)));
        }

        Assert.Throws<InvalidDataException>(() => ParsedEventFormat.Read([.. bytes, 0]));

        // The title's length past the end (its one byte made the first of two: 8,447); a byte of the title that is not UTF-8.
        var title = Encoding.UTF8.GetBytes("A title with");
        var at = bytes.AsSpan().IndexOf(title);
        Assert.True(at > 1);
        var spoiled = bytes.ToArray();
        spoiled[at - 1] = 0xFF;
        Assert.Throws<InvalidDataException>(() => ParsedEventFormat.Read(spoiled));
        spoiled = bytes.ToArray();
        spoiled[at] = 0xFF;
        Assert.Throws<InvalidDataException>(() => ParsedEventFormat.Read(spoiled));

        // A day that no calendar has: the start's day (19) made 31 in July's place of September.
        var start = bytes.AsSpan().IndexOf(new byte[] { 0xC4, 0x0F, 7, 19 });
        Assert.True(start > 0);
        spoiled = bytes.ToArray();
        spoiled[start + 2] = 9;
        spoiled[start + 3] = 31;
        Assert.Throws<InvalidDataException>(() => ParsedEventFormat.Read(spoiled));
    }

    private static void AssertSet(object? value, string at)
    {
        switch (value)
        {
            case null:
                Assert.Fail($"{at} is not set");
                break;
            case string text:
                Assert.False(text.Length == 0, $"{at} is empty");
                break;
            case bool flag:
                Assert.True(flag, $"{at} is false");
                break;
            case int number:
                Assert.True(number != 0, $"{at} is 0");
                break;
            case DateOnly day:
                Assert.True(day != default, $"{at} is not set");
                break;
            case Enum kind:
                Assert.True(Convert.ToInt32(kind, System.Globalization.CultureInfo.InvariantCulture) != 0, $"{at} is the first of its kind");
                break;
            case IEnumerable items:
                var count = 0;
                foreach (var item in items)
                {
                    AssertSet(item, $"{at}[{count++}]");
                }

                Assert.True(count > 0, $"{at} is empty");
                break;
            default:
                // The values a record holds; those it works out from them (Order, LastUpdated) may be unset.
                foreach (var property in Walked(value).Where(p => p.SetMethod is not null))
                {
                    AssertSet(property.GetValue(value), $"{at}.{property.Name}");
                }

                break;
        }
    }

    private static void AssertSame(object? expected, object? actual, string at)
    {
        if (expected is null || actual is null || expected is string || expected.GetType().IsPrimitive || expected.GetType().IsEnum || expected is DateOnly)
        {
            Assert.True(Equals(expected, actual), $"{at}: {expected} was read as {actual}");
        }
        else if (expected is IEnumerable items)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{at}: {left.Count} items read as {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                AssertSame(left[i], right[i], $"{at}[{i}]");
            }
        }
        else
        {
            Assert.Equal(expected.GetType(), actual.GetType());
            foreach (var property in Walked(expected))
            {
                AssertSame(property.GetValue(expected), property.GetValue(actual), $"{at}.{property.Name}");
            }
        }
    }

    // A record's values, its own and those it works out (Order, LastUpdated): what a page can show of it.
    private static IEnumerable<PropertyInfo> Walked(object value) =>
        value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");
}
