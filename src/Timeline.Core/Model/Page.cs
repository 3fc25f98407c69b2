namespace Timeline.Model;

/// <summary>A plain page such as about or methodology.</summary>
public sealed record Page(string Id, string Title, string? Summary, MarkdownText Body, Origin Origin);
