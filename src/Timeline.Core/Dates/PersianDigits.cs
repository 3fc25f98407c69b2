using System.Globalization;
using System.Text;

namespace Timeline.Dates;

/// <summary>Persian digits (۰–۹) for numbers shown on Persian pages; addresses and ids keep ASCII digits.</summary>
internal static class PersianDigits
{
    public static string Write(int number) => Write(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The text with every ASCII digit replaced by its Persian form; every other character is kept.</summary>
    public static string Write(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c);
        }

        return builder.ToString();
    }

    /// <summary>Digits as a language writes them: Persian digits for fa, ASCII for every other language.</summary>
    public static string For(string language, string text) => language == "fa" ? Write(text) : text;

    public static string For(string language, int number) => For(language, number.ToString(CultureInfo.InvariantCulture));
}
