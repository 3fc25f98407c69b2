using System.Text.Json.Serialization;
using Timeline.Publishing.Reuse;
using Timeline.Views;

namespace Timeline.Theme;

/// <summary>
/// How the <c>json</c> filter (<see cref="JsonFilter"/>) writes the views a template can read (those of
/// <see cref="ViewTypes"/>): with metadata made when the generator is compiled, as Fluid's own filter wrote them by
/// reflection (every public property, by its C# name).
/// </summary>
[JsonSourceGenerationOptions(MaxDepth = 256)]
[JsonSerializable(typeof(SiteView))]
[JsonSerializable(typeof(PageMeta))]
[JsonSerializable(typeof(LinkView))]
[JsonSerializable(typeof(AlternateView))]
[JsonSerializable(typeof(YearLinkView))]
[JsonSerializable(typeof(DateView))]
[JsonSerializable(typeof(DateMarkupView))]
[JsonSerializable(typeof(NoteMarkerView))]
[JsonSerializable(typeof(EventSummaryView))]
[JsonSerializable(typeof(EventView))]
[JsonSerializable(typeof(CitationView))]
[JsonSerializable(typeof(StyledCitation))]
[JsonSerializable(typeof(EntryDatesView))]
[JsonSerializable(typeof(CorrectionView))]
[JsonSerializable(typeof(ChangeView))]
[JsonSerializable(typeof(NoteView))]
[JsonSerializable(typeof(BackrefView))]
[JsonSerializable(typeof(SourceView))]
[JsonSerializable(typeof(NotePartView))]
[JsonSerializable(typeof(SourcePageView))]
[JsonSerializable(typeof(CitingView))]
[JsonSerializable(typeof(CitationUseView))]
[JsonSerializable(typeof(EventListView))]
[JsonSerializable(typeof(YearSectionView))]
[JsonSerializable(typeof(EraSectionView))]
[JsonSerializable(typeof(MonthGroupView))]
[JsonSerializable(typeof(OverviewView))]
[JsonSerializable(typeof(TagView))]
[JsonSerializable(typeof(EntityView))]
[JsonSerializable(typeof(EntityIndexView))]
[JsonSerializable(typeof(EntityLinkView))]
[JsonSerializable(typeof(PageView))]
[JsonSerializable(typeof(SearchView))]
[JsonSerializable(typeof(ImageView))]
[JsonSerializable(typeof(ShareView))]
internal sealed partial class ThemeJson : JsonSerializerContext;
