
namespace Timeline.Publishing.Overview;

/// <summary>
/// How the overview is drawn. Width is in CSS pixels at 1:1 scale: narrow enough that its text stays readable on a
/// phone, where the chart is shown at about its own size. Empty stretches longer than CompressGapsLongerThan years
/// become one short break; shorter ones keep a row per year, so a reader sees that a year passed without events.
/// MonthNames (January first), when given, label the months of a crowded year above their marks.
/// </summary>
internal sealed record OverviewOptions(int Width = 320, int CompressGapsLongerThan = 2, IReadOnlyList<string>? MonthNames = null);

/// <summary>
/// A line of text in the chart: an event's title written beside its mark (Event set; part of its link), or a month's
/// name above the marks of that month in a crowded year.
/// </summary>
internal sealed record OverviewCaption(string Text, int X, int Baseline, OverviewEvent? Event);

/// <summary>An era's band: a background behind its rows, with its title (wrapped into lines) on top.</summary>
internal sealed record OverviewBand(IReadOnlyList<string> TitleLines, int Top, int Bottom, IReadOnlyList<int> TitleBaselines);

/// <summary>A year's row on the axis; AxisY is where its tick and label sit, at the middle of its first line of marks.</summary>
internal sealed record OverviewYear(int Year, int Top, int Bottom, int AxisY, int LabelBaseline);

/// <summary>A long stretch with no events, drawn short; the axis is cut there and the cut is labelled.</summary>
internal sealed record OverviewBreak(int FirstYear, int LastYear, int Top, int Bottom, int LabelBaseline)
{
    public int Middle => (Top + Bottom) / 2;
}

/// <summary>One event's mark: the centre of its dot; its link's target area is a square of Pitch around it.</summary>
internal sealed record OverviewMark(OverviewEvent Event, int X, int Y);

/// <summary>A drawn piece of the axis line, from Top to Bottom.</summary>
internal sealed record OverviewAxisSegment(int Top, int Bottom);

/// <summary>
/// The overview's geometry: a vertical time axis, a row per year with a dot per event (wrapping onto more lines in a
/// dense year), eras as bands around their rows, and long empty stretches compressed into a labelled break.
/// Coordinates are whole pixels, so the drawing is the same on every machine.
/// </summary>
internal sealed record OverviewLayout(
    int Width,
    int Height,
    IReadOnlyList<OverviewBand> Bands,
    IReadOnlyList<OverviewYear> Years,
    IReadOnlyList<OverviewBreak> Breaks,
    IReadOnlyList<OverviewMark> Marks,
    IReadOnlyList<OverviewAxisSegment> Axis)
{
    /// <summary>Event titles written out and month names, in the order they are drawn.</summary>
    public IReadOnlyList<OverviewCaption> Captions { get; init; } = [];

    /// <summary>A year with at most this many events writes each one's title beside its mark, on a line of its own.</summary>
    public const int NamedRow = 2;

    /// <summary>A year with at least this many events, in more than one month, names its months above their marks.</summary>
    public const int MonthRow = 6;

    private const int MonthLabelHeight = 15;
    private const int MonthGap = 6;

    // Widths of 13px sans-serif text (titles, month names), estimated with a little to spare.
    private const double CaptionCharWidth = 7.4;
    private const double MonthCharWidth = 7.4;

    /// <summary>Distance between neighbouring marks; also the size of each mark's link target (WCAG 2.5.8 asks for 24).</summary>
    public const int Pitch = 24;

    public const int MarkRadius = 5;

    public const int YearLabelX = 40;

    public const int AxisX = 50;

    public const int MarksLeft = 60;

    /// <summary>Era titles start right of the axis, in line with the marks, so the axis never crosses them.</summary>
    public const int BandTitleX = MarksLeft;

    public const int GapLabelX = MarksLeft + 6;

    private const int Padding = 4;
    private const int BandGap = 6;
    private const int TitleTop = 8;
    private const int TitleLineHeight = 18;
    private const int TitleAscent = 14;
    private const int BandBottomPadding = 4;
    private const int BreakHeight = 40;
    private const int AxisCutMargin = 6;

    // Titles are wrapped by an estimate of the width of bold 14px sans-serif text; half a character to spare.
    private const double TitleCharWidth = 8.5;

    /// <summary>The centre of a mark in the given column.</summary>
    public static int MarkX(int column) => MarksLeft + Pitch / 2 + column * Pitch;

    public static OverviewLayout Compute(IReadOnlyList<OverviewSection> sections, OverviewOptions options)
    {
        var perLine = Math.Max(1, (options.Width - MarksLeft - Padding) / Pitch);
        var titleChars = Math.Max(8, (int)((options.Width - BandTitleX - Padding * 2) / TitleCharWidth));

        var bands = new List<OverviewBand>();
        var years = new List<OverviewYear>();
        var breaks = new List<OverviewBreak>();
        var marks = new List<OverviewMark>();
        var captions = new List<OverviewCaption>();
        var captionChars = (int)((options.Width - CaptionX - Padding) / CaptionCharWidth);
        var axis = new List<OverviewAxisSegment>();
        int? axisStart = null;
        var y = Padding;

        foreach (var run in Runs(sections, options.CompressGapsLongerThan))
        {
            var title = run.Owner is { } owner ? sections[owner].Title : null;
            var bandTop = y;
            var titleLines = title is null ? [] : Wrap(title, titleChars);
            var baselines = new List<int>();
            if (title is not null)
            {
                y += TitleTop;
                foreach (var _ in titleLines)
                {
                    baselines.Add(y + TitleAscent);
                    y += TitleLineHeight;
                }
            }

            foreach (var item in run.Items)
            {
                if (item is GapItem gap)
                {
                    var top = y;
                    y += BreakHeight;
                    var cut = new OverviewBreak(gap.FirstYear, gap.LastYear, top, y, (top + y) / 2 + 5);
                    breaks.Add(cut);
                    if (axisStart is { } start)
                    {
                        axis.Add(new OverviewAxisSegment(start, cut.Top + AxisCutMargin));
                    }

                    axisStart = cut.Bottom - AxisCutMargin;
                    continue;
                }

                var row = (RowItem)item;
                var rowTop = y;
                var firstLine = Pitch / 2;
                if (row.Events.Count <= NamedRow && captionChars >= 8)
                {
                    // Few events: each on a line of its own, its title written beside its mark.
                    for (var i = 0; i < row.Events.Count; i++)
                    {
                        var markY = rowTop + Pitch / 2 + (i * Pitch);
                        var mark = new OverviewMark(row.Events[i], MarkX(0), markY);
                        marks.Add(mark);
                        if (row.Events[i].Title.Length > 0)
                        {
                            captions.Add(new OverviewCaption(Shorten(row.Events[i].Title, captionChars), CaptionX, markY + 5, row.Events[i]));
                        }
                    }

                    y += Math.Max(1, row.Events.Count) * Pitch;
                }
                else if (options.MonthNames is { Count: 12 } months && row.Events.Count >= MonthRow && row.Events.Select(e => e.Month).Distinct().Count() > 1)
                {
                    y = MonthLines(row, months, rowTop, options.Width, marks, captions);
                    firstLine = MonthLabelHeight + (Pitch / 2);
                }
                else
                {
                    var lines = Math.Max(1, (row.Events.Count + perLine - 1) / perLine);
                    for (var i = 0; i < row.Events.Count; i++)
                    {
                        marks.Add(new OverviewMark(row.Events[i], MarkX(i % perLine), rowTop + Pitch / 2 + (i / perLine * Pitch)));
                    }

                    y += lines * Pitch;
                }

                var axisY = rowTop + firstLine;
                years.Add(new OverviewYear(row.Year, rowTop, y, axisY, axisY + 5));
                axisStart ??= axisY;
            }

            if (title is not null)
            {
                y += BandBottomPadding;
                bands.Add(new OverviewBand(titleLines, bandTop, y, baselines));
            }

            y += BandGap;
        }

        if (axisStart is { } last && years.Count > 0 && years[^1].AxisY > last)
        {
            axis.Add(new OverviewAxisSegment(last, years[^1].AxisY));
        }

        return new OverviewLayout(options.Width, y - BandGap + Padding, bands, years, breaks, marks, axis) { Captions = captions };
    }

    /// <summary>Where an event's title starts: just past its mark's link target.</summary>
    public const int CaptionX = MarksLeft + Pitch + 2;

    /// <summary>
    /// A crowded year's marks in groups by month, each group under its month's name (events dated to the year only
    /// come first, unnamed), on as many lines as they need. Returns where the row ends.
    /// </summary>
    private static int MonthLines(RowItem row, IReadOnlyList<string> months, int rowTop, int width, List<OverviewMark> marks, List<OverviewCaption> captions)
    {
        var available = width - MarksLeft - Padding;
        var lineHeight = MonthLabelHeight + Pitch;
        var lineTop = rowTop;
        var x = 0;
        foreach (var group in Groups(row.Events))
        {
            var name = group[0].Month is { } m ? months[m - 1] : "";
            var nameChars = Math.Max(1, (int)((available - 2) / MonthCharWidth));
            name = Shorten(name, nameChars);
            var nameWidth = name.Length == 0 ? 0 : (int)Math.Ceiling(name.Length * MonthCharWidth) + 2;
            var groupWidth = Math.Max(group.Count * Pitch, nameWidth);
            if (x > 0 && x + Math.Min(groupWidth, available) > available)
            {
                lineTop += lineHeight;
                x = 0;
            }

            var start = x;
            if (name.Length > 0)
            {
                captions.Add(new OverviewCaption(name, MarksLeft + x + 2, lineTop + MonthLabelHeight - 3, null));
            }

            foreach (var e in group)
            {
                if (x + Pitch > available)
                {
                    lineTop += lineHeight;
                    x = 0;
                    start = 0;
                    nameWidth = 0;
                }

                marks.Add(new OverviewMark(e, MarksLeft + x + (Pitch / 2), lineTop + MonthLabelHeight + (Pitch / 2)));
                x += Pitch;
            }

            x = Math.Max(x, start + nameWidth) + MonthGap;
        }

        return lineTop + lineHeight;
    }

    private static List<List<OverviewEvent>> Groups(IReadOnlyList<OverviewEvent> events)
    {
        var groups = new List<List<OverviewEvent>>();
        foreach (var e in events)
        {
            if (groups.Count == 0 || groups[^1][0].Month != e.Month)
            {
                groups.Add([]);
            }

            groups[^1].Add(e);
        }

        return groups;
    }

    /// <summary>The text cut at a word to at most maxChars, with an ellipsis when cut.</summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = text[..Math.Max(1, maxChars - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > maxChars / 2 ? cut[..space] : cut).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>
    /// The rows and breaks in order, cut into runs that share a band. An empty stretch between two sections goes into
    /// the band of an era that spans all of it (1990 to 2015 inside an era of 1989 to 2015), else between the bands.
    /// </summary>
    private static List<Run> Runs(IReadOnlyList<OverviewSection> sections, int compressLongerThan)
    {
        var items = new List<(int? Owner, Item Item)>();
        int? previousYear = null;
        var previousSection = -1;
        for (var s = 0; s < sections.Count; s++)
        {
            foreach (var year in sections[s].Events.GroupBy(e => e.Year))
            {
                if (previousYear is { } p && year.Key > p + 1)
                {
                    var (first, lastYear) = (p + 1, year.Key - 1);
                    int? owner = previousSection == s || sections[previousSection].Covers(first, lastYear) ? previousSection
                        : sections[s].Covers(first, lastYear) ? s
                        : null;
                    if (lastYear - first + 1 > compressLongerThan)
                    {
                        items.Add((owner, new GapItem(first, lastYear)));
                    }
                    else
                    {
                        for (var empty = first; empty <= lastYear; empty++)
                        {
                            items.Add((owner, new RowItem(empty, [])));
                        }
                    }
                }

                items.Add((s, new RowItem(year.Key, year.ToList())));
                previousYear = year.Key;
                previousSection = s;
            }
        }

        var runs = new List<Run>();
        foreach (var (owner, item) in items)
        {
            if (runs.Count == 0 || runs[^1].Owner != owner)
            {
                runs.Add(new Run(owner, []));
            }

            runs[^1].Items.Add(item);
        }

        return runs;
    }

    /// <summary>Breaks a title into lines of at most maxChars at spaces; a longer word gets a line of its own.</summary>
    public static IReadOnlyList<string> Wrap(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = "";
            }

            line = line.Length == 0 ? word : line + " " + word;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private sealed record Run(int? Owner, List<Item> Items);

    private abstract record Item;

    private sealed record RowItem(int Year, IReadOnlyList<OverviewEvent> Events) : Item;

    private sealed record GapItem(int FirstYear, int LastYear) : Item;
}
