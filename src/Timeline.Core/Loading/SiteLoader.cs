using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Reads site.yml into <see cref="SiteSettings"/>.</summary>
public static partial class SiteLoader
{
    public static SiteSettings? Load(InputFile file, DiagnosticBag diagnostics, string? baseUrlOverride)
    {
        if (YamlTreeReader.Read(file.Text, file.DisplayPath, diagnostics, "Write the site's title, description, base_url and language in it.") is not { } root)
        {
            return null;
        }

        if (root is not YamlMapping mapping)
        {
            diagnostics.Error(file.DisplayPath, root.Position, ErrorMessages.ExpectedMapping("site.yml", root.Describe()));
            return null;
        }

        var record = SiteRecord.Shape.Read(mapping, file.DisplayPath, diagnostics, out var misspelt);
        var check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
        var title = check.Line(record.Title, "title", "Remembering 1988", mapping.Position);
        var description = RecordValidator.Optional(record.Description) ?? "";
        var languages = Languages(record, check);

        var baseUrlText = baseUrlOverride ?? check.Required(record.BaseUrl, "base_url", "https://example.org", mapping.Position);
        var baseUrl = baseUrlText is null ? null : BaseUrl(baseUrlText);
        if (baseUrlText is not null && baseUrl is null)
        {
            // An address given on the command line is wrong there, not in site.yml.
            if (baseUrlOverride is not null)
            {
                diagnostics.OptionError(BaseUrlOption, ErrorMessages.InvalidBaseUrl(baseUrlText, BaseUrlOption));
            }
            else
            {
                check.Error(record.BaseUrl!.Position, ErrorMessages.InvalidBaseUrl(baseUrlText));
            }
        }

        var publisher = Publisher(record.Publisher, file.DisplayPath, check);
        var contact = Contact(record.Contact, "contact", check);
        var corrections = Corrections(record.Corrections, file.DisplayPath, check);
        var license = License(record.License, check);

        var translations = new Dictionary<string, SiteTranslation>(StringComparer.Ordinal);
        foreach (var entry in TranslationReader.Read(record.Translations, SiteTranslationRecord.Shape, languages, check))
        {
            var translatedTitle = entry.Check.Line(entry.Record.Title, "title", "the title in this language", entry.Position);
            var translatedDescription = RecordValidator.Optional(entry.Record.Description);
            var publisherName = TranslatedPublisherName(entry, record.Publisher is not null, file.DisplayPath);
            // A 'corrections' already reported (a bad contact) is not reported again from its translations.
            var policy = TranslatedPolicy(entry, record.Corrections is not null && (corrections is null || corrections.Policy is not null), file.DisplayPath);
            if (translatedTitle is not null)
            {
                translations[entry.Language] = new SiteTranslation(
                    entry.Language,
                    RecordValidator.Plain(translatedTitle),
                    translatedDescription is null ? null : RecordValidator.Plain(translatedDescription))
                {
                    PublisherName = publisherName,
                    CorrectionsPolicy = policy,
                };
            }
        }

        return title is null || baseUrl is null
            ? null
            : new SiteSettings(RecordValidator.Plain(title), RecordValidator.Plain(description), baseUrl, languages.Default)
            {
                Languages = [languages.Default, .. languages.Others],
                Translations = translations,
                Publisher = publisher,
                Contact = contact,
                Corrections = corrections,
                License = license,
                TitleOrigin = new Origin(file.DisplayPath, record.Title?.Position ?? SourcePosition.WholeFile),
                DescriptionOrigin = new Origin(file.DisplayPath, record.Description?.Position ?? SourcePosition.WholeFile),
            };
    }

    /// <summary>'publisher': { name, url }, the name required once the field is written.</summary>
    private static Publisher? Publisher(YamlMapping? mapping, string path, RecordValidator check)
    {
        if (mapping is null)
        {
            return null;
        }

        var record = PublisherRecord.Shape.Read(mapping, path, check.Diagnostics, out var misspelt);
        var fields = new RecordValidator(path, check.Diagnostics, misspelt);
        var name = fields.Line(record.Name, "name", "Iran Human Rights Documentation Group", mapping.Position);
        var url = fields.HttpUrl(record.Url, "url");
        return name is null ? null : new Publisher(RecordValidator.Plain(name), url);
    }

    /// <summary>'corrections': { contact, policy }, the contact required once the field is written.</summary>
    private static CorrectionsPolicy? Corrections(YamlMapping? mapping, string path, RecordValidator check)
    {
        if (mapping is null)
        {
            return null;
        }

        var record = CorrectionsRecord.Shape.Read(mapping, path, check.Diagnostics, out var misspelt);
        var fields = new RecordValidator(path, check.Diagnostics, misspelt);
        if (record.Contact is null)
        {
            fields.Missing("contact", "corrections@example.org", mapping.Position);
        }

        var contact = Contact(record.Contact, "contact", fields);
        return contact is null ? null : new CorrectionsPolicy(contact, Policy(record.Policy));
    }

    /// <summary>
    /// A policy is plain text, not Markdown: it is the site's own words about itself, shown as written, and the address to
    /// write to is 'contact'. Blank lines part its paragraphs; other line breaks are folded.
    /// </summary>
    private static string? Policy(YamlScalar? value) =>
        RecordValidator.Optional(value) is { } text
            ? string.Join("\n\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(RecordValidator.Plain).Where(p => p.Length > 0))
            : null;

    /// <summary>An e-mail address (mailto: may be written before it) or an http or https address.</summary>
    private static ContactAddress? Contact(YamlScalar? value, string field, RecordValidator check)
    {
        var text = RecordValidator.Optional(value);
        if (text is null)
        {
            return null;
        }

        if (UrlPolicy.IsHttp(text))
        {
            return new ContactAddress(text, text);
        }

        var address = text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? text["mailto:".Length..] : text;
        if (EmailAddress().IsMatch(address))
        {
            return new ContactAddress(address, "mailto:" + address);
        }

        check.Error(value!.Position, ErrorMessages.InvalidContact(field, text));
        return null;
    }

    private static License? License(YamlScalar? value, RecordValidator check)
    {
        var id = RecordValidator.Optional(value);
        if (id is null)
        {
            return null;
        }

        if (Licenses.Find(id) is { } license)
        {
            return license;
        }

        var ids = Licenses.Known.Select(l => l.Id).ToList();
        var suggestion = ids.FirstOrDefault(known => string.Equals(known, id, StringComparison.OrdinalIgnoreCase)) ?? Suggestions.Closest(id, ids);
        check.Error(value!.Position, ErrorMessages.UnknownLicense(id, suggestion, ids));
        return null;
    }

    private static string? TranslatedPublisherName(TranslationEntry<SiteTranslationRecord> entry, bool hasPublisher, string path)
    {
        if (entry.Record.Publisher is not { } mapping)
        {
            return null;
        }

        if (!hasPublisher)
        {
            entry.Check.Error(mapping.Position, ErrorMessages.TranslationWithoutOriginal("publisher"));
            return null;
        }

        var record = PublisherTranslationRecord.Shape.Read(mapping, path, entry.Check.Diagnostics, out var misspelt);
        var name = new RecordValidator(path, entry.Check.Diagnostics, misspelt).Line(record.Name, "name", "the publisher's name in this language", mapping.Position);
        return name is null ? null : RecordValidator.Plain(name);
    }

    private static string? TranslatedPolicy(TranslationEntry<SiteTranslationRecord> entry, bool hasPolicy, string path)
    {
        if (entry.Record.Corrections is not { } mapping)
        {
            return null;
        }

        if (!hasPolicy)
        {
            entry.Check.Error(mapping.Position, ErrorMessages.TranslationWithoutOriginal("corrections.policy"));
            return null;
        }

        var record = CorrectionsTranslationRecord.Shape.Read(mapping, path, entry.Check.Diagnostics, out var misspelt);
        if (record.Policy is null)
        {
            new RecordValidator(path, entry.Check.Diagnostics, misspelt).Missing("policy", "the corrections policy in this language", mapping.Position);
        }

        return Policy(record.Policy);
    }

    /// <summary>
    /// 'languages' lists every language, the default first; 'language' alone names the only one (en when neither
    /// is given). Both may be written when they agree, so a site in one language stays as it was.
    /// </summary>
    private static SiteLanguages Languages(SiteRecord record, RecordValidator check)
    {
        var language = RecordValidator.Optional(record.Language);
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            check.Error(record.Language!.Position, ErrorMessages.InvalidLanguage(language));
        }

        var listed = new List<string>();
        foreach (var item in record.Languages?.Items ?? [])
        {
            var tag = item.Value.Trim();
            if (!LanguageTag().IsMatch(tag))
            {
                check.Error(item.Position, ErrorMessages.InvalidLanguageInList(Identifiers.Visible(tag)));
            }
            else if (listed.Contains(tag, StringComparer.Ordinal))
            {
                check.Error(item.Position, ErrorMessages.DuplicateLanguage(tag));
            }
            else
            {
                listed.Add(tag);
            }
        }

        if (listed.Count > 0 && language is not null && language != listed[0] && LanguageTag().IsMatch(language))
        {
            check.Error(record.Language!.Position, ErrorMessages.LanguageDisagrees(language, listed[0]));
        }

        var first = listed.Count > 0 ? listed[0] : language ?? "en";
        return new SiteLanguages(first, listed.Skip(1).ToList());
    }

    public const string BaseUrlOption = "--base-url";

    /// <summary>The site's address with a closing slash, or null when it is not an absolute http or https address without query or fragment.</summary>
    public static Uri? BaseUrl(string text) =>
        UrlPolicy.IsHttp(text) && Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Query.Length == 0 && parsed.Fragment.Length == 0
            ? new Uri(parsed.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;

    public static bool IsLanguageTag(string text) => LanguageTag().IsMatch(text);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();

    // One address, no display name or brackets: local@domain.tld, nothing that could end an attribute or a mailto: link.
    [GeneratedRegex("^[^\\s@<>()\\[\\],;:\"'?#/\\\\]+@[^\\s@<>()\\[\\],;:\"'?#/\\\\]+\\.[^\\s@<>()\\[\\],;:\"'?#/\\\\.]+$")]
    private static partial Regex EmailAddress();
}
