using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Timeline.Output.Search;

/// <summary>
/// What the search index needs to know of one page: its path in the site, the language Pagefind files it under
/// (its &lt;html lang&gt;), whether the theme marked its text for indexing (data-pagefind-body), and a digest of the
/// parts of it that can change what Pagefind makes of it. The digest leaves out the regions marked data-pagefind-ignore,
/// and the scripts and styles Pagefind passes over, when it can be sure they hold nothing Pagefind reads, so that an
/// event whose neighbour was renamed (its previous/next links and lists of other events are ignored regions), or a
/// source it cites (named in its notes and its structured data), keeps its index.
/// </summary>
internal sealed partial record SearchPage(string Path, string Language, bool MarkedBody, byte[] Digest)
{
    /// <summary>The language Pagefind gives a page without one.</summary>
    public const string NoLanguage = "unknown";

    private static ReadOnlySpan<byte> Ignore => "data-pagefind-ignore"u8;

    // Elements whose end tag may be left out: where one ends cannot be told by counting tags, so they are kept whole.
    private static readonly HashSet<string> OptionalEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "caption", "html", "head", "body",
    };

    // What an ignored region must not hold to be left out of the digest: what Pagefind takes a page's image and title
    // from, and a template, whose content is a document of its own.
    private static readonly byte[][] UnsafeTags = [.. new[] { "<img", "<h1", "<template" }.Select(Encoding.ASCII.GetBytes)];

    // Elements whose content is text, not tags, up to their end tag: a "</div>" there ends nothing.
    private static readonly byte[][] RawText = [.. new[] { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" }.Select(Encoding.ASCII.GetBytes)];

    // Elements Pagefind never reads (scripts and styles), whose content is text: one may go whole like an ignored region.
    private static readonly byte[][] Unread = [.. new[] { "script", "style" }.Select(Encoding.ASCII.GetBytes)];

    public static SearchPage Read(string path, ReadOnlySpan<byte> html) =>
        new(path, LanguageOf(html), html.IndexOf(Body) >= 0, DigestOf(html));

    /// <summary>The lang attribute of the page's html element, as Pagefind reads it; <see cref="NoLanguage"/> without one.</summary>
    internal static string LanguageOf(ReadOnlySpan<byte> html)
    {
        // Only the html element's start tag is decoded, wherever it is (comments may come before it).
        for (var i = html.IndexOf((byte)'<'); i >= 0 && i + 5 <= html.Length; i = html[(i + 1)..].IndexOf((byte)'<') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (Ascii.EqualsIgnoreCase(html.Slice(i, 5), "<html"u8) && (i + 5 == html.Length || html[i + 5] is (byte)'>' || IsSpace(html[i + 5])))
            {
                var end = html[i..].IndexOf((byte)'>');
                var tag = Encoding.UTF8.GetString(end < 0 ? html[i..] : html.Slice(i, end + 1));
                var lang = LangAttribute().Match(tag);
                var value = lang.Success ? (lang.Groups["q"].Success ? lang.Groups["q"].Value : lang.Groups["u"].Value).Trim() : "";
                return value.Length == 0 ? NoLanguage : value;
            }
        }

        return NoLanguage;
    }

    /// <summary>
    /// SHA-256 of the page without its ignored regions, scripts and styles that are safe to leave out, each found as a
    /// browser finds tags (not in comments, quoted attributes or the text of a script or title). A region is left out
    /// only when its element's end is found by counting its tags (comments and the text of scripts and styles hold
    /// none), it stands between white space (so no two words join or part where it was), and it holds no other
    /// Pagefind attribute (meta and filters are read even inside ignored regions), no image or h1 (Pagefind's default
    /// image and title) and no template. Anything else is hashed as it is, so a doubt costs a shard's index, never a
    /// stale one.
    /// </summary>
    internal static byte[] DigestOf(ReadOnlySpan<byte> html)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new KeptParts(html))
        {
            hash.AppendData(part);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The page as Pagefind is given it: what its digest covers, the page without the ignored regions safe to leave
    /// out. Pagefind makes the same index of it (a test compares the two) and reads a third less: on an event page the
    /// lists of other events, the citations and the links to the previous and next events are most of the page.
    /// </summary>
    internal static byte[] ForIndex(byte[] html)
    {
        MemoryStream? kept = null;
        foreach (var part in new KeptParts(html))
        {
            // A page with nothing to leave out is one part, the whole of it.
            if (kept is null && part.Length == html.Length)
            {
                return html;
            }

            (kept ??= new MemoryStream(html.Length)).Write(part);
        }

        return kept?.ToArray() ?? [];
    }

    /// <summary>
    /// The page in the parts the digest covers and Pagefind is given: all of it but the regions it need not read, the
    /// removable ignored regions and, on a page with a marked body, what lies outside it (see <see cref="Outside"/>).
    /// </summary>
    private ref struct KeptParts(ReadOnlySpan<byte> html)
    {
        private readonly ReadOnlySpan<byte> _html = html;
        private readonly List<(int Start, int End)> _outside = Outside(html);
        private int _next;
        private int _at;
        private bool _done;

        public ReadOnlySpan<byte> Current { get; private set; }

        public readonly KeptParts GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_done)
            {
                return false;
            }

            // The page up to the next region outside the body, less the regions it holds that Pagefind does not read.
            var end = _next < _outside.Count ? _outside[_next].Start : _html.Length;
            for (var from = _at; NextStartTag(_html, from, end) is { } tag; from = tag.Next)
            {
                if (Removable(_html, tag) is { } region && region.End <= end)
                {
                    Current = _html[_at..region.Start];
                    _at = region.End;
                    return true;
                }
            }

            Current = _html[_at..end];
            if (_next < _outside.Count)
            {
                _at = _outside[_next++].End;
            }
            else
            {
                _done = true;
            }

            return true;
        }
    }

    /// <summary>
    /// On a page with a marked body, where Pagefind reads only the marked element and, outside it, the attributes and
    /// tags <see cref="HoldsWhatPagefindReads"/> looks for: the children of the head and the body that hold none of
    /// those, nor the marked element, nor the title, in page order. The site's navigation, footer, styles, scripts and
    /// structured data are a third of an event page. A child whose end cannot be told ends the search in its parent.
    /// </summary>
    private static List<(int Start, int End)> Outside(ReadOnlySpan<byte> html)
    {
        var outside = new List<(int Start, int End)>();
        if (html.IndexOf(Body) < 0)
        {
            return outside;
        }

        foreach (var container in Containers)
        {
            for (var at = ContentOf(html, container); at >= 0 && html[at..].IndexOf((byte)'<') is var lt and >= 0;)
            {
                var start = at + lt;
                if (ChildAt(html, start) is not (var end and > 0, var title))
                {
                    break;
                }

                var child = html[start..end];
                if (!title && child.IndexOf(Body) < 0 && !HoldsWhatPagefindReads(child) && BetweenSpaces(html, start, end))
                {
                    outside.Add((start, end));
                }

                at = end;
            }
        }

        return outside;
    }

    private static ReadOnlySpan<byte> Body => "data-pagefind-body"u8;

    private static readonly byte[][] Containers = [.. new[] { "head", "body" }.Select(Encoding.ASCII.GetBytes)];

    // Elements that have no end tag.
    private static readonly byte[][] Void = [.. new[] { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" }.Select(Encoding.ASCII.GetBytes)];

    // Just past the start tag of the page's first head (or body) element, read as a browser reads tags; -1 when there is none.
    private static int ContentOf(ReadOnlySpan<byte> html, ReadOnlySpan<byte> container)
    {
        for (var at = 0; html[at..].IndexOf((byte)'<') is var lt and >= 0;)
        {
            var start = at + lt;
            if (NameAt(html, start + 1, container))
            {
                var gt = html[start..].IndexOf((byte)'>');
                return gt < 0 ? -1 : start + gt + 1;
            }

            // Past a comment or a script's text, whose tags are none; a never-closed one ends the page.
            var skip = CommentEnd(html, start) is var comment and not 0 ? comment : RawTextEnd(html, start + 1) is var raw and not 0 ? (raw < 0 ? -1 : raw + 2) : start + 1;
            at = skip < 0 ? html.Length : skip;
        }

        return -1;
    }

    // The child of a head or body element that starts at `start`: where it ends (just past it), or 0 at its parent's end
    // tag or where its end cannot be told; and whether it is a title.
    private static (int End, bool Title) ChildAt(ReadOnlySpan<byte> html, int start)
    {
        if (CommentEnd(html, start) is var comment and not 0)
        {
            return (Math.Max(comment, 0), false);
        }

        var name = NameOf(html, start);
        if (name.IsEmpty)
        {
            return (0, false);
        }

        var title = Ascii.EqualsIgnoreCase(name, "title"u8);
        if (RawTextEnd(html, start + 1) is var raw and not 0)
        {
            return (raw > 0 && html[raw..].IndexOf((byte)'>') is var gt and >= 0 ? raw + gt + 1 : 0, title);
        }

        foreach (var empty in Void)
        {
            if (Ascii.EqualsIgnoreCase(name, empty))
            {
                return (html[start..].IndexOf((byte)'>') is var gt and >= 0 ? start + gt + 1 : 0, title);
            }
        }

        return (EndOf(html, start, name) ?? 0, title);
    }

    // White space (or the page's edge) on both sides, so that taking the region out neither joins two words nor parts one.
    private static bool BetweenSpaces(ReadOnlySpan<byte> html, int start, int end) =>
        (start == 0 || IsSpace(html[start - 1])) && (end == html.Length || IsSpace(html[end]));

    // The element that starts with `tag`, as [start, end) of html, when it may be left out: one marked
    // data-pagefind-ignore, or a script or style, which Pagefind passes over as if it were so marked. A script or style
    // with an id stays: Pagefind notes an anchor for an id before it passes over the element.
    private static (int Start, int End)? Removable(ReadOnlySpan<byte> html, StartTag tag)
    {
        int? end;
        if (tag.Ignored)
        {
            var name = NameOf(html, tag.Start);
            end = OptionalEnd.Contains(Encoding.ASCII.GetString(name)) ? null : EndOf(html, tag.Start, name);
        }
        else
        {
            // Its end is where the page goes on after its text.
            end = tag.Unread && !tag.HasId ? tag.Next : null;
        }

        if (end is not { } found)
        {
            return null;
        }

        var region = html[tag.Start..found];
        return !BetweenSpaces(html, tag.Start, found) || HoldsWhatPagefindReads(region) ? null : (tag.Start, found);
    }

    /// <summary>A start tag: where its '&lt;' is, where it ends (just past its '&gt;'), where the page goes on after it
    /// (past the text of a script or the like), whether it is marked data-pagefind-ignore, whether it opens a script or
    /// style, and whether it has an id.</summary>
    private readonly record struct StartTag(int Start, int End, int Next, bool Ignored, bool Unread, bool HasId);

    // The next start tag in html[from..end), read as a browser reads the page: comments, end tags and doctypes are
    // passed over, and so is the text of a script, a style and the like. Null when there is none, or past anything this
    // reading is not sure of (plaintext, a tag or comment never closed): what follows is then kept as it is.
    private static StartTag? NextStartTag(ReadOnlySpan<byte> html, int from, int end)
    {
        for (var at = from; at < end && html[at..end].IndexOf((byte)'<') is var lt and >= 0;)
        {
            var start = at + lt;
            if (CommentEnd(html, start) is var comment and not 0)
            {
                if (comment < 0)
                {
                    return null;
                }

                at = comment;
                continue;
            }

            var first = start + 1 < html.Length ? html[start + 1] : (byte)0;
            if (first is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z')
            {
                var tagEnd = TagEnd(html, start);
                var raw = tagEnd < 0 || NameAt(html, start + 1, "plaintext"u8) ? -1 : RawTextEnd(html, start + 1);
                var next = raw < 0 ? -1 : raw == 0 ? tagEnd : html[raw..].IndexOf((byte)'>') is var gt and >= 0 ? raw + gt + 1 : -1;
                if (next < 0)
                {
                    return null;
                }

                // Only a tag that may open a region to leave out has its attributes read one by one.
                var unread = raw > 0 && IsOneOf(NameOf(html, start), Unread);
                if (!unread && html[start..tagEnd].IndexOf(Ignore) < 0)
                {
                    return new StartTag(start, tagEnd, next, Ignored: false, Unread: false, HasId: false);
                }

                return ReadStartTag(html, start) is { } tag && tag.End == tagEnd ? tag with { Next = next, Unread = unread } : null;
            }

            if (first is (byte)'/' or (byte)'!' or (byte)'?')
            {
                if (html[start..].IndexOf((byte)'>') is not (var close and >= 0))
                {
                    return null;
                }

                at = start + close + 1;
                continue;
            }

            // A '<' that opens no tag is text.
            at = start + 1;
        }

        return null;
    }

    // Just past the '>' that ends the start tag at `start`, passing over quoted values (a quote after '='); -1 when it never ends.
    private static int TagEnd(ReadOnlySpan<byte> html, int start)
    {
        for (var i = start + 1; html[i..].IndexOfAny((byte)'>', (byte)'"', (byte)'\'') is var at and >= 0;)
        {
            i += at;
            if (html[i] == (byte)'>')
            {
                return i + 1;
            }

            var before = html[start..i].TrimEnd(" \n\t\r\f"u8);
            if (before.Length > 0 && before[^1] == (byte)'=')
            {
                if (html[(i + 1)..].IndexOf(html[i]) is not (var close and >= 0))
                {
                    return -1;
                }

                i += close + 1;
            }

            i++;
        }

        return -1;
    }

    // The start tag whose '<' is at `start`, its attributes read as a browser reads them (a quoted value may hold '>').
    private static StartTag? ReadStartTag(ReadOnlySpan<byte> html, int start)
    {
        var i = start + 1;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ((byte)'/' or (byte)'>'))
        {
            i++;
        }

        var (ignored, id) = (false, false);
        while (true)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == (byte)'/'))
            {
                i++;
            }

            if (i >= html.Length)
            {
                return null;
            }

            if (html[i] == (byte)'>')
            {
                return new StartTag(start, i + 1, i + 1, ignored, Unread: false, id);
            }

            // An attribute's name (its first character may be '='), then its value if it has one.
            var name = i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ((byte)'/' or (byte)'>' or (byte)'='))
            {
                i++;
            }

            ignored |= Ascii.EqualsIgnoreCase(html[name..i], Ignore);
            id |= Ascii.EqualsIgnoreCase(html[name..i], "id"u8);
            var j = i;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            if (j >= html.Length || html[j] != (byte)'=')
            {
                i = j;
                continue;
            }

            j++;
            while (j < html.Length && IsSpace(html[j]))
            {
                j++;
            }

            if (j < html.Length && html[j] is (byte)'"' or (byte)'\'')
            {
                if (html[(j + 1)..].IndexOf(html[j]) is not (var close and >= 0))
                {
                    return null;
                }

                i = j + 1 + close + 1;
            }
            else
            {
                while (j < html.Length && !IsSpace(html[j]) && html[j] != (byte)'>')
                {
                    j++;
                }

                i = j;
            }
        }
    }

    private static bool IsOneOf(ReadOnlySpan<byte> name, byte[][] names)
    {
        foreach (var candidate in names)
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    // Where the element opened at `start` ends (just past its end tag), counting nested elements of the same name, and
    // reading comments, quoted values and the text of scripts and styles as a browser (and Pagefind) does: no tag is
    // found in them.
    private static int? EndOf(ReadOnlySpan<byte> html, int start, ReadOnlySpan<byte> name)
    {
        var depth = 0;
        var i = start;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return null;
            }

            i += lt;
            if (CommentEnd(html, i) is var comment and not 0)
            {
                if (comment < 0)
                {
                    return null;
                }

                i = comment;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == (byte)'/';
            var nameAt = i + (closing ? 2 : 1);
            if (NameAt(html, nameAt, name))
            {
                depth += closing ? -1 : 1;
                if (depth == 0)
                {
                    var gt = html[i..].IndexOf((byte)'>');
                    return gt < 0 ? null : i + gt + 1;
                }
            }
            else if (!closing && RawTextEnd(html, nameAt) is var end and not 0)
            {
                if (end < 0)
                {
                    return null;
                }

                i = end;
                continue;
            }

            // Past a start tag whole: a quoted value in it may hold "</div>".
            if (!closing && nameAt < html.Length && html[nameAt] is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z')
            {
                i = TagEnd(html, i);
                if (i < 0)
                {
                    return null;
                }

                continue;
            }

            i++;
        }

        return null;
    }

    // Where the text of a script or style whose name starts at `at` ends (at its end tag); 0 when none starts there,
    // -1 when it is never closed.
    private static int RawTextEnd(ReadOnlySpan<byte> html, int at)
    {
        // Most tags are none of them: their first letters are s, t, x, i and n.
        if (at >= html.Length || (html[at] | 0x20) is not ((byte)'s' or (byte)'t' or (byte)'x' or (byte)'i' or (byte)'n'))
        {
            return 0;
        }

        foreach (var name in RawText)
        {
            if (NameAt(html, at, name))
            {
                for (var from = at; html[from..].IndexOf("</"u8) is var next and >= 0; from += next + 2)
                {
                    if (NameAt(html, from + next + 2, name))
                    {
                        return from + next;
                    }
                }

                return -1;
            }
        }

        return 0;
    }

    // The name of the tag that opens at `start` (its '<'); empty for an end tag, a comment or a stray '<'.
    private static ReadOnlySpan<byte> NameOf(ReadOnlySpan<byte> html, int start)
    {
        var end = start + 1;
        while (end < html.Length && IsNameByte(html[end]))
        {
            end++;
        }

        return html[(start + 1)..end];
    }

    // Just past the comment that opens at `at`; 0 when none opens there, -1 when it is never closed.
    private static int CommentEnd(ReadOnlySpan<byte> html, int at) =>
        !html[at..].StartsWith("<!--"u8) ? 0 : html[(at + 4)..].IndexOf("-->"u8) is var close and >= 0 ? at + 4 + close + 3 : -1;

    private static bool NameAt(ReadOnlySpan<byte> html, int at, ReadOnlySpan<byte> name)
    {
        if (at + name.Length >= html.Length)
        {
            return false;
        }

        if (!Ascii.EqualsIgnoreCase(html.Slice(at, name.Length), name))
        {
            return false;
        }

        var next = html[at + name.Length];
        return IsSpace(next) || next is (byte)'>' or (byte)'/';
    }

    private static bool HoldsWhatPagefindReads(ReadOnlySpan<byte> region)
    {
        var rest = region;
        while (rest.IndexOf("data-pagefind-"u8) is var at and >= 0)
        {
            if (!rest[at..].StartsWith(Ignore))
            {
                return true;
            }

            rest = rest[(at + Ignore.Length)..];
        }

        // Every tag that matters starts with '<': each one is compared, ignoring case.
        for (var i = region.IndexOf((byte)'<'); i >= 0; i = region[(i + 1)..].IndexOf((byte)'<') is var next and >= 0 ? i + 1 + next : -1)
        {
            foreach (var tag in UnsafeTags)
            {
                if (i + tag.Length <= region.Length && Ascii.EqualsIgnoreCase(region.Slice(i, tag.Length), tag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r' or (byte)'\f';

    private static bool IsNameByte(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-';

    [GeneratedRegex(@"\slang\s*=\s*(?:[""'](?<q>[^""']*)[""']|(?<u>[^\s>""']+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LangAttribute();
}
