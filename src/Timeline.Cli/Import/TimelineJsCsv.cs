using nietras.SeparatedValues;
using Timeline.Diagnostics;

namespace Timeline.Cli.Import;

/// <summary>
/// Reads the CSV export of TimelineJS's Google Sheet template: a header row (Year, Month, Day, Time, End Year, End
/// Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type,
/// Group, Background), then one slide a row. Columns are found by name as TimelineJS finds them (case and spaces
/// ignored), so a sheet with its columns moved or extra ones added reads the same; blank rows are skipped.
/// </summary>
internal static class TimelineJsCsv
{
    private static readonly string[] Required = ["year", "headline"];

    public static SlideFile? Read(string text, string shownPath, DiagnosticBag diagnostics)
    {
        // Unescape: a quoted cell's quotes go and doubled quotes become one; a cell may hold commas and line breaks.
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        Dictionary<string, int>? columns = null;
        var slides = new List<Slide>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            var position = new SourcePosition(row.LineNumberFrom, 1);
            if (columns is null)
            {
                columns = Columns(cells);
                if (Required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
                {
                    diagnostics.Error(shownPath, SourcePosition.WholeFile, ErrorMessages.ImportUnreadable($"its first row names no '{Header(missing)}' column (it names {string.Join(", ", cells.Take(6).Select(c => $"'{c}'"))}), so it is not the TimelineJS template's sheet"));
                    return null;
                }

                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // Row numbers as the sheet shows them: the header is row 1.
            var where = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"row {row.RowIndex + 1}");
            SlideField Cell(string name)
            {
                var value = columns.TryGetValue(name, out var index) && index < cells.Length ? cells[index] : "";
                return new SlideField(value, position, $"column '{Header(name)}'");
            }

            slides.Add(new Slide(
                where,
                position,
                Cell("type").Text.Trim().ToLowerInvariant(),
                new SlideDate(Cell("year"), Cell("month"), Cell("day")),
                new SlideDate(Cell("endyear"), Cell("endmonth"), Cell("endday")),
                Cell("displaydate"),
                Cell("headline"),
                Cell("text"),
                Cell("media"),
                Cell("mediacredit"),
                Cell("mediacaption"),
                Cell("group"),
                new SlideField("", position, "")));
        }

        if (columns is null)
        {
            diagnostics.Error(shownPath, SourcePosition.WholeFile, ErrorMessages.ImportUnreadable("it is empty"));
            return null;
        }

        return new SlideFile("CSV", slides);
    }

    /// <summary>Each column's index by its name in lower case without spaces ("End Year" is "endyear"); the first of two alike wins.</summary>
    private static Dictionary<string, int> Columns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(Key(header[i]), i);
        }

        return columns;
    }

    private static string Key(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>A column's name as the template writes it, for messages.</summary>
    private static string Header(string key) => key switch
    {
        "endyear" => "End Year",
        "endmonth" => "End Month",
        "endday" => "End Day",
        "displaydate" => "Display Date",
        "mediacredit" => "Media Credit",
        "mediacaption" => "Media Caption",
        _ => char.ToUpperInvariant(key[0]) + key[1..],
    };
}
