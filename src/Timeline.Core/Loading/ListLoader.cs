using Timeline.Diagnostics;
using Timeline.Input;
using Timeline.Yaml;

namespace Timeline.Loading;

/// <summary>Reads a file that holds a list of records (sources, entities, eras) into its mappings.</summary>
internal static class ListLoader
{
    public static IReadOnlyList<YamlMapping> Items(InputFile file, DiagnosticBag diagnostics, string name, string emptyFix)
    {
        if (YamlTreeReader.Read(file.Text, file.DisplayPath, diagnostics, emptyFix) is not { } root)
        {
            return [];
        }

        if (root is not YamlSequence sequence)
        {
            diagnostics.Error(file.DisplayPath, root.Position, ErrorMessages.ExpectedListOfRecords(name, root.Describe()));
            return [];
        }

        var items = new List<YamlMapping>();
        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping)
            {
                items.Add(mapping);
            }
            else
            {
                diagnostics.Error(file.DisplayPath, item.Position, ErrorMessages.ExpectedMapping($"each item of {name}", item.Describe()));
            }
        }

        return items;
    }
}
