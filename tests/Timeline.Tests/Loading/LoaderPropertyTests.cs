using CsCheck;
using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Loading;
using Timeline.Model;
using Timeline.Resolving;
using Timeline.Tests.Support;

namespace Timeline.Tests.Loading;

/// <summary>Whatever an author writes, the loader answers with diagnostics or a site, never an exception.</summary>
public sealed class LoaderPropertyTests
{
    private const string Site = "title: T\ndescription: D\nbase_url: https://example.org\n";
    private const string Sources = "- id: a\n  title: A\n  publisher: P\n  kind: report\n  url: https://example.org/a\n";

    private const string ValidEvent = """
        id: the-event
        date: "1988-07-19"
        circa: true
        end: "1988-08"
        title: "A title: with a colon"
        summary: >-
          A summary over
          two lines.
        tags: [one, two]
        people: [p]
        related: [other]
        sources: [a]
        body: |
          A claim [@a, p. 1; @a]. See [[other]] and [[other|words]].

          - a list [link](https://example.org) <b>raw</b>
        """;

    private static readonly string[] Fragments =
    [
        ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|", ">", "\t", "\n", "  ", "\"", "'", "#", "---\n", "...", "@", "[@", "[[", "]]",
        "1988-02-30", "javascript:x", "\u202E", "\u200B", "\uFEFF", "%", "`", "~", "null", "true", "?", ",", "\\", "\r\n",
    ];

    /// <summary>Each file parsed by its loader, then put together: what Pipeline's LoadedInput does with files on disk.</summary>
    private static TimelineContent? Load(SiteInput input, DiagnosticBag diagnostics)
    {
        var site = SiteLoader.Load(input.Site!, diagnostics, null);
        var languages = site is null ? null : new SiteLanguages(site.Language, site.OtherLanguages);
        var sources = SourceLoader.Load(input.Sources!, diagnostics, languages);
        var entities = input.Entities is null ? [] : EntityLoader.Load(input.Entities, diagnostics, languages);
        var events = input.Events.Select(e => EventLoader.Load(e, diagnostics, languages)).OfType<TimelineEvent>().ToList();
        return ContentLoader.Assemble(site, sources, entities, [], events, ContentLoader.Pages(input.Pages, languages, diagnostics), diagnostics);
    }

    /// <summary>Loads and resolves a site in memory, as the Process phase does, and returns what it reported.</summary>
    private static DiagnosticBag Process(string eventText, string sourcesText = Sources)
    {
        var diagnostics = new DiagnosticBag();
        var input = new SiteInput(
            new InputFile("/s/site.yml", "site.yml", Site),
            new InputFile("/s/sources.yml", "sources.yml", sourcesText),
            new InputFile("/s/entities.yml", "entities.yml", "- id: p\n  name: P\n  kind: person\n"),
            null,
            [new InputFile("/s/events/the-event.yml", "events/the-event.yml", eventText), new InputFile("/s/events/other.yml", "events/other.yml", "date: \"1989\"\ntitle: O\nsummary: S\nsources: [a]\n")],
            []);
        var content = Load(input, diagnostics);
        if (content is not null)
        {
            ReferenceResolver.Resolve(content, diagnostics);
        }

        Assert.True(content is not null || diagnostics.HasErrors, "No site and no error.");

        // Everything the loader reports is in a file, so each names its line and column (path:line:column).
        Assert.All(diagnostics.Sorted(), d => Assert.True(d.Position.Line > 0 && d.Position.Column > 0, d.ToString()));
        return diagnostics;
    }

    [Fact]
    public void The_unmutated_record_is_valid() =>
        Assert.Empty(Process(ValidEvent).Sorted());

    [Fact]
    public void Random_text_never_makes_the_loader_throw() =>
        Gen.String.Sample(text => { Process(text); }, iter: 2000);

    [Fact]
    public void Random_markdown_yaml_values_and_dates_never_make_the_loader_throw() =>
        Gen.Int.Sample(
            seed =>
            {
                var make = new RandomInput(new Random(seed), RandomInput.Hostility(new Random(~seed)));
                Process(make.Event(), make.Sources());
            },
            iter: 1500);

    [Fact]
    public void Mutated_records_never_make_the_loader_throw()
    {
        var mutation = Gen.Select(
            Gen.Int[0, ValidEvent.Length],
            Gen.Int[0, 12],
            Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]),
            Gen.Int[0, 2]);
        mutation.Array[1, 6].Sample(
            mutations =>
            {
                var text = ValidEvent;
                foreach (var (position, length, fragment, kind) in mutations)
                {
                    var at = Math.Min(position, text.Length);
                    var cut = Math.Min(length, text.Length - at);
                    text = kind switch
                    {
                        0 => text.Insert(at, fragment),
                        1 => text.Remove(at, cut),
                        _ => text.Remove(at, cut).Insert(at, fragment),
                    };
                }

                Process(text);
                Process(ValidEvent, Sources.Insert(Math.Min(mutations[0].Item1, Sources.Length), mutations[0].Item3));
            },
            iter: 3000);
    }
}
