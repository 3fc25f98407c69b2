using System.Globalization;
using System.Text;
using System.Xml;
using Timeline.Dates;
using Timeline.Diagnostics;
using Timeline.Markdown.Citations;
using Timeline.Languages;
using Timeline.Model;
using Timeline.Output;

namespace Timeline.Publishing.Feeds;

/// <summary>
/// The Atom feed (RFC 4287) of every event, newest first: its title, summary and rendered body. Written with
/// XmlWriter, which escapes every value, so a title with '&lt;' or '&amp;' cannot break the feed.
/// </summary>
internal static class AtomFeed
{
    public const string FilePath = SiteUrls.FeedFile;

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed, or null when a record holds a character XML cannot carry (reported as an error).</summary>
    /// <remarks>
    /// For a language's tree, <paramref name="site"/> is that language's view of the site and <paramref name="fallbacks"/>
    /// lists what is still in the default language: those titles, summaries and bodies are marked with its xml:lang.
    /// </remarks>
    public static OutputFile? Build(ResolvedSite site, DiagnosticBag diagnostics, string filePath = FilePath, Fallbacks? fallbacks = null, string? defaultLanguage = null)
    {
        using var stream = new MemoryStream();
        return Write(stream, site, diagnostics, filePath, fallbacks, defaultLanguage) ? new OutputFile(filePath, stream.ToArray()) : null;
    }

    /// <summary>Writes the feed as <see cref="Build"/> makes it; false, with nothing written, when it cannot be.</summary>
    /// <param name="parts">Each event's entry (by its position in the timeline), copied from the last build's feed when its key is the same (see <see cref="FileParts"/>).</param>
    public static bool Write(Stream stream, ResolvedSite site, DiagnosticBag diagnostics, string filePath = FilePath, Fallbacks? fallbacks = null, string? defaultLanguage = null, FileParts? parts = null)
    {
        var settings = site.Site;
        fallbacks ??= Fallbacks.None;
        parts ??= FileParts.None;
        var original = defaultLanguage ?? settings.Language;
        var urls = new SiteUrls(settings.BasePath);
        var home = SiteUrls.Absolute(settings.BaseUrl, urls.Index);
        var self = SiteUrls.Absolute(settings.BaseUrl, urls.Feed);

        // Newest first; an entry copied from the last build's feed was checked when it was written.
        var entries = Enumerable.Range(0, site.Events.Count).Reverse().Select(position => (Position: position, Key: parts.Key(position))).ToList();
        if (Unwritable(site, entries.Where(x => !parts.Has(x.Key)).Select(x => site.Events[x.Position]).ToList(), filePath, diagnostics))
        {
            return false;
        }

        using (var xml = XmlWriter.Create(stream, XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, settings.Language);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, settings.Title);
            xml.WriteElementString("subtitle", Atom, settings.Description);

            // A feed with no entry has changed never; the epoch says that without inventing a date.
            xml.WriteElementString("updated", Atom, site.Events.Count > 0 ? site.Events.Max(Updated)! : "1970-01-01T00:00:00Z");
            Link(xml, "self", "application/atom+xml", self);
            Link(xml, "alternate", "text/html", home);
            // Atom wants an author for every entry: the publisher when site.yml names one, else the site itself.
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, settings.Publisher?.Name ?? settings.Title);
            xml.WriteElementString("uri", Atom, settings.Publisher is { } publisher ? publisher.Url ?? home : home);
            if (settings.Contact is { IsEmail: true } contact)
            {
                xml.WriteElementString("email", Atom, contact.Text);
            }

            xml.WriteEndElement();
            if (settings.License is { } license)
            {
                xml.WriteElementString("rights", Atom, $"{license.Name} ({license.Url})");
            }

            // The entries go between the feed's head and its end as bytes, each written alone at an entry's depth.
            xml.Flush();
            var offset = stream.CanSeek ? stream.Position : 0;
            using var alone = new EntryWriter(settings.Language);
            foreach (var (position, key) in entries)
            {
                var bytes = parts.TryTake(key, out var kept) ? kept : alone.Write(w => Entry(w, site.Events[position], settings, urls, fallbacks, original));
                stream.Write(bytes);
                parts.Wrote(key, offset, bytes.Length);
                offset += bytes.Length;
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return true;
    }

    private static void Entry(XmlWriter xml, ResolvedEvent e, SiteSettings settings, SiteUrls urls, Fallbacks fallbacks, string original)
    {
        var url = SiteUrls.Absolute(settings.BaseUrl, urls.Event(e.Id));
        xml.WriteStartElement("entry", Atom);

        // The event's address is its permanent id: it never changes while base_url stays the same.
        xml.WriteElementString("id", Atom, url);
        var textLanguage = fallbacks.EventTexts.Contains(e.Id) ? original : null;
        Text(xml, "title", e.Event.Title, textLanguage);
        Link(xml, "alternate", "text/html", url);
        if (e.Event.Dates.Published is { } published)
        {
            xml.WriteElementString("published", Atom, Stamp(published));
        }

        xml.WriteElementString("updated", Atom, Updated(e));
        Text(xml, "summary", e.Event.Summary, textLanguage);
        foreach (var tag in e.Event.Tags)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", tag);
            xml.WriteEndElement();
        }

        // The body's note markers link to #note-N: the base makes them reach the notes on the event's page.
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteAttributeString("xml", "base", null, url);
        var bodyLanguage = fallbacks.EventBodies.Contains(e.Id) ? original : settings.Language;
        if (bodyLanguage != settings.Language)
        {
            xml.WriteAttributeString("xml", "lang", null, bodyLanguage);
        }

        // Note markers in the digits of the body's language ([۱] in a Persian body), as on the event's page.
        var digits = LanguageProfile.For(bodyLanguage).Digits;
        xml.WriteString(NoteMarkup.WithNumbers(e.Body.Html, n => digits.Write(n)));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// Writes one entry alone, inside a feed element as the feed's own writer has it (its namespace and language), so
    /// that its bytes, indentation included, are those the feed's writer would write at that place.
    /// </summary>
    private sealed class EntryWriter : IDisposable
    {
        private readonly MemoryStream _bytes = new();
        private readonly XmlWriter _xml;

        public EntryWriter(string language)
        {
            _xml = XmlWriter.Create(_bytes, XmlSettings);
            _xml.WriteStartElement("feed", Atom);
            _xml.WriteAttributeString("xml", "lang", null, language);

            // An element before the entries closes the feed's start tag, as the feed's head does.
            _xml.WriteElementString("id", Atom, "");
        }

        /// <summary>The entry's bytes, valid until the next call.</summary>
        public ReadOnlySpan<byte> Write(Action<XmlWriter> entry)
        {
            _xml.Flush();
            _bytes.SetLength(0);
            entry(_xml);
            _xml.Flush();
            return _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
        }

        public void Dispose() => _xml.Dispose();
    }

    /// <summary>
    /// When the entry last changed, as Atom requires: its last update or correction, else the day it was first
    /// published, so that a correction makes the entry new to feed readers. An entry with no date of its own (no
    /// record date, no git history) gets the first day of its event, as before entries had dates: a build may not
    /// write the time it runs (two builds must be identical), and this orders feed readers' lists as the timeline does.
    /// </summary>
    private static string Updated(ResolvedEvent e) =>
        e.Event.Dates.LastUpdated is { } updated ? Stamp(updated)
        : e.Event.Dates.Published is { } published ? Stamp(published)
        : Stamp(e.Event.When.Start.FirstDay);

    private static string Stamp(DateOnly day) => day.ToString("yyyy-MM-dd'T00:00:00Z'", CultureInfo.InvariantCulture);

    /// <summary>An element of text, with its own xml:lang when it is in another language than the feed.</summary>
    private static void Text(XmlWriter xml, string name, string text, string? language)
    {
        xml.WriteStartElement(name, Atom);
        if (language is not null)
        {
            xml.WriteAttributeString("xml", "lang", null, language);
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>Reports each event with a character XML 1.0 forbids (such as U+FFFF), which the feed cannot carry.</summary>
    private static bool Unwritable(ResolvedSite site, IReadOnlyList<ResolvedEvent> entries, string filePath, DiagnosticBag diagnostics)
    {
        var found = false;
        foreach (var (text, origin) in new[] { (site.Site.Title, site.Site.TitleOrigin), (site.Site.Description, site.Site.DescriptionOrigin), (site.Site.Publisher?.Name ?? "", site.Site.TitleOrigin) })
        {
            if (Forbidden(text) is { } c)
            {
                diagnostics.Error(origin.Path, origin.Position, ErrorMessages.FeedNotWritten(filePath, $"the title, description or publisher in site.yml holds {c}, which XML cannot carry"));
                found = true;
            }
        }

        foreach (var e in entries)
        {
            if (new[] { e.Event.Title, e.Event.Summary, e.Body.Html }.Concat(e.Event.Tags).Select(Forbidden).FirstOrDefault(x => x is not null) is { } bad)
            {
                diagnostics.Error(e.Event.Origin.Path, e.Event.Origin.Position, ErrorMessages.FeedNotWritten(filePath, $"the event holds {bad}, which XML cannot carry"));
                found = true;
            }
        }

        return found;
    }

    /// <summary>The first character of the text that XML 1.0 forbids, written as U+XXXX, or null.</summary>
    private static string? Forbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)text[i]:X4}");
            }
        }

        return null;
    }

    internal static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };
}
