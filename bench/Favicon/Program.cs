namespace Timeline.Bench;

/// <summary>
/// Draws the theme's icons (favicon.svg, favicon-32.png, apple-touch-icon.png, favicon.ico) into its assets/ folder
/// from the colours of its share-image.yml. Run it when the design changes and commit the files:
/// `dotnet run --project bench/Favicon -- theme`. tests/Timeline.Tests/Theme/FaviconTests.cs checks that the committed
/// files are what it draws.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: favicon THEME-FOLDER");
            return 2;
        }

        var theme = Path.GetFullPath(args[0]);
        foreach (var (name, content) in FaviconDrawing.ForTheme(theme).Files())
        {
            var path = Path.Combine(theme, "assets", name);
            File.WriteAllBytes(path, content);
            Console.WriteLine($"{path}: {content.Length} bytes");
        }

        return 0;
    }
}
