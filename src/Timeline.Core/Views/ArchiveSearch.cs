namespace Timeline.Views;

/// <summary>
/// Where a reader can look for archived copies of an address: the Wayback Machine's list of its captures,
/// https://web.archive.org/web/*/ followed by the address as it is written (its query included: the Wayback Machine
/// reads everything after "*/" as the address; Wikipedia's "Using the Wayback Machine" gives the same form). Only the
/// fragment is left out: a browser would keep it from the Wayback Machine, and captures have none. The template's
/// escaping makes it safe in an attribute (&amp; for &amp;). Nothing here says that a copy exists.
/// </summary>
internal static class ArchiveSearch
{
    public const string Prefix = "https://web.archive.org/web/*/";

    public static string For(string url)
    {
        var hash = url.IndexOf('#');
        return Prefix + (hash < 0 ? url : url[..hash]);
    }
}
