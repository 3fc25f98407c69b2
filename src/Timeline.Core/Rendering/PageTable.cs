namespace Timeline.Rendering;

/// <summary>
/// Every page of a site in every language's tree, listed for a build or found one by path for `timeline serve`.
/// Making the table makes no page: after an edit serve only asks for the pages a browser wants.
/// </summary>
internal sealed class PageTable
{
    private readonly IReadOnlyList<(string Folder, SiteRenderer.LanguagePages Pages)> _trees;

    internal PageTable(IReadOnlyList<(string Folder, SiteRenderer.LanguagePages Pages)> trees, PageInputs? inputs = null)
    {
        _trees = trees;
        Inputs = inputs;
    }

    /// <summary>What keys pages and parts by the records they show, in a build with a page cache.</summary>
    internal PageInputs? Inputs { get; }

    /// <summary>
    /// Every page, tree by tree in the site's order of languages. An event's four files are made when the list is read
    /// at their place, on the thread that renders them: listing 40,000 of them up front held up a build on one core.
    /// </summary>
    public IReadOnlyList<PageJob> All() => new Listed(_trees.SelectMany(t => t.Pages.Parts(t.Folder)).ToList());

    /// <summary>Pages listed in parts, each part a number of pages and how to make the one at a place in it.</summary>
    private sealed class Listed(IReadOnlyList<(int Count, Func<int, PageJob> At)> parts) : IReadOnlyList<PageJob>
    {
        public int Count { get; } = parts.Sum(p => p.Count);

        public PageJob this[int index]
        {
            get
            {
                foreach (var (count, at) in parts)
                {
                    if (index < count)
                    {
                        return at(index);
                    }

                    index -= count;
                }

                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }

        public IEnumerator<PageJob> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The page at a path such as "events/x/index.html" or "fa/index.html", or null when the site has none.</summary>
    public PageJob? Find(string path)
    {
        // Later trees first: in the list of every page, a later page with the same path is the one that counts.
        for (var i = _trees.Count - 1; i >= 0; i--)
        {
            var (folder, pages) = _trees[i];
            if (path.StartsWith(folder, StringComparison.Ordinal) && pages.Find(path[folder.Length..]) is { } job)
            {
                return folder.Length == 0 ? job : job with { Path = path };
            }
        }

        return null;
    }
}
