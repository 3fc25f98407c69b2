using Timeline.Tests.Support;

namespace Timeline.Tests.Site;

/// <summary>
/// Each folder of Sites/invalid is a site with a deliberate mistake and an expected.txt holding the exact
/// lines the build must report. Nothing may be written for any of them.
/// </summary>
public sealed class InvalidSitesTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(Repository.Sites, "invalid");
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "expected.txt")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_exactly_the_expected_errors_and_writes_nothing(string name)
    {
        var folder = TestSite.NewFolder();
        TestSite.CopyFolder(Path.Combine(Repository.Sites, "invalid", name), folder);
        using var site = TestSite.BuildIn(folder);
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0);

        Assert.Equal(expected, site.Errors);
        Assert.False(site.Result.Succeeded);
        Assert.False(Directory.Exists(site.Output), "Nothing may be written when the input has errors.");
    }

    [Fact]
    public void There_are_at_least_25_invalid_sites() =>
        Assert.True(Cases().Count >= 25, $"Only {Cases().Count} invalid fixture sites.");
}
