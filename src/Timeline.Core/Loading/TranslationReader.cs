using Timeline.Diagnostics;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>The languages a site is written in, as site.yml gives them: the default, then the others.</summary>
internal sealed record SiteLanguages(string Default, IReadOnlyList<string> Others)
{
    public static readonly SiteLanguages EnglishOnly = new("en", []);
}

/// <summary>
/// One language's entry of a record's 'translations', read through its shape. Check knows the fields already
/// reported as misspelt in it, so that they are not reported as missing too.
/// </summary>
internal sealed record TranslationEntry<T>(string Language, T Record, SourcePosition Position, RecordValidator Check);

/// <summary>
/// Reads the 'translations' field of a record: a set of fields keyed by language tag, each holding the
/// translated fields. Keys must be languages of the site other than the default; fields are checked by shape.
/// </summary>
internal static class TranslationReader
{
    /// <summary>
    /// The entries whose language the site has. Languages is null when site.yml could not be read: keys are then
    /// not checked against it, so that one broken file does not make every translation an error.
    /// </summary>
    public static IReadOnlyList<TranslationEntry<T>> Read<T>(
        YamlMapping? translations,
        RecordShape<T> shape,
        SiteLanguages? languages,
        RecordValidator check)
        where T : new()
    {
        if (translations is null)
        {
            return [];
        }

        var entries = new List<TranslationEntry<T>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in translations.Entries.Select(e => (e.Key, e.Value)))
        {
            var language = key.Value;
            if (seen.TryGetValue(language, out var firstLine))
            {
                check.Error(key.Position, ErrorMessages.DuplicateField(language, firstLine));
                continue;
            }

            seen[language] = key.Position.Line;
            var known = IsKnown(language, key.Position, languages, check);
            if (value is YamlScalar { IsNull: true })
            {
                continue;
            }

            if (value is not YamlMapping fields)
            {
                check.Error(value.Position, ErrorMessages.ExpectedMapping($"the translation into '{language}'", value.Describe()));
                continue;
            }

            // Read even when the language is unknown, so that every mistake inside is reported in the same build.
            var record = shape.Read(fields, check.Path, check.Diagnostics, out var misspelt);
            if (known)
            {
                entries.Add(new TranslationEntry<T>(language, record, fields.Position, new RecordValidator(check.Path, check.Diagnostics, misspelt)));
            }
        }

        return entries;
    }

    /// <summary>Checks a language written as a translation key or in a file name; reports it where it is written.</summary>
    public static bool IsKnown(string language, SourcePosition position, SiteLanguages? languages, RecordValidator check)
    {
        if (languages is null)
        {
            return true;
        }

        if (language == languages.Default)
        {
            check.Error(position, ErrorMessages.TranslationIntoDefaultLanguage(language));
            return false;
        }

        if (!languages.Others.Contains(language, StringComparer.Ordinal))
        {
            var suggestion = languages.Others.FirstOrDefault(known => IsSlip(language, known));
            check.Error(position, ErrorMessages.UnknownTranslationLanguage(Identifiers.Visible(language), suggestion, languages.Others));
            return false;
        }

        return true;
    }

    /// <summary>
    /// Language tags are so short that any two are a couple of edits apart; suggest only a slip of one letter,
    /// of case or of a region (fr for fa, FA or fa-IR for fa), never a different language (ar for fa).
    /// </summary>
    private static bool IsSlip(string written, string known) =>
        string.Equals(written, known, StringComparison.OrdinalIgnoreCase)
        || written.StartsWith(known + "-", StringComparison.OrdinalIgnoreCase)
        || known.StartsWith(written + "-", StringComparison.OrdinalIgnoreCase)
        || (written.Length == known.Length && written.Zip(known).Count(pair => pair.First != pair.Second) == 1);
}
