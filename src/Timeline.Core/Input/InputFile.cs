namespace Timeline.Input;

/// <summary>One file of the input folder, read as text. DisplayPath is what error messages show.</summary>
public sealed record InputFile(string FullPath, string DisplayPath, string Text);
