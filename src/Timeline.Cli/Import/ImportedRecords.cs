using System.Text;
using Timeline.Cli.New;

namespace Timeline.Cli.Import;

/// <summary>The YAML text of what an import writes: one event file, and the items it adds to sources.yml and eras.yml.</summary>
internal static class ImportedRecords
{
    public static string Event(EventDraft e, string file)
    {
        var text = new StringBuilder();
        text.Append("# Imported from TimelineJS (").Append(file).Append(", ").Append(e.From).Append("). The summary is the start of the slide's text: check it.\n");
        text.Append("id: ").Append(e.Id).Append('\n');
        text.Append("date: \"").Append(e.Date).Append("\"\n");
        if (e.Circa)
        {
            text.Append("circa: true\n");
        }

        if (e.End is { } end)
        {
            text.Append("end: \"").Append(end).Append("\"\n");
        }

        text.Append("title: ").Append(RecordScaffold.Quote(e.Title)).Append('\n');
        text.Append("summary: ").Append(RecordScaffold.Quote(e.Summary)).Append('\n');
        if (e.Tags.Count > 0)
        {
            text.Append("tags: [").AppendJoin(", ", e.Tags).Append("]\n");
        }

        text.Append("sources: [").AppendJoin(", ", e.Sources).Append("]\n");
        if (e.Body.Length > 0)
        {
            // A literal block: the Markdown as it is, each line indented.
            text.Append("body: |\n");
            foreach (var line in e.Body.Split('\n'))
            {
                text.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Source(SourceDraft s, string file) =>
        $"\n# Imported from TimelineJS ({file}): a slide's media.\n- id: {s.Id}\n  title: {RecordScaffold.Quote(s.Title)}\n  publisher: {RecordScaffold.Quote(s.Publisher)}\n  kind: {s.Kind}\n"
        + (s.Url is null ? "" : $"  url: {RecordScaffold.Quote(s.Url)}\n");

    public static string Era(EraDraft e, string file) =>
        $"\n# Imported from TimelineJS ({file}).\n- id: {e.Id}\n  title: {RecordScaffold.Quote(e.Title)}\n  start: \"{e.Start}\"\n  end: \"{e.End}\"\n"
        + (e.Summary is null ? "" : $"  summary: {RecordScaffold.Quote(e.Summary)}\n");
}
