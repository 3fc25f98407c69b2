using Fluid;
using Timeline.Publishing.Reuse;

namespace Timeline.Views;

/// <summary>Registers the view types with Fluid: templates can read these and nothing else.</summary>
internal static class ViewTypes
{
    public static void Register(MemberAccessStrategy strategy)
    {
        strategy.Register<SiteView>();
        strategy.Register<PageMeta>();
        strategy.Register<LinkView>();
        strategy.Register<AlternateView>();
        strategy.Register<YearLinkView>();
        strategy.Register<DateView>();
        strategy.Register<DateMarkupView>();
        strategy.Register<NoteMarkerView>();
        strategy.Register<EventSummaryView>();
        strategy.Register<EventView>();
        strategy.Register<CitationView>();
        strategy.Register<StyledCitation>();
        strategy.Register<EntryDatesView>();
        strategy.Register<CorrectionView>();
        strategy.Register<ChangeView>();
        strategy.Register<NoteView>();
        strategy.Register<BackrefView>();
        strategy.Register<SourceView>();
        strategy.Register<NotePartView>();
        strategy.Register<SourcePageView>();
        strategy.Register<CitingView>();
        strategy.Register<CitationUseView>();
        strategy.Register<EventListView>();
        strategy.Register<YearSectionView>();
        strategy.Register<EraSectionView>();
        strategy.Register<MonthGroupView>();
        strategy.Register<OverviewView>();
        strategy.Register<TagView>();
        strategy.Register<EntityView>();
        strategy.Register<EntityIndexView>();
        strategy.Register<EntityLinkView>();
        strategy.Register<PageView>();
        strategy.Register<SearchView>();
        strategy.Register<ImageView>();
        strategy.Register<ShareView>();
    }
}
