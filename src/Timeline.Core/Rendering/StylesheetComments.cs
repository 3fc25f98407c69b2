using System.Text;

namespace Timeline.Rendering;

/// <summary>
/// A stylesheet as the site serves it: the theme's comments explain it to whoever edits the theme, and a reader's
/// browser need not download them (a third of style.css, gzipped). Strings are kept as written, and nothing else
/// changes but blank lines and indentation.
/// </summary>
internal static class StylesheetComments
{
    public static string Strip(string css)
    {
        var text = new StringBuilder(css.Length);
        var quote = '\0';
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (quote != '\0')
            {
                text.Append(c);
                if (c == '\\' && i + 1 < css.Length)
                {
                    text.Append(css[++i]);
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                text.Append(c);
            }
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 1;
            }
            else
            {
                text.Append(c);
            }
        }

        var lines = text.ToString().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);
        return string.Join('\n', lines) + "\n";
    }
}
