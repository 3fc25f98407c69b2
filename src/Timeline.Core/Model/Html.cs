using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Timeline.Model;

/// <summary>
/// The one HTML encoder of the site, for the templates and for the little HTML made in code alike, so that a character
/// is written the same way wherever it comes from (all of Unicode as it is; only what HTML needs is escaped).
/// </summary>
internal static class Html
{
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
