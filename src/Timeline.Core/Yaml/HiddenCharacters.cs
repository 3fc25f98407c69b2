namespace Timeline.Yaml;

/// <summary>
/// Characters that change or hide what a text says without being seen: direction embeddings, overrides and
/// isolates, zero-width spaces, controls. The zero-width non-joiner and joiner (U+200C, U+200D) and the
/// direction marks stay allowed: Persian spelling needs the non-joiner (می‌شود), and a mark reorders nothing.
/// Records may not hold them; `timeline import` leaves them out of what it writes.
/// </summary>
public static class HiddenCharacters
{
    public static bool IsHidden(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\u2060' or '\uFEFF'
        || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
}
