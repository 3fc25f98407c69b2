using Timeline.Diagnostics;

namespace Timeline.Yaml;

/// <summary>A node of a parsed YAML file with the place it starts; our own small tree, without anchors or tags.</summary>
public abstract record YamlNode(SourcePosition Position)
{
    /// <summary>How the node is described in messages: "a text", "a list", "a set of fields".</summary>
    public abstract string Describe();
}

/// <summary>How a scalar was written; it decides where its text starts and whether its lines are the file's lines.</summary>
public enum ScalarStyle
{
    Plain,
    Quoted,
    Literal,
    Folded,
}

/// <summary>A scalar, with how it was written.</summary>
public sealed record YamlScalar(string Value, bool IsNull, ScalarStyle Style, SourcePosition Position) : YamlNode(Position)
{
    public override string Describe() => IsNull ? "empty" : $"the text '{(Value.Length > 40 ? Value[..37] + "..." : Value)}'";
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, SourcePosition Position) : YamlNode(Position)
{
    public override string Describe() => "a list";
}

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, SourcePosition Position) : YamlNode(Position)
{
    public override string Describe() => "a set of fields";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);
