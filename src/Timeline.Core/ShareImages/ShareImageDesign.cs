using Timeline.Model;

namespace Timeline.ShareImages;

/// <summary>A font file of an npm package, read once: its bytes draw the text and go into the cache key.</summary>
internal sealed record ShareImageFont(string Name, byte[] Bytes);

/// <summary>
/// The validated theme/share-image.yml: colours (0xRRGGBB), fonts and sizes in pixels. Source is the file's text,
/// which goes whole into the cache key so that any change to the design redraws every image.
/// </summary>
internal sealed record ShareImageDesign(
    uint Background,
    uint Text,
    uint Muted,
    uint Rule,
    ShareImageFont TitleFont,
    ShareImageFont TextFont,
    ShareImageFont PersianFont,
    int TitleSize,
    int MinTitleSize,
    int DateSize,
    int SiteSize,
    string Source);
