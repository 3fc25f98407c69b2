namespace Timeline.Publishing.Overview;

/// <summary>
/// One event as the overview draws it: where it links, what its mark is called (date and title), its year, the month
/// that places it within the year (null when it is dated to the year only) and the short name a roomy row writes out.
/// </summary>
internal sealed record OverviewEvent(string Url, string Name, int Year, int? Month = null, string Title = "");

/// <summary>
/// A run of events the index shows under one era (or outside every era, with no title), in time order.
/// FirstYear and LastYear are the era's own years, so an empty stretch inside the era can be drawn inside its band.
/// </summary>
internal sealed record OverviewSection(string? Title, int? FirstYear, int? LastYear, IReadOnlyList<OverviewEvent> Events)
{
    public bool Covers(int firstYear, int lastYear) => FirstYear <= firstYear && lastYear <= LastYear;
}
