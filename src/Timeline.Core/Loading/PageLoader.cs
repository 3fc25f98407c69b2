using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Model;
using Timeline.Records;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Reads a Markdown page with YAML front matter between two '---' lines.</summary>
internal static class PageLoader
{
    public static Page? Load(InputFile file, DiagnosticBag diagnostics)
    {
        var check = new RecordValidator(file.DisplayPath, diagnostics);
        var id = Path.GetFileNameWithoutExtension(file.FullPath);
        if (Identifiers.Problem(id) is { } problem)
        {
            check.Error(SourcePosition.WholeFile, ErrorMessages.InvalidId(Identifiers.Visible(id), problem + " (it comes from the file name; rename the file)"));
            return null;
        }

        return Read(file, diagnostics) is { } page
            ? new Page(id, page.Title, page.Summary, page.Body, new Origin(file.DisplayPath, SourcePosition.WholeFile))
            : null;
    }

    /// <summary>
    /// The page id and language of a translation's file name, about.fa.md, or null for a page's own file.
    /// Only a language tag after the last dot makes a translation; other dots stay an invalid id.
    /// </summary>
    public static (string PageId, string Language)? TranslationName(InputFile file)
    {
        var name = Path.GetFileNameWithoutExtension(file.FullPath);
        var dot = name.LastIndexOf('.');
        if (dot <= 0)
        {
            return null;
        }

        var language = name[(dot + 1)..];
        return SiteLoader.IsLanguageTag(language) ? (name[..dot], language) : null;
    }

    /// <summary>A page's translation, from its own file with the same front matter fields as the page.</summary>
    public static PageTranslation? LoadTranslation(InputFile file, string language, DiagnosticBag diagnostics) =>
        Read(file, diagnostics) is { } page
            ? new PageTranslation(language, page.Title, page.Summary, page.Body, new Origin(file.DisplayPath, SourcePosition.WholeFile))
            : null;

    private static (string Title, string? Summary, MarkdownText Body)? Read(InputFile file, DiagnosticBag diagnostics)
    {
        var check = new RecordValidator(file.DisplayPath, diagnostics);
        var text = file.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Trim().Length == 0)
        {
            check.Error(SourcePosition.WholeFile, ErrorMessages.EmptyFile("Write the page's front matter and text in it, or delete the file."));
            return null;
        }

        var lines = text.Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (lines[0].TrimEnd() != "---" || close < 0)
        {
            check.Error(new SourcePosition(1, 1), ErrorMessages.MissingFrontMatter());
            return null;
        }

        var frontMatter = string.Join('\n', lines[1..close]);
        var root = YamlTreeReader.Read(frontMatter, file.DisplayPath, diagnostics, "Write 'title: Your title' between the two '---' lines.", lineOffset: 1);
        if (root is not YamlMapping mapping)
        {
            if (root is not null)
            {
                check.Error(root.Position, ErrorMessages.ExpectedMapping("the front matter", root.Describe()));
            }

            return null;
        }

        var record = PageRecord.Shape.Read(mapping, file.DisplayPath, diagnostics, out var misspelt);
        check = new RecordValidator(file.DisplayPath, diagnostics, misspelt);
        var title = check.Line(record.Title, "title", "About this timeline", mapping.Position);
        var summary = RecordValidator.Optional(record.Summary) is { } s ? RecordValidator.Plain(s) : null;
        var body = new MarkdownText(string.Join('\n', lines[(close + 1)..]), close + 2, 0, LinesExact: true);
        return title is null ? null : (RecordValidator.Plain(title), summary, body);
    }
}
