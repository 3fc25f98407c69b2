using Markdig.Syntax.Inlines;
using Markdig.Syntax;
using Timeline.Diagnostics;
using Timeline.Loading;
using Timeline.Markdown.Citations;
using Timeline.Markdown.EventLinks;
using Timeline.Markdown;
using Timeline.Model;

namespace Timeline.Resolving;

/// <summary>
/// Parses one Markdown text, checks what it points at (sources, events, links), numbers its notes in reading
/// order and renders it. Citing the same source with the same locator again reuses the note's number.
/// Language is set for a translation: [[event-id]] links then show the event's title in that language when it
/// has one, and Urls should be that language's addresses.
/// </summary>
internal sealed class DocumentResolver(
    IReadOnlyDictionary<string, Source> sources,
    IReadOnlyDictionary<string, TimelineEvent> events,
    SiteUrls urls,
    DiagnosticBag diagnostics,
    string? language = null)
{
    public RenderedDocument Resolve(MarkdownText text, IReadOnlyList<Reference> entrySources, string path)
    {
        var notes = new NoteList();
        var linked = new List<string>();
        var internalLinks = new List<WrittenLink>();
        var writtenIds = new HashSet<string>(entrySources.Select(s => s.Id), StringComparer.Ordinal);
        var written = entrySources.Count;
        var html = "";
        var groups = new List<CitationGroup>();
        var document = text.Text.Length > 0 ? Parse(text, path) : null;
        if (text.Text.Length > 0 && document is null)
        {
            // Too deep or crowded to read, so what it cites is not known: TL0310 or TL0311 is its one error, not also "cites no source".
            written++;
        }

        if (document is not null)
        {
            foreach (var inline in document.Descendants<Inline>())
            {
                var position = text.LinesExact
                    ? new SourcePosition(text.FirstLine + inline.Line, text.Indent + inline.Column + 1)
                    : new SourcePosition(text.FirstLine, text.Indent + 1);
                switch (inline)
                {
                    case CitationGroup group:
                        written += Math.Max(1, group.Items.Count);
                        writtenIds.UnionWith(group.Items.Select(item => item.SourceId));
                        ResolveCitation(group, notes, path, position);
                        AttachToPrecedingWord(group);
                        groups.Add(group);
                        break;
                    case EventLink link:
                        ResolveEventLink(link, linked, path, position);
                        break;
                    case LinkInline { IsImage: true } image:
                        diagnostics.Error(path, position, ErrorMessages.ImageNotAllowed(image.Url ?? ""));
                        break;
                    case LinkInline link when !UrlPolicy.IsAllowedLink(link.Url ?? ""):
                        diagnostics.Error(path, position, ErrorMessages.UnsafeLink(link.Url ?? ""));
                        break;
                    case AutolinkInline autolink when !autolink.IsEmail && !UrlPolicy.IsAllowedLink(autolink.Url):
                        diagnostics.Error(path, position, ErrorMessages.UnsafeLink(autolink.Url));
                        break;
                    case LinkInline link when UrlPolicy.IsInsideSite(link.Url ?? ""):
                        internalLinks.Add(new WrittenLink(link.Url!, new Origin(path, position)));
                        break;
                }
            }

            html = Render(document, text, path);

            // After the loop: the sentence may hold an event link written after the marker, whose title is now known.
            foreach (var (group, context) in CitationContext.Of(groups))
            {
                foreach (var marker in group.Markers)
                {
                    notes.SetContext(marker.RefId, context);
                }
            }
        }

        var entryMarkers = new List<NoteMarker>();
        foreach (var reference in entrySources)
        {
            if (Lookup(reference.Id, reference.Origin.Path, reference.Origin.Position) is { } source)
            {
                entryMarkers.Add(notes.Cite(source, null));
            }
        }

        return new RenderedDocument(
            html,
            entryMarkers.Count == 0 ? "" : NoteMarkup.Markers(entryMarkers),
            notes.ToNotes(),
            linked.Distinct(StringComparer.Ordinal).ToList(),
            notes.CitedSourceIds(),
            written)
        {
            WrittenSourceIds = writtenIds,
            InternalLinks = internalLinks,
        };
    }

    private MarkdownDocument? Parse(MarkdownText text, string path)
    {
        if (MarkdownLimits.FirstCrowdedLine(text.Text) is var crowded and >= 0)
        {
            diagnostics.Error(path, Position(text, crowded), ErrorMessages.ParagraphTooCrowded(MarkdownLimits.MarksPerParagraph));
            return null;
        }

        try
        {
            return TimelineMarkdown.Parse(text.Text);
        }
        catch (Exception ex) when (TimelineMarkdown.IsTooDeep(ex))
        {
            ReportTooDeep(text, path);
            return null;
        }
    }

    private string Render(MarkdownDocument document, MarkdownText text, string path)
    {
        try
        {
            return TimelineMarkdown.Render(document);
        }
        catch (Exception ex) when (TimelineMarkdown.IsTooDeep(ex))
        {
            ReportTooDeep(text, path);
            return "";
        }
    }

    private void ReportTooDeep(MarkdownText text, string path)
    {
        diagnostics.Error(path, Position(text, TimelineMarkdown.FirstTooDeepLine(text.Text)), ErrorMessages.MarkdownTooDeep());
    }

    /// <summary>The start of a 0-based line of the text, or of the text itself when its lines are not the file's.</summary>
    private static SourcePosition Position(MarkdownText text, int line) =>
        text.LinesExact ? new SourcePosition(text.FirstLine + line, text.Indent + 1) : new SourcePosition(text.FirstLine, text.Indent + 1);

    /// <summary>As Pandoc does, a note marker sits against the word before it: "killings[1]", not "killings [1]".</summary>
    private static void AttachToPrecedingWord(CitationGroup group)
    {
        if (group.PreviousSibling is LiteralInline literal)
        {
            var content = literal.Content;
            while (content.Length > 0 && content.Text[content.End] == ' ')
            {
                content.End--;
            }

            literal.Content = content;
        }
    }

    private void ResolveCitation(CitationGroup group, NoteList notes, string path, SourcePosition position)
    {
        if (group.Malformed)
        {
            diagnostics.Error(path, position, ErrorMessages.MalformedCitation(group.RawText));
            return;
        }

        foreach (var item in group.Items)
        {
            if (Lookup(item.SourceId, path, position) is { } source)
            {
                group.Markers.Add(notes.Cite(source, item.Locator));
            }
        }
    }

    private void ResolveEventLink(EventLink link, List<string> linked, string path, SourcePosition position)
    {
        if (events.TryGetValue(link.EventId, out var target))
        {
            link.Href = urls.Event(target.Id);
            link.TargetTitle = LinkTitle(target, language);
            linked.Add(target.Id);
        }
        else
        {
            diagnostics.Error(path, position, ErrorMessages.UnknownLinkedEvent(link.EventId, Suggestions.Closest(link.EventId, events.Keys)));
        }
    }

    /// <summary>The title a link to <paramref name="target"/> shows in <paramref name="language"/> (null: the site's own).</summary>
    public static string LinkTitle(TimelineEvent target, string? language) =>
        language is not null && target.Translations.TryGetValue(language, out var translation) ? translation.Title : target.Title;

    private Source? Lookup(string id, string path, SourcePosition position)
    {
        if (sources.TryGetValue(id, out var source))
        {
            return source;
        }

        diagnostics.Error(path, position, ErrorMessages.UnknownSource(id, Suggestions.Closest(id, sources.Keys)));
        return null;
    }

    /// <summary>The notes of one document, numbered in the order they are first cited.</summary>
    private sealed class NoteList
    {
        private readonly Dictionary<(string SourceId, string Locator), int> _numbers = new();
        private readonly List<(Source Source, string? Locator, List<string> RefIds)> _notes = [];
        private readonly Dictionary<string, string> _contexts = new(StringComparer.Ordinal);

        public void SetContext(string refId, string context) => _contexts[refId] = context;

        public NoteMarker Cite(Source source, string? locator)
        {
            var key = (source.Id, locator ?? "");
            if (!_numbers.TryGetValue(key, out var number))
            {
                _notes.Add((source, locator, []));
                number = _notes.Count;
                _numbers[key] = number;
            }

            var refs = _notes[number - 1].RefIds;
            var refId = SiteUrls.NoteMarkerId(number, refs.Count + 1);
            refs.Add(refId);
            return new NoteMarker(number, refId);
        }

        public IReadOnlyList<Note> ToNotes() =>
            _notes.Select((n, i) => new Note(i + 1, n.Source, n.Locator, n.RefIds)
            {
                Contexts = n.RefIds.Select(r => _contexts.GetValueOrDefault(r)).ToList(),
            }).ToList();

        public IReadOnlyList<string> CitedSourceIds() =>
            _notes.Select(n => n.Source.Id).Distinct(StringComparer.Ordinal).ToList();
    }
}
