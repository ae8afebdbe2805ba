using System.Text.RegularExpressions;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>The tests' copy of the portal examples is the sample's code.</summary>
public sealed partial class PortalExamplesTests
{
    [Theory]
    [MemberData(nameof(PortalExamples.Names), MemberType = typeof(PortalExamples))]
    public void Copy_EachExample_IsTheSamplesCode(string name)
    {
        var sample = Body(Read("samples", "K7.TimeFrames.Sample", "PortalExamples.cs"), name);
        var copy = Body(Read("tests", "K7.TimeFrames.Tests", "Evaluation", "PortalExamples.cs"), name);

        Assert.Equal(sample, copy);
    }

    [Fact]
    public void Names_CoverEveryExampleOfTheSample()
    {
        var sample = Read("samples", "K7.TimeFrames.Sample", "PortalExamples.cs");

        var names = Signature().Matches(sample).Select(m => m.Groups[1].Value);

        Assert.Equal(names.Order(StringComparer.Ordinal), PortalExamples.AllNames.Order(StringComparer.Ordinal));
    }

    /// <summary>The text of one example method, without comments and with white space collapsed.</summary>
    private static string Body(string source, string name)
    {
        var start = source.IndexOf($"public static TimeFrame {name}()", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No example {name}.");
        var next = NextMember().Match(source, start + 1);
        var end = next.Success ? next.Index : source.Length;
        var lines = source[start..end].Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        return Whitespace().Replace(string.Join(' ', lines), " ").Trim();
    }

    private static string Read(params string[] path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "K7.Sdk.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine([dir.FullName, .. path]));
    }

    [GeneratedRegex(@"public static TimeFrame (\w+)\(\)")]
    private static partial Regex Signature();

    [GeneratedRegex(@"\n    (?:public|private|internal|///|\[)|\n\}")]
    private static partial Regex NextMember();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
