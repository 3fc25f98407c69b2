using System.Globalization;
using System.Text;

namespace Timeline.Dates;

/// <summary>The digits a language writes numbers in; addresses and ids keep ASCII digits whatever the language.</summary>
internal enum Numerals
{
    /// <summary>0–9.</summary>
    Latin,

    /// <summary>۰–۹ (Extended Arabic-Indic), as Persian writes them.</summary>
    Persian,

    /// <summary>٠–٩ (Arabic-Indic), as Arabic writes them.</summary>
    ArabicIndic,
}

internal static class NumeralWriter
{
    public static string Write(this Numerals numerals, int number) => numerals.Write(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The text with every ASCII digit written in these numerals; every other character is kept.</summary>
    public static string Write(this Numerals numerals, string text)
    {
        if (numerals == Numerals.Latin)
        {
            return text;
        }

        var zero = numerals == Numerals.Persian ? '۰' : '٠';
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c);
        }

        return builder.ToString();
    }
}
