using System.Text;
using K7.Json;

namespace K7.TimeFrames.Tests.Serialization;

public sealed class TimeFrameJsonLocationTests
{
    [Theory]
    [InlineData("days", "$.days")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("a\\b", "$['a\\\\b']")]
    [InlineData("a\\'b", "$['a\\\\\\'b']")]
    public void AppendSegment_PropertyName_IsEscapedUnambiguously(string name, string expected)
    {
        var path = new StringBuilder("$");

        JsonLocation.AppendSegment(path, name, 0);

        Assert.Equal(expected, path.ToString());
    }
}
