using System.Text.Json;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class MessagesOpenApiTests
{
    [Theory]
    [InlineData("Messages", 22)]
    [InlineData("Music on Hold", 14)]
    public async Task EveryOperationOfThePage_IsTaggedAndSummarized(string tag, int operations)
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        var document = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var tagged = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Value.ValueKind == JsonValueKind.Object && op.Value.TryGetProperty("tags", out _)))
            .Where(op => op.Value.GetProperty("tags").EnumerateArray().Any(t => t.GetString() == tag))
            .ToList();
        Assert.Equal(operations, tagged.Count);
        Assert.All(tagged, op => Assert.False(string.IsNullOrWhiteSpace(op.Value.GetProperty("summary").GetString())));
    }
}
