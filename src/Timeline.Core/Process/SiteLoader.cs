using System.Text.RegularExpressions;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.Process;

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
        var title = check.Required(record.Title, "title", "Remembering 1988", mapping.Position);
        var description = RecordValidator.Optional(record.Description) ?? "";
        var language = RecordValidator.Optional(record.Language) ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            check.Error(record.Language!.Position, ErrorMessages.InvalidLanguage(language));
        }

        var baseUrlText = baseUrlOverride ?? check.Required(record.BaseUrl, "base_url", "https://example.org", mapping.Position);
        Uri? baseUrl = null;
        if (baseUrlText is not null)
        {
            if (UrlPolicy.IsHttp(baseUrlText) && Uri.TryCreate(baseUrlText, UriKind.Absolute, out var parsed) && parsed.Query.Length == 0 && parsed.Fragment.Length == 0)
            {
                baseUrl = new Uri(parsed.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
            }
            else
            {
                check.Error(record.BaseUrl?.Position ?? SourcePosition.File, ErrorMessages.InvalidBaseUrl(baseUrlText));
            }
        }

        return title is null || baseUrl is null ? null : new SiteSettings(RecordValidator.Plain(title), RecordValidator.Plain(description), baseUrl, language);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
