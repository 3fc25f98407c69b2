using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Timeline.Loading;

namespace Timeline.Cli.Import;

/// <summary>
/// TimelineJS's HTML (a slide's text, headline, credit) to the Markdown of a record, or to plain text. HTML is parsed
/// as a browser parses it; paragraphs, line breaks, emphasis, lists, quotes and links are kept, and a link only when it
/// goes to an http, https or mailto address, as the loader demands (any other keeps its words). Everything else is
/// reduced to its text, which is escaped: no markup, raw HTML, citation or event link can come through from the file.
/// </summary>
internal static partial class HtmlToMarkdown
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Emphasis marks and link brackets a paragraph may use: the loader refuses more than 500 (TL0311); past this
    /// number the text is kept and its markup dropped.
    /// </summary>
    private const int MaxMarks = 400;

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "HEADER", "FOOTER", "ASIDE", "MAIN", "NAV", "FIGURE", "FIGCAPTION", "H1", "H2", "H3",
        "H4", "H5", "H6", "PRE", "TABLE", "THEAD", "TBODY", "TR", "DL", "DT", "DD", "ADDRESS", "HR", "CENTER",
    };

    private static readonly HashSet<string> Unshown = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "HEAD", "TITLE", "AUDIO", "VIDEO", "IMG", "BUTTON", "SELECT",
    };

    /// <summary>The HTML as Markdown paragraphs, separated by blank lines; empty when it has no text.</summary>
    public static string Markdown(string html)
    {
        var writer = new BlockWriter();
        writer.Children(Parse(html));
        return writer.Finish();
    }

    /// <summary>The HTML's text on one line, its spaces collapsed: for titles, credits and summaries.</summary>
    public static string Plain(string html)
    {
        var text = new StringBuilder();
        PlainText(Parse(html), text);
        return Collapse(text.ToString());
    }

    /// <summary>The first http(s) address the HTML's media element names (an iframe's, an image's or a link's), if any.</summary>
    public static string? MediaAddress(string html) =>
        Parse(html).QuerySelectorAll("iframe[src], img[src], video[src], audio[src], source[src], a[href]")
            .Select(e => e.GetAttribute(e.LocalName == "a" ? "href" : "src")!.Trim())
            .FirstOrDefault(UrlPolicy.IsHttp);

    private static IElement Parse(string html) => Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;

    private static void PlainText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement e && !Unshown.Contains(e.TagName))
            {
                var block = Blocks.Contains(e.TagName) || e.TagName is "BR" or "LI" or "BLOCKQUOTE";
                text.Append(block ? " " : "");
                PlainText(e, text);
                text.Append(block ? " " : "");
            }
        }
    }

    /// <summary>Spaces, tabs and line breaks folded into one space, as HTML shows them, and hidden characters removed.</summary>
    public static string Collapse(string text)
    {
        var visible = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!Yaml.HiddenCharacters.IsHidden(c) || char.IsWhiteSpace(c))
            {
                visible.Append(c);
            }
        }

        return Spaces().Replace(visible.ToString(), " ").Trim();
    }

    /// <summary>Text escaped so that Markdown shows it as it is: every character with a meaning inside a line.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A line that Markdown would read as a heading, quote, list, rule or setext line has its first mark escaped.</summary>
    private static string LineStart(string line)
    {
        if (line.Length > 0 && line[0] is '#' or '-' or '+' or '=' or '>')
        {
            return "\\" + line;
        }

        return OrderedListStart().Replace(line, "$1\\$2");
    }

    /// <summary>A link destination in angle brackets, with what would end or change it percent-encoded.</summary>
    private static string Destination(string url) =>
        "<" + url.Trim().Replace(" ", "%20").Replace("<", "%3C").Replace(">", "%3E").Replace("\\", "%5C").Replace("\n", "").Replace("\r", "") + ">";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(\d{1,9})([.)])")]
    private static partial Regex OrderedListStart();

    /// <summary>Writes blocks: the paragraph being filled, and the finished blocks with their prefixes (quotes, list items).</summary>
    private sealed class BlockWriter
    {
        private readonly List<string> _blocks = [];
        private readonly StringBuilder _line = new();
        private readonly List<string> _lines = [];
        private int _marks;
        private int _strong;
        private int _emphasis;
        private bool _inLink;

        public string Finish()
        {
            Flush();
            return string.Join("\n\n", _blocks);
        }

        public void Children(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                Node(child);
            }
        }

        private void Node(INode node)
        {
            switch (node)
            {
                case IText text:
                    Text(text.Data);
                    break;
                case IElement e when Unshown.Contains(e.TagName):
                    break;
                case IElement { TagName: "BR" }:
                    BreakLine();
                    break;
                case IElement { TagName: "A" } a:
                    Link(a);
                    break;
                case IElement { TagName: "STRONG" or "B" } e:
                    Emphasis(e, "**", ref _strong);
                    break;
                case IElement { TagName: "EM" or "I" or "CITE" } e:
                    Emphasis(e, "*", ref _emphasis);
                    break;
                case IElement { TagName: "UL" or "OL" } list:
                    List(list);
                    break;
                case IElement { TagName: "BLOCKQUOTE" } quote:
                    Nested(quote, "> ", "> ");
                    break;
                case IElement e when Blocks.Contains(e.TagName):
                    Flush();
                    Children(e);
                    Flush();
                    break;
                case IElement e:
                    Children(e);
                    break;
            }
        }

        private void Text(string data)
        {
            // HTML folds the spaces around words into one, and shows none at the start of a line.
            var words = Collapse(data);
            var before = data.Length > 0 && char.IsWhiteSpace(data[0]) && _line.Length > 0 && _line[^1] != ' ';
            var after = words.Length > 0 && char.IsWhiteSpace(data[^1]);
            _line.Append(before ? " " : "").Append(Escape(words)).Append(after ? " " : "");
        }

        private void BreakLine()
        {
            var line = _line.ToString().TrimEnd();
            _line.Clear();
            if (line.Length > 0)
            {
                _lines.Add(line);
            }
        }

        /// <summary>Ends the paragraph: its lines, joined by hard breaks (a backslash at the end of a line).</summary>
        private void Flush()
        {
            BreakLine();
            if (_lines.Count > 0)
            {
                _blocks.Add(string.Join("\\\n", _lines.Select(LineStart)));
                _lines.Clear();
            }

            _marks = 0;
        }

        private void Emphasis(IElement element, string mark, ref int depth)
        {
            // Inside the same emphasis, or past the paragraph's budget of marks, the words are kept without marks.
            if (depth > 0 || _marks + 2 > MaxMarks || string.IsNullOrWhiteSpace(element.TextContent))
            {
                Children(element);
                return;
            }

            if (_line.Length > 0 && _line[^1] != ' ' && char.IsWhiteSpace(element.TextContent[0]))
            {
                _line.Append(' ');
            }

            depth++;
            _marks += 2;
            var start = _line.Length;
            _line.Append(mark);
            Children(element);
            depth--;

            // Marks hug the words: "** x **" is no emphasis in Markdown, so spaces go outside them.
            var inner = _line.ToString(start + mark.Length, _line.Length - start - mark.Length);
            _line.Length = start;
            var trailing = inner.Length > 0 && inner[^1] == ' ';
            if (inner.Trim().Length == 0 || inner.Contains('\n'))
            {
                _line.Append(inner);
                return;
            }

            _line.Append(mark).Append(inner.Trim()).Append(mark).Append(trailing ? " " : "");
        }

        private void Link(IElement a)
        {
            var href = a.GetAttribute("href")?.Trim() ?? "";
            var allowed = UrlPolicy.IsHttp(href) || (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && href.Length > 7);
            if (!allowed || _inLink || _marks + 2 > MaxMarks)
            {
                Children(a);
                return;
            }

            if (_line.Length > 0 && _line[^1] != ' ' && a.TextContent.Length > 0 && char.IsWhiteSpace(a.TextContent[0]))
            {
                _line.Append(' ');
            }

            _inLink = true;
            _marks += 2;
            var start = _line.Length;
            Children(a);
            _inLink = false;
            var words = _line.ToString(start, _line.Length - start).Trim();
            _line.Length = start;
            _line.Append('[').Append(words.Length > 0 ? words : Escape(href)).Append("](").Append(Destination(href)).Append(')');
        }

        /// <summary>A list: each item a line starting with "- " or "1. ", its text on that line.</summary>
        private void List(IElement list)
        {
            Flush();
            var items = new List<string>();
            var number = 1;
            foreach (var item in list.Children.Where(c => c.TagName == "LI"))
            {
                var marker = list.TagName == "OL" ? $"{number++}. " : "- ";
                if (Prefixed(item, marker, new string(' ', marker.Length)) is { } text)
                {
                    items.Add(text);
                }
            }

            // One item a line, a tight list; an item of several paragraphs keeps its blank lines.
            if (items.Count > 0)
            {
                _blocks.Add(string.Join("\n", items));
            }
        }

        /// <summary>Writes the element's blocks with a prefix on each line: the first line's, then the others'.</summary>
        private void Nested(IElement element, string first, string rest)
        {
            Flush();
            if (Prefixed(element, first, rest) is { } text)
            {
                _blocks.Add(text);
            }
        }

        /// <summary>The element's blocks with a prefix on each line, or null when it has no text.</summary>
        private static string? Prefixed(IElement element, string first, string rest)
        {
            var inner = new BlockWriter();
            inner.Children(element);
            var text = inner.Finish();
            if (text.Length == 0)
            {
                return null;
            }

            return string.Join("\n", text.Split('\n').Select((l, i) => (i == 0 ? first : rest) + l).Select(l => l.TrimEnd()));
        }
    }
}
