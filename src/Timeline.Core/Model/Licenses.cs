namespace Timeline.Model;

/// <summary>
/// The licences site.yml's 'license' may name, by SPDX id (https://spdx.org/licenses/): the Creative Commons 4.0 family
/// and CC0, the licences written for texts. Code licences are left out: a site's text is not code. One table, so the
/// name and address of a licence are written once.
/// </summary>
internal static class Licenses
{
    public static readonly IReadOnlyList<License> Known =
    [
        new("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
        new("CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International", "https://creativecommons.org/licenses/by-sa/4.0/"),
        new("CC-BY-NC-4.0", "Creative Commons Attribution-NonCommercial 4.0 International", "https://creativecommons.org/licenses/by-nc/4.0/"),
        new("CC-BY-NC-SA-4.0", "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
        new("CC-BY-ND-4.0", "Creative Commons Attribution-NoDerivatives 4.0 International", "https://creativecommons.org/licenses/by-nd/4.0/"),
        new("CC-BY-NC-ND-4.0", "Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
        new("CC0-1.0", "Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ];

    /// <summary>The licence with this SPDX id (ids are matched exactly, as SPDX writes them), or null.</summary>
    public static License? Find(string id) => Known.FirstOrDefault(l => l.Id == id);
}
