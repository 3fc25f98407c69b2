namespace Timeline.Tests.Support;

/// <summary>
/// The part of schema.org (https://schema.org) the event pages' JSON-LD may use: each type with its
/// parent, and each property with the types it is defined on ("Used on these types") and the types its values may
/// have ("Values expected to be one of these types"). Taken from the definitions on schema.org; only the types
/// relevant here are listed for each property.
/// </summary>
public static class SchemaOrgVocabulary
{
    public static readonly IReadOnlyDictionary<string, string?> Types = new Dictionary<string, string?>
    {
        ["Thing"] = null,
        ["CreativeWork"] = "Thing",
        ["WebPage"] = "CreativeWork",
        ["WebSite"] = "CreativeWork",
        ["Article"] = "CreativeWork",
        ["Event"] = "Thing",
        ["Place"] = "Thing",
        ["Person"] = "Thing",
        ["Organization"] = "Thing",
    };

    /// <summary>"Text", "URL" and "Date" stand for literal values.</summary>
    public static readonly IReadOnlyDictionary<string, (string[] Domains, string[] Ranges)> Properties = new Dictionary<string, (string[], string[])>
    {
        ["name"] = (["Thing"], ["Text"]),
        ["description"] = (["Thing"], ["Text"]),
        ["url"] = (["Thing"], ["URL"]),
        ["about"] = (["CreativeWork", "Event"], ["Thing"]),
        ["mentions"] = (["CreativeWork"], ["Thing"]),
        ["citation"] = (["CreativeWork"], ["CreativeWork", "Text"]),
        ["isPartOf"] = (["CreativeWork"], ["CreativeWork", "URL"]),
        ["inLanguage"] = (["CreativeWork", "Event"], ["Text"]),
        ["datePublished"] = (["CreativeWork"], ["Date"]),
        ["dateModified"] = (["CreativeWork"], ["Date"]),
        ["publisher"] = (["CreativeWork"], ["Organization", "Person"]),
        ["startDate"] = (["Event"], ["Date"]),
        ["endDate"] = (["Event"], ["Date"]),
        ["location"] = (["Event", "Organization", "Person"], ["Place", "Text"]),
    };

    public static bool IsA(string type, string ancestor)
    {
        for (string? t = type; t is not null; t = Types.GetValueOrDefault(t))
        {
            if (t == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
