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

    /// <summary>Every page, tree by tree in the site's order of languages.</summary>
    public IReadOnlyList<PageJob> All()
    {
        var jobs = new List<PageJob>();
        foreach (var (folder, pages) in _trees)
        {
            foreach (var job in pages.All())
            {
                jobs.Add(folder.Length == 0 ? job : job with { Path = folder + job.Path });
            }
        }

        return jobs;
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
