namespace Timeline.Loading;

/// <summary>How long the loader lets a one-line text and a summary be, for the commands that write records.</summary>
public static class TextLimits
{
    /// <summary>A title, a name or a publisher, in characters.</summary>
    public const int Line = 300;

    /// <summary>An event's summary, in characters.</summary>
    public const int Summary = 300;
}
