using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using Timeline.Dates;
using Timeline.Loading;
using Timeline.Model;

namespace Timeline.Cli.New;

/// <summary>
/// The text of a new record for `timeline new`: every field on its own line with a comment saying what it holds.
/// What only the author can write (a summary, a source) is left empty, so that `timeline check` asks for it.
/// </summary>
public static partial class RecordScaffold
{
    /// <summary>An id from a title, as the shipped records are named: "Death commissions formed" gives "death-commissions-formed".</summary>
    public static string? IdFrom(string title)
    {
        // A lone surrogate (a Windows command line can pass one) would make Normalize throw: it becomes U+FFFD, then a hyphen.
        var valid = string.Concat(title.EnumerateRunes().Select(r => r.ToString()));
        var plain = new StringBuilder();
        foreach (var c in valid.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            plain.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var id = Hyphens().Replace(plain.ToString(), "-").Trim('-');
        if (id.Length > Identifiers.MaxLength - 11)
        {
            id = id[..(Identifiers.MaxLength - 11)].TrimEnd('-');
        }

        return id.Length == 0 ? null : id;
    }

    public static string Event(string id, PartialDate date, string title) => Lines(
        "# A new event. Write its summary and cite at least one source: `timeline check` lists what is still missing.",
        [
            ($"id: {id}", "lowercase letters, digits and single hyphens; the same as the file name"),
            ($"date: \"{date}\"", "YYYY, YYYY-MM or YYYY-MM-DD"),
            ("circa: false", "true when the date is approximate: shown as \"c. 1988\""),
            ($"# end: \"{date}\"", "optional: the last day of a span, in the same formats, not before date"),
            ($"# sort: \"{date}\"", "optional: where the event is placed among others within its own dates; ordering only, never shown"),
            ($"title: {Quote(title)}", "plain text"),
            ("summary: \"\"", "required: one or two plain sentences, at most 300 characters, for lists and previews"),
            ("tags: []", "optional: themes, such as [death-commissions, trials]"),
            ("people: []", "optional: ids of people from entities.yml"),
            ("organisations: []", "optional: ids of organisations from entities.yml"),
            ("places: []", "optional: ids of places from entities.yml"),
            ("related: []", "optional: ids of other events, such as [1988-08-15-montazeri-meeting]"),
            ("sources: []", "ids from sources.yml that the entry as a whole cites; or cite in the body"),
            ("# published: \"\"", "optional: the day the entry itself is first published, YYYY-MM-DD; without it, its file's first commit in git"),
            ("# updated: \"\"", "optional: the day it was last updated, YYYY-MM-DD; without it, its file's last commit in git"),
            ("# corrections: [{ date: \"\", text: \"\" }]", "optional: each correction made to the entry: its day and what was corrected"),
            ("# translations: { fa: { title: \"\", summary: \"\" } }", "optional: the entry in the site's other languages (README, Translations)"),
            ("body: |", "Markdown on the lines below, indented: cite with [@source-id] or [@source-id, p. 12]; link events with [[event-id]]"),
        ]);

    public static string Source(string id, string title) => "\n" + Lines(
        "# A new source. Write its publisher and kind: `timeline check` lists what is still missing.",
        [
            ($"- id: {id}", $"lowercase letters, digits and single hyphens; cite it as [@{id}]"),
            ($"  title: {Quote(title)}", "plain text"),
            ("  publisher: \"\"", "required: who published it, such as Amnesty International"),
            ("  kind: \"\"", "required: article, report, letter, statement, audio, video, post, resolution, ruling, book or other"),
            ("  # author: \"\"", "optional: who wrote it"),
            ("  # date: \"\"", "optional: when it was published: YYYY, YYYY-MM or YYYY-MM-DD"),
            ("  # url: \"\"", "optional: its address, http or https"),
            ("  # archive_url: \"\"", "optional: an archived copy, such as one at web.archive.org"),
            ("  # accessed: \"\"", "optional: when the address was last read: YYYY-MM-DD"),
            ("  # note: \"\"", "optional: what it is and who publishes it, in plain words"),
            ("  # translations: { fa: { note: \"\" } }", "optional: the note in the site's other languages (README, Translations)"),
        ]);

    /// <summary>Each field with its comment, the comments lined up.</summary>
    private static string Lines(string heading, IReadOnlyList<(string Field, string Comment)> fields)
    {
        var column = Math.Max(30, fields.Max(f => f.Field.Length) + 2);
        var text = new StringBuilder(heading).Append('\n');
        foreach (var (field, comment) in fields)
        {
            text.Append(field.PadRight(column)).Append("# ").Append(comment).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A YAML double-quoted string: nothing in a title can break the record.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex("-+")]
    private static partial Regex Hyphens();
}
