namespace Timeline.Model;

/// <summary>
/// What a record or a rendered text was made from, hashed, where a build's caches know it: an event file's parse (its
/// text, paths, languages and dates from git) or a text's rendering (see Resolving's RenderedDocumentCache). Keys of
/// pages made from a record (see Rendering's PageInputs) then hash the digest instead of all of the record. Noted in
/// the object with the object it is for: a copy made with `with` (a record in another language) carries the note but
/// is not its object, and has none.
/// </summary>
/// <remarks>
/// Not a ConditionalWeakTable beside the objects, as it was: every collection scans such a table's handles, and at
/// 100,000 events its 200,000 handles took about 1.5% of a build's processor time, growing with events times collections.
/// </remarks>
internal static class Digests
{
    /// <summary>Notes <paramref name="digest"/> for <paramref name="value"/>, and returns the value.</summary>
    public static T Remember<T>(T value, byte[] digest)
        where T : class, IDigested
    {
        value.Digest = new DigestNote(value, digest);
        return value;
    }

    /// <summary>
    /// Notes for <paramref name="copy"/> the digest noted for <paramref name="original"/>, if any, and returns the copy:
    /// for a copy that makes the same pages as its original.
    /// </summary>
    public static T Carry<T>(T original, T copy)
        where T : class, IDigested =>
        Of(original) is { } digest ? Remember(copy, digest) : copy;

    /// <summary>The digest noted for this very object, or null.</summary>
    public static byte[]? Of(IDigested value) => ReferenceEquals(value.Digest.Of, value) ? value.Digest.Value : null;
}

/// <summary>An object that can have its digest noted in it (see <see cref="Digests"/>).</summary>
internal interface IDigested
{
    DigestNote Digest { get; set; }
}

/// <summary>
/// A digest and the object it was noted for. Not part of what a record is: two records equal in every value are
/// equal whether or not either has a digest noted, so every note equals every other.
/// </summary>
internal sealed class DigestNote(object? of, byte[]? value) : IEquatable<DigestNote>
{
    /// <summary>No digest: what a record holds until one is noted (never null, so that equality need not ask).</summary>
    public static readonly DigestNote None = new(null, null);

    public object? Of { get; } = of;

    public byte[]? Value { get; } = value;

    public bool Equals(DigestNote? other) => other is not null;

    public override bool Equals(object? obj) => obj is DigestNote;

    public override int GetHashCode() => 0;
}
