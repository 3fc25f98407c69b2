namespace Timeline.Dates;

/// <summary>Persian digits (۰–۹) for numbers shown on Persian pages; addresses and ids keep ASCII digits.</summary>
internal static class PersianDigits
{
    public static string Write(int number) => Numerals.Persian.Write(number);

    /// <summary>The text with every ASCII digit replaced by its Persian form; every other character is kept.</summary>
    public static string Write(string text) => Numerals.Persian.Write(text);
}
