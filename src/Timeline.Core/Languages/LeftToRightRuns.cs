namespace Timeline.Languages;

/// <summary>
/// Finds the runs of left-to-right script in a text written right to left: a quoted English headline, a web address,
/// an acronym, a case number. A page isolates each run, so that the bidirectional algorithm does not scatter its
/// punctuation and digits across the right-to-left sentence around it.
/// </summary>
internal static class LeftToRightRuns
{
    /// <summary>The text in pieces, in order; LeftToRight marks the runs to isolate. Joined, the pieces are the text.</summary>
    public static IReadOnlyList<(string Text, bool LeftToRight)> Split(string text)
    {
        var parts = new List<(string, bool)>();
        var done = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsLeftToRightLetter(text[i]))
            {
                i++;
                continue;
            }

            var end = RunEnd(text, i);
            if (i > done)
            {
                parts.Add((text[done..i], false));
            }

            parts.Add((text[i..(end + 1)], true));
            done = i = end + 1;
        }

        if (done < text.Length)
        {
            parts.Add((text[done..], false));
        }

        return parts;
    }

    /// <summary>
    /// The last character of the run starting at a letter: it goes on over letters, ASCII digits, spaces and
    /// punctuation, and ends at its last letter, digit or closing bracket that matches one opened inside it, so that
    /// "WTMJ (wtmj.com)" is one run but the parentheses of «(AFP)» stay the sentence's own.
    /// </summary>
    private static int RunEnd(string text, int start)
    {
        var last = start;
        var depth = 0;
        for (var j = start + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (IsLeftToRightLetter(c) || c is >= '0' and <= '9')
            {
                if (depth == 0)
                {
                    last = j;
                }
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                if (depth == 0)
                {
                    break;
                }

                if (--depth == 0)
                {
                    last = j;
                }
            }
            else if (!IsJoining(c))
            {
                break;
            }
        }

        return last;
    }

    private static bool IsLeftToRightLetter(char c) => char.IsLetter(c) && !IsRightToLeftScript(c);

    // Spaces and the punctuation of left-to-right text (an apostrophe, a colon, a slash of an address); not the
    // guillemets, which Persian quotes with.
    private static bool IsJoining(char c) =>
        c == ' ' || (c is > ' ' and < '\u007f' && !char.IsLetterOrDigit(c)) || c is >= '\u2010' and <= '\u2027';

    // Hebrew, Arabic (with Persian letters, digits and punctuation) and their presentation forms.
    private static bool IsRightToLeftScript(char c) =>
        c is >= '\u0590' and <= '\u08ff' or >= '\ufb1d' and <= '\ufdff' or >= '\ufe70' and <= '\ufeff';
}
