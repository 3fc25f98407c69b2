using System.Runtime.CompilerServices;

namespace Timeline.Model;

/// <summary>
/// What a record or a rendered text was made from, hashed, where a build's caches know it: an event file's parse (its
/// text, paths, languages and dates from git) or a text's rendering (see Resolving's RenderedDocumentCache). Keys of
/// pages made from a record (see Rendering's PageInputs) then hash the digest instead of all of the record. Kept beside
/// the objects, not in them: a copy made with `with` (a record in another language) is a new object, and has none.
/// </summary>
internal static class Digests
{
    private static readonly ConditionalWeakTable<object, byte[]> Known = [];

    /// <summary>Notes <paramref name="digest"/> for <paramref name="value"/>, and returns the value.</summary>
    public static T Remember<T>(T value, byte[] digest)
        where T : class
    {
        Known.AddOrUpdate(value, digest);
        return value;
    }

    /// <summary>The digest noted for this very object, or null.</summary>
    public static byte[]? Of(object value) => Known.TryGetValue(value, out var digest) ? digest : null;
}
