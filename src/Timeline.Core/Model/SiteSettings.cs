namespace Timeline.Model;

/// <summary>The validated settings of site.yml. Language is the default language, the first of Languages.</summary>
public sealed record SiteSettings(string Title, string Description, Uri BaseUrl, string Language)
{
    /// <summary>Every language of the site, the default first; just the default for a site in one language.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [Language];

    /// <summary>The title and description in the site's other languages, by language tag.</summary>
    public IReadOnlyDictionary<string, SiteTranslation> Translations { get; init; } = Model.Translations.None<SiteTranslation>();

    /// <summary>Where the title and the description are written, for messages about what they hold.</summary>
    public Origin TitleOrigin { get; init; } = new("site.yml", Diagnostics.SourcePosition.WholeFile);

    public Origin DescriptionOrigin { get; init; } = new("site.yml", Diagnostics.SourcePosition.WholeFile);

    /// <summary>Who publishes the site, or null when site.yml does not say.</summary>
    public Publisher? Publisher { get; init; }

    /// <summary>How to reach the publisher, or null.</summary>
    public ContactAddress? Contact { get; init; }

    /// <summary>Where to report an error, and the corrections policy, or null.</summary>
    public CorrectionsPolicy? Corrections { get; init; }

    /// <summary>The licence of the site's text, or null when site.yml names none.</summary>
    public License? License { get; init; }

    /// <summary>The languages other than the default, in the order site.yml lists them.</summary>
    public IReadOnlyList<string> OtherLanguages => Languages.Skip(1).ToList();

    /// <summary>The path the site lives under: "/" at a domain's root, "/timeline/" under a folder.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}
