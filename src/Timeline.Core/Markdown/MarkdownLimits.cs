namespace Timeline.Markdown;

/// <summary>
/// Markdig puts each inline of a paragraph under the deepest emphasis mark or bracket still open, walking down to it
/// from the top (InlineProcessor.FindLastContainer), and closes the marks only at the paragraph's end: n marks in one
/// paragraph cost about n² steps (5,000 lines with an *emphasis* each took 4.5 s to read). With at most
/// <see cref="MarksPerParagraph"/> marks each walk is bounded, so reading stays linear in the text's length.
/// </summary>
internal static class MarkdownLimits
{
    /// <summary>Far above what prose holds (a long paragraph has a few dozen), far below where the walks cost.</summary>
    public const int MarksPerParagraph = 500;

    /// <summary>
    /// The 0-based line on which a paragraph first holds more than <see cref="MarksPerParagraph"/> marks (runs of '*' or
    /// '_', and each '['), or -1. Any lines between empty lines count as one paragraph, an upper bound of Markdig's.
    /// </summary>
    public static int FirstCrowdedLine(string markdown)
    {
        var marks = 0;
        var line = 0;
        var blank = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\n')
            {
                marks = blank ? 0 : marks;
                line++;
                blank = true;
                continue;
            }

            blank = blank && (c is ' ' or '\t' or '\r');
            var mark = c == '[' || ((c is '*' or '_') && (i == 0 || markdown[i - 1] != c));
            if (mark && ++marks > MarksPerParagraph)
            {
                return line;
            }
        }

        return -1;
    }
}
