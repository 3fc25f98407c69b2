namespace Timeline.Dates;

/// <summary>When an event happened: a start, an optional end, and whether the dating is approximate.</summary>
public sealed record DateSpan(PartialDate Start, PartialDate? End, bool Circa)
{
    public static DateSpan Single(PartialDate date) => new(date, null, false);
}
