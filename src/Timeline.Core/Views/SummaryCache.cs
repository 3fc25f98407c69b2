using System.Runtime.CompilerServices;
using Timeline.Languages;
using Timeline.Model;

namespace Timeline.Views;

/// <summary>
/// Event summaries kept between the rebuilds of `timeline serve`: an edit leaves every other event's resolved record
/// the very same object (see Resolving/ResolveCache.cs), so its summary (dates in two calendars) is made once, not
/// after every edit. Kept per language, and dropped when what a summary is made from besides the event changes.
/// </summary>
internal sealed class SummaryCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Key Key, ConditionalWeakTable<ResolvedEvent, EventSummaryView> Summaries)> _languages = new(StringComparer.Ordinal);

    /// <summary>The summaries kept for a language's pages; entries go with their events.</summary>
    internal ConditionalWeakTable<ResolvedEvent, EventSummaryView> For(PageLanguage language)
    {
        // A summary reads the language's addresses and strings (the theme's, replaced when it is read again) and its fallback marks.
        var key = new Key(language.Urls.Index, language.DefaultCode, language.Strings);
        lock (_lock)
        {
            if (!_languages.TryGetValue(language.Code, out var kept) || kept.Key != key)
            {
                _languages[language.Code] = kept = (key, new ConditionalWeakTable<ResolvedEvent, EventSummaryView>());
            }

            return kept.Summaries;
        }
    }

    private readonly record struct Key(string BasePath, string DefaultLanguage, IReadOnlyDictionary<string, string> Strings);
}
