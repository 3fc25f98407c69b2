namespace Timeline.Model;

/// <summary>The validated settings of site.yml.</summary>
public sealed record SiteSettings(string Title, string Description, Uri BaseUrl, string Language)
{
    /// <summary>The path the site lives under: "/" at a domain's root, "/timeline/" under a folder.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}
