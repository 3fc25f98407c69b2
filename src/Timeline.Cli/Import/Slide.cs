using Timeline.Diagnostics;

namespace Timeline.Cli.Import;

/// <summary>
/// One value of a slide as the file gives it, with where: a sheet's cell (its row's line, and the column's name) or a
/// JSON value (its line and column, and its path such as events[3].start_date.year).
/// </summary>
internal readonly record struct SlideField(string Text, SourcePosition Position, string Name)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A date's parts as written: year, month and day, any of them empty.</summary>
internal sealed record SlideDate(SlideField Year, SlideField Month, SlideField Day)
{
    public bool IsEmpty => Year.IsEmpty && Month.IsEmpty && Day.IsEmpty;
}

/// <summary>
/// A TimelineJS slide read from either format, before any conversion: what the sheet's columns and the JSON's fields
/// have in common. <see cref="Where"/> names it in messages ("row 5", "events[3]").
/// </summary>
internal sealed record Slide(
    string Where,
    SourcePosition Position,
    string Type,
    SlideDate Start,
    SlideDate End,
    SlideField DisplayDate,
    SlideField Headline,
    SlideField Text,
    SlideField Media,
    SlideField Credit,
    SlideField Caption,
    SlideField Group,
    SlideField UniqueId);

/// <summary>What a TimelineJS file holds: its slides in file order, the title slide among them (Type "title").</summary>
internal sealed record SlideFile(string Format, IReadOnlyList<Slide> Slides);
