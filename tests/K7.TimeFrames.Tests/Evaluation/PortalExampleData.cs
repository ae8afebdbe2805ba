using K7.TimeFrames.Sample;

namespace K7.TimeFrames.Tests.Evaluation;

/// <summary>The sample's portal examples (samples/K7.TimeFrames.Sample/PortalExamples.cs, compiled into this project) as theory data.</summary>
internal static class PortalExampleData
{
    public static TheoryData<string> Names() => [.. PortalExamples.All.Select(e => e.Name)];

    public static TimeFrame ByName(string name) => PortalExamples.All.Single(e => e.Name == name).Create();
}
