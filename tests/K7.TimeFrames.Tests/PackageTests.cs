using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace K7.TimeFrames.Tests;

/// <summary>Every package's version (its csproj VersionPrefix) matches the newest version heading of its CHANGELOG.</summary>
public sealed partial class PackageTests
{
    public static TheoryData<string> Packages()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src")))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void VersionPrefix_MatchesNewestChangelogHeading(string package)
    {
        var dir = Path.Combine(RepositoryRoot(), "src", package);
        var project = XDocument.Load(Path.Combine(dir, package + ".csproj"));
        var version = project.Descendants("VersionPrefix").Single().Value.Trim();
        var changelog = File.ReadAllLines(Path.Combine(dir, "CHANGELOG.md"));

        Assert.Contains("## Unreleased", changelog);
        var newest = changelog.Select(l => VersionHeading().Match(l)).First(m => m.Success).Groups[1].Value;
        Assert.Equal(version, newest);
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasReadmeAndPublicApiFiles(string package)
    {
        var dir = Path.Combine(RepositoryRoot(), "src", package);
        Assert.True(File.Exists(Path.Combine(dir, "README.md")));
        Assert.True(File.Exists(Path.Combine(dir, "PublicAPI.Shipped.txt")));
        Assert.True(File.Exists(Path.Combine(dir, "PublicAPI.Unshipped.txt")));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K7.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("K7.Sdk.sln not found above the test directory.");
    }

    [GeneratedRegex(@"^## (\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\b")]
    private static partial Regex VersionHeading();
}
