using Timeline.Diagnostics;

namespace Timeline.Yaml;

/// <summary>A list of scalars with the place the list starts.</summary>
internal sealed record ScalarList(IReadOnlyList<YamlScalar> Items, SourcePosition Position);

/// <summary>
/// The fields a raw record may have and how each is stored. Reading a mapping through a shape reports
/// unknown fields (with "did you mean"), repeated fields and values of the wrong kind, all at once.
/// </summary>
internal sealed class RecordShape<T>
    where T : new()
{
    private readonly Dictionary<string, Func<T, YamlNode, FieldContext, bool>> _fields = new(StringComparer.Ordinal);

    public IEnumerable<string> FieldNames => _fields.Keys;

    public RecordShape<T> Text(string name, Action<T, YamlScalar> set)
    {
        _fields.Add(name, (record, node, context) =>
        {
            if (node is YamlScalar scalar)
            {
                // Ids have their own, stricter check with a message of its own.
                if (!scalar.IsNull && name != "id")
                {
                    ReportInvisible(name, scalar, context);
                }

                if (!scalar.IsNull)
                {
                    set(record, scalar);
                }

                return true;
            }

            context.Diagnostics.Error(context.Path, node.Position, ErrorMessages.ExpectedText(name, node.Describe()));
            return false;
        });
        return this;
    }

    public RecordShape<T> List(string name, Action<T, ScalarList> set)
    {
        _fields.Add(name, (record, node, context) =>
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    return true;
                case YamlSequence sequence:
                    var items = new List<YamlScalar>();
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar { IsNull: false } scalar)
                        {
                            items.Add(scalar);
                        }
                        else if (item is not YamlScalar)
                        {
                            context.Diagnostics.Error(context.Path, item.Position, ErrorMessages.ExpectedText($"{name} item", item.Describe()));
                        }
                    }

                    set(record, new ScalarList(items, sequence.Position));
                    return true;
                default:
                    context.Diagnostics.Error(context.Path, node.Position, ErrorMessages.ExpectedList(name, node.Describe()));
                    return false;
            }
        });
        return this;
    }

    /// <summary>A list of records under one field, such as 'corrections'; its caller reads each item with a shape of its own.</summary>
    public RecordShape<T> Sequence(string name, Action<T, YamlSequence> set)
    {
        _fields.Add(name, (record, node, context) =>
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    return true;
                case YamlSequence sequence:
                    set(record, sequence);
                    return true;
                default:
                    context.Diagnostics.Error(context.Path, node.Position, ErrorMessages.ExpectedList(name, node.Describe()));
                    return false;
            }
        });
        return this;
    }

    /// <summary>A set of fields nested under one field, such as 'translations'; its caller reads it with a shape of its own.</summary>
    public RecordShape<T> Mapping(string name, Action<T, YamlMapping> set)
    {
        _fields.Add(name, (record, node, context) =>
        {
            switch (node)
            {
                case YamlScalar { IsNull: true }:
                    return true;
                case YamlMapping mapping:
                    set(record, mapping);
                    return true;
                default:
                    context.Diagnostics.Error(context.Path, node.Position, ErrorMessages.ExpectedMapping($"'{name}'", node.Describe()));
                    return false;
            }
        });
        return this;
    }

    /// <summary>A text may not hold a character that changes or hides what it says (<see cref="HiddenCharacters"/>).</summary>
    private static void ReportInvisible(string field, YamlScalar scalar, FieldContext context)
    {
        var value = scalar.Value;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (HiddenCharacters.IsHidden(c))
            {
                var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
                context.Diagnostics.Error(context.Path, scalar.Position, ErrorMessages.InvisibleCharacter(field, name, i + 1));
                return;
            }
        }
    }

    /// <summary>
    /// Reads a mapping into a new raw record; problems go to the diagnostics and the field is left empty.
    /// Misspelt holds the known fields already reported (a misspelling of them, or a value of the wrong kind),
    /// so that they are not reported as missing too.
    /// </summary>
    public T Read(YamlMapping mapping, string path, DiagnosticBag diagnostics, out IReadOnlySet<string> misspelt)
    {
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        misspelt = suggested;
        var record = new T();
        var context = new FieldContext(path, diagnostics);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries.Select(e => (e.Key, e.Value)))
        {
            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                diagnostics.Error(path, key.Position, ErrorMessages.DuplicateField(key.Value, firstLine));
                continue;
            }

            seen[key.Value] = key.Position.Line;
            if (_fields.TryGetValue(key.Value, out var read))
            {
                if (!read(record, value, context))
                {
                    suggested.Add(key.Value);
                }
            }
            else
            {
                var suggestion = Suggestions.Closest(key.Value, _fields.Keys);
                if (suggestion is not null)
                {
                    suggested.Add(suggestion);
                }

                diagnostics.Error(path, key.Position, ErrorMessages.UnknownField(key.Value, suggestion, _fields.Keys));
            }
        }

        return record;
    }
}

internal sealed record FieldContext(string Path, DiagnosticBag Diagnostics);
