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

        var translations = new Dictionary<string, SiteTranslation>(StringComparer.Ordinal);
        foreach (var entry in TranslationReader.Read(record.Translations, SiteTranslationRecord.Shape, languages, check))
        {
            var translatedTitle = entry.Check.Line(entry.Record.Title, "title", "the title in this language", entry.Position);
            var translatedDescription = RecordValidator.Optional(entry.Record.Description);
            if (translatedTitle is not null)
            {
                translations[entry.Language] = new SiteTranslation(
                    entry.Language,
                    RecordValidator.Plain(translatedTitle),
                    translatedDescription is null ? null : RecordValidator.Plain(translatedDescription));
            }
        }

        return title is null || baseUrl is null
            ? null
            : new SiteSettings(RecordValidator.Plain(title), RecordValidator.Plain(description), baseUrl, languages.Default)
            {
                Languages = [languages.Default, .. languages.Others],
                Translations = translations,
                TitleOrigin = new Origin(file.DisplayPath, record.Title?.Position ?? SourcePosition.WholeFile),
                DescriptionOrigin = new Origin(file.DisplayPath, record.Description?.Position ?? SourcePosition.WholeFile),
            };
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
}
