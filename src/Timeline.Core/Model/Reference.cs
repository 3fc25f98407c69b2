using Timeline.Diagnostics;

namespace Timeline.Model;

/// <summary>Where a record or a value was written: the file as messages show it, and the line and column.</summary>
public sealed record Origin(string Path, SourcePosition Position)
{
    public override string ToString() => Position.Line > 0 ? $"{Path}:{Position.Line}" : Path;
}

/// <summary>An id written in a record, with where it was written, so that an unknown one can be reported in place.</summary>
public sealed record Reference(string Id, Origin Origin);
