using System.Globalization;
using Timeline.Dates;
using static System.FormattableString;

namespace Timeline.Diagnostics;

/// <summary>
/// A stable error code, what is wrong (<see cref="Problem"/>, a sentence or more ending in its full stop) and how to fix
/// it (<see cref="Fix"/>). Kept apart because `--format json` gives them apart; the text format writes them one after the
/// other, as <see cref="Text"/>.
/// </summary>
public readonly record struct ErrorMessage(string Code, string Problem, string Fix)
{
    public string Text => Fix.Length == 0 ? Problem : $"{Problem} {Fix}";
}

/// <summary>
/// Every message the generator can report, in one place. Each says what is wrong and how to fix it;
/// codes are stable so that people can search for them.
/// </summary>
public static class ErrorMessages
{
    // "Did you mean 'x'? " before the fix when a close name is known.
    private static string Hint(string? suggestion) => suggestion is null ? "" : $"Did you mean '{suggestion}'? ";

    // Files (TL00xx)
    public static ErrorMessage NotUtf8(long offset) =>
        new("TL0001", $"the file is not valid UTF-8 (bad byte at offset {offset}).", $"Save it as UTF-8 in your editor.");

    public static ErrorMessage FileTooLarge(long size, long limit) =>
        new("TL0002", Invariant($"the file is {size:N0} bytes, over the limit of {limit:N0} bytes."), "Split it into smaller files.");

    public static ErrorMessage EmptyFile(string fix) =>
        new("TL0003", "the file is empty.", fix);

    public static ErrorMessage MissingFile(string name, string what) =>
        new("TL0004", $"'{name}' is missing.", $"Create it with {what}.");

    public static ErrorMessage MissingInputFolder(string path) =>
        new("TL0005", $"the input folder '{path}' does not exist.", $"Pass --input with the folder that holds site.yml, sources.yml and events/.");

    public static ErrorMessage UnreadableFile(string reason) =>
        new("TL0006", $"the file cannot be read ({reason}).", $"Check that it exists and that you may read it.");

    public static ErrorMessage NotARegularFile(string kind) =>
        new("TL0007", $"this is {kind}, not a regular file, so it was not read.", $"Replace it with an ordinary file, or remove it.");

    public static ErrorMessage UnreadableFolder(string reason) =>
        new("TL0008", $"the folder cannot be read ({reason}), so nothing in it was read.", $"Give yourself permission to read it (for example chmod u+rx), or remove it.");

    public static ErrorMessage LinkLeavesFolder(string folder) =>
        new("TL0009", $"this is a link to something outside '{folder}', so it was not followed.", $"Copy what it points to into '{folder}' instead of linking to it, or remove the link.");

    public static ErrorMessage DanglingLink() =>
        new("TL0010", "this is a link to something that does not exist.", "Point it at an existing file, or remove it.");

    public static ErrorMessage LinkLoop() =>
        new("TL0011", "this is a link to a folder that contains it, or to a link that leads back to it (a link loop), so it was not followed.", "Remove the link, or point it at a file or folder outside its own path.");

    public static ErrorMessage NotAFolder(string name, string kind) =>
        new("TL0012", $"'{name}' must be a folder, but it is {kind}.", $"Make '{name}' a folder and put its files in it.");

    // YAML shape (TL01xx)
    public static ErrorMessage YamlSyntax(string parserMessage) =>
        new("TL0100", $"the YAML is malformed: {parserMessage}.", $"Check the indentation and quoting near this line.");

    public static ErrorMessage TabIndentation() =>
        new("TL0101", "a tab is used for indentation.", "YAML allows only spaces; replace the tab with spaces.");

    public static ErrorMessage AnchorsNotAllowed() =>
        new("TL0102", "YAML anchors and aliases (& and *) are not supported.", "Write the value out in full.");

    public static ErrorMessage ExpectedText(string field, string found) =>
        new("TL0103", $"'{field}' must be a text, but it is {found}.", $"Write it on one line after '{field}:', in quotes if it contains a colon.");

    public static ErrorMessage ExpectedList(string field, string found) =>
        new("TL0103", $"'{field}' must be a list, but it is {found}.", $"Write it as a list, for example '{field}: [first, second]'.");

    public static ErrorMessage ExpectedMapping(string what, string found) =>
        new("TL0103", $"{what} must be a set of 'field: value' lines, but it is {found}.", $"Start each line with a field name and a colon.");

    public static ErrorMessage ExpectedListOfRecords(string file, string found) =>
        new("TL0103", $"{file} must be a list of records, each starting with '- id:', but it is {found}.", $"Put '- ' before the first field of each record.");

    public static ErrorMessage UnknownField(string field, string? suggestion, IEnumerable<string> known) =>
        new("TL0104", $"unknown field '{field}'.", $"{Hint(suggestion)}Known fields are: {string.Join(", ", known)}.");

    public static ErrorMessage MissingField(string field, string example) =>
        new("TL0105", $"the required field '{field}' is missing or empty.", $"Add it, for example '{field}: {example}'.");

    public static ErrorMessage DuplicateField(string field, int firstLine) =>
        new("TL0106", $"the field '{field}' appears twice (first on line {firstLine}).", $"Keep only one.");

    public static ErrorMessage TooDeep(int limit) =>
        new("TL0107", $"the YAML is nested more than {limit} levels deep.", $"Records need only a few levels; flatten it.");

    public static ErrorMessage MissingFrontMatter() =>
        new("TL0108", "the page has no front matter.", "Start it with a line '---', then 'title: Your title', then another line '---'.");

    // Values (TL02xx)
    public static ErrorMessage MalformedDate(string field, string value) =>
        new("TL0200", $"'{field}' is '{value}', which is not a date in a known format.", $"Write YYYY, YYYY-MM or YYYY-MM-DD, for example 1988-07-19.");

    public static ErrorMessage ImpossibleDate(string field, string value, bool hasDay) =>
        hasDay
            ? new("TL0201", $"'{field}' is '{value}', a day that does not exist.", $"Check the month and the day.")
            : new("TL0201", $"'{field}' is '{value}', a month that does not exist.", $"Months go from 01 to 12.");

    public static ErrorMessage EndBeforeDate(string end, string date, string startField = "date") =>
        new("TL0202", $"'end' ({end}) is before '{startField}' ({date}).", $"Make 'end' the same as or later than '{startField}', or swap them.");

    public static ErrorMessage NotABoolean(string field, string value) =>
        new("TL0203", $"'{field}' is '{value}', but it must be true or false.", $"Write '{field}: true' or remove the line.");

    public static ErrorMessage InvalidId(string value, string reason) =>
        new("TL0204", $"the id '{value}' {reason}.", $"Use only lowercase letters a-z, digits and single hyphens, for example 'death-commissions-1988'.");

    public static ErrorMessage DuplicateId(string kind, string id, string firstPlace) =>
        new("TL0205", $"the {kind} id '{id}' is already used by {firstPlace}.", $"Give each {kind} its own id.");

    public static ErrorMessage SummaryTooLong(int length, int limit) =>
        new("TL0206", $"'summary' is {length} characters long, over the limit of {limit}.", $"Shorten it; the full story belongs in 'body'.");

    public static ErrorMessage UnknownSourceKind(string value, string? suggestion, IEnumerable<string> known) =>
        new("TL0207", $"'kind' is '{value}', which is not a known kind of source.", $"{Hint(suggestion)}Use one of: {string.Join(", ", known)}.");

    public static ErrorMessage UnsafeUrl(string field, string value) =>
        new("TL0208", $"'{field}' is '{Shorten(value)}', which is not an http or https address.", $"Give the full address, starting with https://.");

    public static ErrorMessage InvalidBaseUrl(string value, string field = "base_url") =>
        new("TL0209", $"'{field}' is '{Shorten(value)}', which is not an absolute http or https address.", $"Write it as https://example.org or https://example.org/timeline/.");

    public static ErrorMessage UnknownEntityKind(string value, IEnumerable<string> known) =>
        new("TL0210", $"'kind' is '{value}', which is not a known kind of entity.", $"Use one of: {string.Join(", ", known)}.");

    public static ErrorMessage InvalidLanguage(string value) =>
        new("TL0211", $"'language' is '{value}', which is not a language tag.", $"Use a tag such as en or fa.");

    public static ErrorMessage InvisibleCharacter(string field, string character, int offset) =>
        new("TL0212", $"'{field}' holds the invisible character {character} (at character {offset}).", $"Remove it: it can hide or reverse what the text says.");

    public static ErrorMessage DateOutOfRange(string field, string value) =>
        new("TL0213", Invariant($"'{field}' is '{value}', outside the dates a site can show: from {PartialDate.Earliest:yyyy-MM-dd}, the first day of the Solar Hijri calendar in which every date is also shown, to {PartialDate.Latest:yyyy-MM-dd}."), Invariant($"A year or a month must start inside that range, so the earliest year is {PartialDate.Earliest.Year + 1:D4} and the earliest month {PartialDate.Earliest.Year:D4}-{PartialDate.Earliest.Month + 1:D2}; check the year."));

    public static ErrorMessage TextTooLong(string field, int length, int limit) =>
        new("TL0214", Invariant($"'{field}' is {length:N0} characters long, over the limit of {limit}."), Invariant($"Shorten it, and put the rest in a longer field such as 'summary', 'body' or 'note'."));

    public static ErrorMessage SortOutsideDates(string sort, string from, string to) =>
        new("TL0215", $"'sort' ({sort}) is outside the event's own dates, {from} to {to}.", $"Give 'sort' a date from {from} to {to} (it only places the event within its own period), or correct 'date' and 'end'.");

    public static ErrorMessage InvalidContact(string field, string value) =>
        new("TL0220", $"'{field}' is '{Shorten(value)}', which is neither an e-mail address nor an http or https address.", $"Write an address such as editors@example.org, or the full address of a page, starting with https://.");

    public static ErrorMessage UnknownLicense(string value, string? suggestion, IEnumerable<string> known) =>
        new("TL0221", $"'license' is '{value}', which is not a licence this generator knows.", $"{Hint(suggestion)}Write its SPDX id, one of: {string.Join(", ", known)}; or leave 'license' out and say under what terms the text may be reused on a page.");

    public static ErrorMessage TranslationWithoutOriginal(string field) =>
        new("TL0222", $"the translation gives '{field}', which site.yml does not set in the main language.", $"Set '{field}' at the top of site.yml first, or remove it here.");

    // An entry's own dates and corrections (TL023x)
    public static ErrorMessage EntryDateNotDay(string field, string value) =>
        new("TL0230", $"'{field}' is '{value}', which is not a whole day.", $"The dates of the entry itself are days: write YYYY-MM-DD, for example 2024-05-03.");

    public static ErrorMessage UpdatedBeforePublished(string updated, string published) =>
        new("TL0231", $"'updated' is {updated}, before 'published' ({published}).", $"An entry cannot change before it is first published: correct one of the two dates.");

    public static ErrorMessage CorrectionBeforePublished(string date, string published) =>
        new("TL0232", $"the correction dated {date} is older than 'published' ({published}).", $"A correction is made to a published entry: correct its date or 'published'.");

    public static ErrorMessage UnknownCorrectionTranslation(string date, string known) =>
        new("TL0233", $"this translated correction is dated {date}, but the entry records no correction on that day (its corrections are dated {known}).", $"Give it the date of the correction it translates.");

    // References (TL03xx)
    public static ErrorMessage UnknownSource(string id, string? suggestion) =>
        new("TL0300", $"unknown source '{id}'.", $"{Hint(suggestion)}Sources are listed in sources.yml; add it there or fix the id.");

    public static ErrorMessage UnknownRelatedEvent(string id, string? suggestion) =>
        new("TL0301", $"'related' names unknown event '{id}'.", $"{Hint(suggestion)}An event's id is its file name without .yml, unless it sets 'id'.");

    public static ErrorMessage UnknownLinkedEvent(string id, string? suggestion) =>
        new("TL0302", $"the link [[{id}]] names unknown event '{id}'.", $"{Hint(suggestion)}An event's id is its file name without .yml, unless it sets 'id'.");

    public static ErrorMessage UnknownEntity(string field, string id, string? suggestion) =>
        new("TL0303", $"'{field}' names unknown entity '{id}'.", $"{Hint(suggestion)}People, organisations and places are listed in entities.yml; add it there or fix the id.");

    public static ErrorMessage CitesNothing() =>
        new("TL0304", "the event cites no source.", "Add 'sources: [source-id]' or cite in the body with [@source-id].");

    public static ErrorMessage UnsafeLink(string url) =>
        new("TL0305", $"the link '{Shorten(url)}' is not allowed: links may go only to http, https or mailto addresses, or to pages of this site.", $"Fix or remove the link.");

    public static ErrorMessage MalformedCitation(string text) =>
        new("TL0306", $"the citation '{Shorten(text)}' is malformed.", $"Write [@source-id], [@source-id, p. 12] or [@first; @second].");

    public static ErrorMessage EntityOfWrongKind(string field, string id, string actualKind, string rightField) =>
        new("TL0307", $"'{field}' names '{id}', which is a {actualKind} in entities.yml.", $"Move it to '{rightField}'.");

    public static ErrorMessage RelatedToItself(string id) =>
        new("TL0308", $"'related' names the event itself ('{id}').", $"Remove it from the list.");

    public static ErrorMessage ImageNotAllowed(string url) =>
        new("TL0309", $"the image '{Shorten(url)}' is not allowed: images are not supported in records yet.", $"Remove it, or link to it instead.");

    public static ErrorMessage MarkdownTooDeep() =>
        new("TL0310", "the Markdown from this line is nested too deeply to render: more than 128 quotes ('>') or emphases inside one another, or more than 64 lists inside one another.", "Flatten it: use fewer '>', '*' or list levels.");

    public static ErrorMessage ParagraphTooCrowded(int limit) =>
        new("TL0311", Invariant($"the paragraph that reaches this line holds more than {limit} emphasis marks ('*', '_') and brackets ('['), and reading them takes time growing with the square of their number."), Invariant($"Split it into shorter paragraphs with empty lines."));

    // Theme (TL04xx)
    public static ErrorMessage TemplateSyntax(string detail) =>
        new("TL0400", $"the template has a syntax error: {detail}.", $"Check the {{% %}} and {{{{ }}}} tags near this line.");

    public static ErrorMessage TemplateRender(string page, string detail) =>
        new("TL0401", $"the template failed while rendering {page}: {detail}.", $"Check the variables and filters it uses.");

    public static ErrorMessage BrokenLink(string href, string reason, string pages) =>
        new("TL0402", $"broken link '{Shorten(href)}' on {pages}: {reason}.", $"Fix the link in the template or the record that makes it.");

    public static ErrorMessage MissingTemplate(string name) =>
        new("TL0403", $"the theme has no template '{name}'.", $"Add it to the theme's templates folder.");

    public static ErrorMessage UnknownFilter(string filter, string? suggestion) =>
        new("TL0405", $"unknown filter '{filter}'.", $"{Hint(suggestion)}Use one of Liquid's filters, or remove it.");

    public static ErrorMessage TemplateLimitReached(Theme.TemplateLimit limit, string page) => limit switch
    {
        Theme.TemplateLimit.Steps => new("TL0410", Invariant($"rendering {page} ran more than {Theme.TemplateLimits.MaxSteps:N0} steps, or included templates more than {Theme.TemplateLimits.MaxRecursion} deep, and was stopped: a loop here runs too long, or templates include one another in a cycle."), Invariant($"Loop over the records themselves (or add 'limit:'), or break the cycle.")),
        Theme.TemplateLimit.Range => new("TL0411", Invariant($"a range (a..b) here holds more than {Theme.TemplateLimits.MaxRangeLength:N0} numbers while rendering {page}, and was stopped."), Invariant($"Use a shorter range, or loop over the records themselves.")),
        Theme.TemplateLimit.Value => new("TL0412", Invariant($"a text or list grew to more than {Theme.TemplateLimits.MaxValueLength:N0} characters or items while rendering {page} (a filter such as append or concat here, repeated in a loop, doubles it), and was stopped."), Invariant($"Output the parts one by one instead of joining them into one value.")),
        _ => new("TL0413", Invariant($"{page} grew to more than {Theme.TemplateLimits.MaxPageLength:N0} characters and was stopped: a loop here writes too much."), Invariant($"Shorten the loop, or write less in it.")),
    };

    public static ErrorMessage MissingThemeFolder(string path) =>
        new("TL0404", $"the theme folder '{path}' does not exist or has no templates/ folder.", $"Pass --theme with the folder that holds templates/ and assets/.");

    public static ErrorMessage WebFontMissing(string package) =>
        new("TL0406", $"the Persian web font is not installed (the npm package '{package}' is missing from node_modules or has no such file), so the site was built without it and Persian text is shown in the reader's own fonts.", $"Run `npm ci --ignore-scripts` in the project's folder (the one with package.json) to install it.");

    // Output (TL05xx)
    public static ErrorMessage UnsafeOutput(string path, string reason) =>
        new("TL0500", $"refusing to write the site into '{path}': {reason}.", $"Choose an empty folder or a previous Timeline output, such as 'output'.");

    public static ErrorMessage OutputFailed(string path, string reason) =>
        new("TL0501", $"the site could not be written to '{path}' ({reason}).", $"The previous output was left as it was; check the disk and permissions.");

    public static ErrorMessage NotOwnFolder(string path, string reason) =>
        new("TL0510", $"'{path}' {reason}. A build deletes, moves and writes only into folders it made itself, so it stopped before touching anything.", $"Move or remove '{path}' yourself (removing a link leaves what it points to as it is); the next build makes its own.");

    public static ErrorMessage NotOwnCache(string path, string reason) =>
        new("TL0511", $"the cache folder '{path}' {reason}. A build keeps share images and the search index only in a folder it made itself, so it stopped before touching anything.", $"Move or remove '{path}' yourself (removing a link leaves what it points to as it is); the next build makes the cache anew.");

    public static ErrorMessage DiskFull(string path) =>
        new("TL0512", $"there is no space left on the disk that holds '{path}'.", $"The previous output was left as it was; free some space and build again.");

    // Share images (TL07xx)
    public static ErrorMessage InvalidColour(string field, string value) =>
        new("TL0700", $"'{field}' is '{value}', which is not a colour.", $"Write it as \"#rrggbb\" in quotes, for example {field}: \"#1d1d1f\".");

    public static ErrorMessage InvalidFontPath(string field, string value) =>
        new("TL0701", $"'{field}' is '{value}', which is not a font file of an npm package.", $"Write the package name, then the path of a .ttf or .otf file inside it, for example {field}: dejavu-fonts-ttf/ttf/DejaVuSans.ttf.");

    public static ErrorMessage FontNotInstalled(string field, string font, string package) =>
        new("TL0702", $"the font '{font}' named by '{field}' is not installed: the npm package '{package}' is missing from node_modules.", $"Run 'npm install --ignore-scripts' in the site's folder, the one with package.json (in Timeline's own repository, 'npm ci --ignore-scripts'), then build again.");

    public static ErrorMessage FontNotInPackage(string field, string font, string package) =>
        new("TL0706", $"the font '{font}' named by '{field}' does not exist: the npm package '{package}' is installed but has no such file.", $"Check the path inside node_modules/{package}/.");

    public static ErrorMessage InvalidFontSize(string field, string value, int min, int max, string example) =>
        new("TL0703", $"'{field}' is '{value}', which is not a size in pixels from {min} to {max}.", $"Write a whole number, for example {field}: {example}.");

    public static ErrorMessage MinTitleSizeTooLarge(int min, int max) =>
        new("TL0704", $"'min_title_size' is {min}, larger than 'title_size' ({max}).", $"Make it smaller than or equal to title_size.");

    public static ErrorMessage UnreadableFont(string font, string reason) =>
        new("TL0705", $"the font '{font}' cannot be used ({reason}).", $"Reinstall it with 'npm ci --ignore-scripts', or name another .ttf or .otf file.");

    // Warnings (TL06xx)
    public static ErrorMessage UnusedSource(string id) =>
        new("TL0600", $"the source '{id}' is never cited.", $"Cite it in an event or page with [@{id}], or remove it from sources.yml.");

    public static ErrorMessage UnusedTag(string id, string? suggestion) =>
        new("TL0601", $"tags.yml names the tag '{id}', which no event uses.", $"{Hint(suggestion)}Correct the id to the one the events write under 'tags', or remove the entry from tags.yml.");

    // Languages and translations (TL10xx)
    public static ErrorMessage UnknownTranslationLanguage(string language, string? suggestion, IReadOnlyList<string> others) =>
        others.Count == 0
            ? new("TL1000", $"the translation into '{language}' is for a language the site does not have.", $"List the site's languages in site.yml, default first, for example 'languages: [en, {language}]'.")
            : new("TL1000", $"the translation into '{language}' is for a language the site does not have.", $"{Hint(suggestion)}The site's other languages are: {string.Join(", ", others)}; add '{language}' to 'languages' in site.yml or fix the key.");

    public static ErrorMessage TranslationIntoDefaultLanguage(string language) =>
        new("TL1001", $"the translation into '{language}' is in the site's default language, which the record's own fields already hold.", $"Remove it, or translate into another language.");

    public static ErrorMessage InvalidLanguageInList(string value) =>
        new("TL1002", $"'languages' holds '{value}', which is not a language tag.", $"Use tags such as en or fa.");

    public static ErrorMessage DuplicateLanguage(string value) =>
        new("TL1003", $"'languages' holds '{value}' twice.", $"List each language once.");

    public static ErrorMessage LanguageDisagrees(string language, string first) =>
        new("TL1004", $"'language' is '{language}' but 'languages' starts with '{first}', and the first of 'languages' is the default.", $"Remove 'language', or make it the first of 'languages'.");

    public static ErrorMessage TranslatedPageWithoutPage(string id, string language) =>
        new("TL1005", $"this file translates the page '{id}' into '{language}', but there is no pages/{id}.md.", $"Write the page in the default language first, or fix the file name.");

    public static ErrorMessage TranslationCitesOtherSources(string language, IReadOnlyList<string> missing, IReadOnlyList<string> extra) =>
        new("TL1006", $"the '{language}' text does not cite the same sources as the default text ({Differences(missing, extra)}).", $"A translation cites what the text it translates cites; check its [@id] markers.");

    // A source's translations (TL098x)
    public static ErrorMessage EmptySourceTranslation(string language) =>
        new("TL0980", $"the translation into '{language}' gives neither a note nor a title.", $"Add 'note:' with the note in that language (and 'title:' only where the source has a title of its own in it), or remove the entry.");

    // The theme's strings, theme/i18n/<language>.yml (TL101x)
    public static ErrorMessage MissingStringsFile(string language, string folder) =>
        new("TL1010", $"the theme has no strings for the language '{language}'.", $"Add {folder}/{language}.yml with every key of {folder}/en.yml, translated.");

    public static ErrorMessage MissingStringKey(string key, string reference) =>
        new("TL1011", $"the key '{key}' of {reference} is missing here.", $"Add it, translated, for example {key}: ...");

    public static ErrorMessage UnknownStringPlaceholder(string key, string placeholder, IReadOnlyList<string> known) =>
        known.Count == 0
            ? new("TL1012", $"'{key}' holds the placeholder {{{placeholder}}}, but this text takes none.", $"Remove it, or write the braces' contents as plain words.")
            : new("TL1012", $"'{key}' holds the placeholder {{{placeholder}}}, which this text does not take.", $"Its placeholders are: {string.Join(", ", known.Select(k => "{" + k + "}"))}.");

    public static ErrorMessage UnknownStringKey(string key, string reference, string? suggestion) =>
        new("TL1013", $"'{key}' is not a key of {reference}.", $"{Hint(suggestion)}Fix the key, or add it to {reference} first.");

    public static ErrorMessage StringNotText(string key, string found) =>
        new("TL1014", $"'{key}' is {found}, but each key holds one line of text.", $"Write it as key: text, with no nested fields or lists.");

    public static ErrorMessage StringsNotAMapping(string found) =>
        new("TL1015", $"the file holds {found}, but it should be a set of keys and texts.", "Write one key and its text per line, such as nav_sources: Sources.");

    private static string Differences(IReadOnlyList<string> missing, IReadOnlyList<string> extra)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("it leaves out " + string.Join(", ", missing.Select(m => $"'{m}'")));
        }

        if (extra.Count > 0)
        {
            parts.Add("it adds " + string.Join(", ", extra.Select(m => $"'{m}'")));
        }

        return string.Join("; ", parts);
    }

    // The author's commands: serve and new (TL095x-TL099x)
    public static ErrorMessage PortInUse(int port, string reason) =>
        new("TL0950", $"cannot listen on 127.0.0.1:{port} ({reason}).", $"Pass --port with another port, or --port 0 for any free one.");

    public static ErrorMessage InvalidPort(string value) =>
        new("TL0951", $"--port is '{value}', which is not a port.", $"Give a number from 1 to 65535, or 0 for any free port.");

    public static ErrorMessage RecordExists(string path) =>
        new("TL0952", $"'{path}' already exists; it was left as it is.", $"Choose another id with --id, or edit that file.");

    public static ErrorMessage SourceExists(string id, string place) =>
        new("TL0953", $"a source with the id '{id}' is already listed at {place}; nothing was added.", $"Choose another id with --id, or edit that source.");

    public static ErrorMessage NoIdFromTitle(string title) =>
        new("TL0954", $"no id can be made from the title '{Shorten(title)}', which has no letters a-z or digits.", $"Give one with --id, for example --id death-commissions-formed.");

    public static ErrorMessage InvalidNewDate(string value, bool impossible) =>
        impossible
            ? new("TL0955", $"--date is '{value}', a day or month that does not exist.", $"Check the month and the day.")
            : new("TL0955", $"--date is '{value}', which is not a date in a known format.", $"Write YYYY, YYYY-MM or YYYY-MM-DD, for example 1988-07-19.");

    // The command line as a whole, and what `new` cannot do (TL096x)
    public static ErrorMessage CommandLineError(string detail) =>
        new("TL0960", $"{detail.TrimEnd('.')}.", $"Run 'timeline --help' for the commands and their options.");

    public static ErrorMessage NotAFolder(string path, bool isLink) =>
        isLink
            ? new("TL0961", $"'{path}' is a link; `timeline new` writes only into real folders of the input, never through a link.", $"Replace the link with the folder it points to, or write the record by hand.")
            : new("TL0961", $"'{path}' is a file where `timeline new` needs a folder.", $"Rename or move the file, then run the command again.");

    public static ErrorMessage FlowSourceList() =>
        new("TL0962", "sources.yml is written as one bracketed list ([...]), and `timeline new source` adds a source as lines starting with '- id:'; nothing was added.", "Write the list one source per line, each starting with '- id:', or add the source by hand.");

    public static ErrorMessage SourceNotAdded(string reason) =>
        new("TL0963", $"the new source could not be added without breaking sources.yml ({reason}); nothing was added.", $"Add it by hand at the end of the list, as the README's \"A source\" shows.");

    public static ErrorMessage NotWritten(string path, string reason) =>
        new("TL0964", $"'{path}' could not be written ({reason}); nothing was added.", $"Check that the folder exists and that you may write to it.");

    // `timeline init` (TL0965-TL0968)
    public static ErrorMessage InitFolderNotEmpty(string path) =>
        new("TL0965", $"'{path}' is not empty, and `timeline init` starts a site only in a new or empty folder.", $"Give a new folder (timeline init my-timeline), or add --force to add the starter files beside what is there (no file is ever replaced).");

    public static ErrorMessage InitWouldOverwrite(string path, IReadOnlyList<string> taken) =>
        new("TL0966", $"'{path}' already has {string.Join(", ", taken.Take(5).Select(t => $"'{t}'"))}{(taken.Count > 5 ? $" and {taken.Count - 5} more" : "")}, which `timeline init` would write; nothing was written.", "Move them away, or start the site in a new folder.");

    public static ErrorMessage InitNotAFolder(string path, string kind) =>
        new("TL0967", $"'{path}' is {kind}, not a folder.", $"Give the path of a new or empty folder.");

    public static ErrorMessage InitNotWritten(string path, string reason) =>
        new("TL0968", $"the site could not be written into '{path}' ({reason}).", $"Check that you may write there; what was written can be deleted and the command run again.");

    public static ErrorMessage EmptyPathOption(string option, string example) =>
        new("TL0956", $"{option} is empty.", $"Give it a folder, for example {option} {example}, or leave it out for the default '{example}'.");

    public static ErrorMessage UnusablePathOption(string option, string value, string reason) =>
        new("TL0957", $"{option} '{Shorten(value)}' is not a usable path: {reason}.", $"Give the path of a folder.");

    public static ErrorMessage PathOptionIsNotAFolder(string option, string value, string kind) =>
        new("TL0958", $"{option} '{Shorten(value)}' is {kind}, not a folder.", $"Give the path of a folder (it may not exist yet for --output).");

    public static ErrorMessage EmptyTitleOption() =>
        new("TL0959", "--title is empty.", "Give the record's title, for example --title \"Death commissions formed\".");

    // `timeline import timelinejs` (TL0990-TL0999). "where" names the slide: "row 5" of a sheet, "events[3]" of a JSON file.
    public static ErrorMessage ImportUnreadable(string reason) =>
        new("TL0990", $"the file is not a TimelineJS timeline: {reason}; nothing was imported.", $"Give the JSON file of a TimelineJS timeline, or its Google Sheet downloaded as CSV (File, Download, Comma-separated values).");

    public static ErrorMessage ImportBadDate(string where, string field, string value, string reason) =>
        new("TL0991", $"{where}: {field} is '{Shorten(value)}', {reason}; nothing was imported.", $"Write the year as a number (1988), the month as 1-12 and the day as a day of that month, or leave month and day empty.");

    public static ErrorMessage ImportDateOutOfRange(string where, string date) =>
        new("TL0992", $"{where}: the date {date} is before 0622-03-22 or after 9999, which the site cannot show (every date is also shown in the Solar Hijri calendar); nothing was imported.", $"Correct the date, or leave the slide out of the file.");

    public static ErrorMessage ImportEndBeforeStart(string where, string end, string start) =>
        new("TL0993", $"{where}: the end date {end} is before the start date {start}; nothing was imported.", $"Correct one of them, or clear the end date.");

    public static ErrorMessage ImportNoHeadline(string where) =>
        new("TL0994", $"{where}: the headline is empty, and every event needs a title; nothing was imported.", $"Write a headline for the slide.");

    public static ErrorMessage ImportTextTooLong(string where, string field, int length, int limit) =>
        new("TL0995", Invariant($"{where}: {field} is {length} characters long, more than the {limit} a title may have; nothing was imported."), Invariant($"Shorten it in the file, and put the rest in the text."));

    public static ErrorMessage ImportNoSource(string where) =>
        new("TL0996", $"{where}: the slide names no source (its media address and media credit are empty), and every event must cite one; nothing was imported.", $"Give the slide's media address and credit, or pass --source with the id of a source in sources.yml that every slide without one cites (the timeline you import, say).");

    public static ErrorMessage ImportUnknownSource(string id, string known) =>
        new("TL0997", $"--source is '{Shorten(id)}', which sources.yml does not list{known}; nothing was imported.", $"Add it first with `timeline new source`, or give an id sources.yml lists.");

    public static ErrorMessage ImportRecordExists(string where, string path) =>
        new("TL0998", $"{where}: the event would be written to '{path}', which already exists (was this file imported before?); nothing was imported.", $"Remove that file, or give the slide another unique_id or headline.");

    public static ErrorMessage ImportBadGroup(string where, string group) =>
        new("TL0999", $"{where}: the group '{Shorten(group)}' gives no tag, as tags are made of the letters a-z, digits and hyphens; nothing was imported.", $"Rename the group in the file with some of those letters, or clear it.");

    // Pages whose address the site already uses (TL0975-TL0979)
    public static ErrorMessage PageNamedLikeLanguage(string id, string address, string file) =>
        new("TL0975", $"the page '{id}' would be written at {address}, which is the home page of the site's language '{id}' (site.yml, 'languages'), and would replace it.", $"Rename the file, for example to {file}; a page's translation is named like pages/about.{id}.md.");

    public static ErrorMessage PageNamedLikeSiteFolder(string id, string address, string file, IEnumerable<string> reserved) =>
        new("TL0976", $"the page '{id}' would be written at {address}, a folder the generator writes itself, and one would overwrite the other.", $"Rename the file, for example to {file}; a page may not take the name of a language of the site or of a folder the generator writes ({string.Join(", ", reserved)}).");

    // Search, feeds and sitemap (TL08xx)
    public static ErrorMessage SearchToolMissing() =>
        new("TL0800", "Pagefind, the search indexer, is not installed here, so the site was built without search and its search page says so.", "Run `npm ci --ignore-scripts` in the project's folder (the one with package.json) to install it.");

    public static ErrorMessage SearchIndexFailed(int exitCode, string output) =>
        new("TL0801", Invariant($"Pagefind failed to index the site (exit code {exitCode}): {output}."), Invariant($"The previous output was left as it was; reinstall it with `npm ci --ignore-scripts` if the message does not say what to fix."));

    public static ErrorMessage SearchIndexNotStarted(string reason) =>
        new("TL0802", $"Pagefind could not be started ({reason}).", $"The previous output was left as it was; reinstall it with `npm ci --ignore-scripts`.");

    public static ErrorMessage SearchIndexTimedOut(TimeSpan limit) =>
        new("TL0803", Invariant($"Pagefind was still indexing the site after {limit.TotalSeconds:0} seconds and was stopped."), Invariant($"The previous output was left as it was; try again, and reinstall it with `npm ci --ignore-scripts` if it happens again."));

    public static ErrorMessage SearchIndexIncomplete(string missing) =>
        new("TL0804", $"Pagefind finished but did not write {missing}.", $"The previous output was left as it was; reinstall it with `npm ci --ignore-scripts`.");

    public static ErrorMessage FeedNotWritten(string file, string reason) =>
        new("TL0805", $"{file} could not be written: {reason}.", $"Remove the character from the record it comes from.");

    private static string Shorten(string value) =>
        Loading.Identifiers.Visible(value.Length <= 80 ? value : value[..77] + "...");
}
