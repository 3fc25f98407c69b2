namespace Timeline.Model;

/// <summary>Every address the site has, in one place, under the base path of base_url. Pretty URLs end in '/'.</summary>
public sealed record SiteUrls(string BasePath)
{
    public string Index => BasePath;

    public string Event(string id) => $"{BasePath}events/{id}/";

    public string Year(int year) => $"{BasePath}years/{year:D4}/";

    public string Tag(string tag) => $"{BasePath}tags/{tag}/";

    public string Tags => $"{BasePath}tags/";

    public string Sources => $"{BasePath}sources/";

    public string Source(string id) => $"{BasePath}sources/#source-{id}";

    public string Entity(EntityKind kind, string id) => $"{EntityIndex(kind)}{id}/";

    public string EntityIndex(EntityKind kind) => $"{BasePath}{EntityFolder(kind)}/";

    public string Page(string id) => $"{BasePath}{id}/";

    public string Asset(string name) => $"{BasePath}assets/{name}";

    /// <summary>An event's card for other sites to frame.</summary>
    public string Embed(string eventId) => $"{BasePath}embed/events/{eventId}/";

    /// <summary>The image social networks show for an event's page.</summary>
    public string EventShareImage(string eventId) => $"{Event(eventId)}share.png";

    /// <summary>The image social networks show for every other page.</summary>
    public string SiteShareImage => $"{BasePath}share.png";

    public static string EntityFolder(EntityKind kind) => kind switch
    {
        EntityKind.Person => "people",
        EntityKind.Organisation => "organisations",
        _ => "places",
    };
}
