using System.Globalization;
using System.Text;

namespace Timeline.Loading;

/// <summary>
/// Ids become folder names and addresses, so they are kept to lowercase letters, digits and single hyphens:
/// nothing that could climb out of the output folder, hide a character or differ only in case.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 100;

    /// <summary>Why the id is not allowed, or null when it is fine.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0)
        {
            return "is empty";
        }

        if (id.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (id.Contains("..", StringComparison.Ordinal))
        {
            return "contains '..'";
        }

        if (id.IndexOfAny(['/', '\\']) >= 0)
        {
            return "contains a slash";
        }

        if (id.Any(char.IsWhiteSpace))
        {
            return "contains a space";
        }

        if (id.Any(IsInvisible))
        {
            return "contains an invisible or text-direction character";
        }

        if (id.Any(char.IsUpper))
        {
            return "contains upper-case letters";
        }

        if (!id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            return "contains characters other than a-z, 0-9 and '-'";
        }

        if (id.StartsWith('-') || id.EndsWith('-') || id.Contains("--", StringComparison.Ordinal))
        {
            return "starts or ends with a hyphen, or has two in a row";
        }

        return null;
    }

    /// <summary>Writes an id for a message so that invisible characters show as \uXXXX.</summary>
    public static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsInvisible(c) || char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || c is '\u00A0' or '\u2028' or '\u2029' or '\u3164' or '\uFEFF';
}
