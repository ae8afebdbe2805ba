using K7.Sip.Authentication;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace K7.Sip.Tests.Server;

/// <summary>The <c>K7.Sip</c> meter's counters, read from one server's meter only.</summary>
public sealed class SipServerMetricsTests
{
    [Fact]
    public async Task ParseError_MalformedRequest_CountedWithErrorKind()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var parseErrors = harness.Collect("k7.sip.parse_errors");
        using var phone = harness.CreatePhone();

        await phone.SendAsync(SipServerConformanceTests.Torture("badinv01", phone));
        await phone.ReceiveBytesAsync(); // the 400 leaves after the count

        var measurement = Assert.Single(parseErrors.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal(nameof(SipParseErrorKind.BadHeaderValue), measurement.Tags["error"]);
    }

    [Fact]
    public async Task Registration_ByOutcome_CountedWithStatusCode()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var registrations = harness.Collect("k7.sip.registrations");
        using var messages = harness.Collect("k7.sip.messages.received");
        using var phone = harness.CreatePhone();

        var (tooBrief, _) = await phone.RegisterAsync(phone.Register("202wp") with { Expires = 30 });
        var (ok, _) = await phone.RegisterAsync(phone.Register("202wp"), DigestAlgorithm.Md5);

        Assert.Equal(423, tooBrief.StatusCode);
        Assert.Equal(200, ok.StatusCode);
        var byStatus = registrations.GetMeasurementSnapshot().Select(m => (m.Value, Status: m.Tags["status_code"])).ToList();
        Assert.Equal([(1L, (object?)423), (1L, 200)], byStatus);
        Assert.Equal(4, messages.GetMeasurementSnapshot().ContainsTags("kind").EvaluateAsCounter()); // two 401 rounds: four requests, no challenge counted
        Assert.All(messages.GetMeasurementSnapshot(), m => Assert.Equal("request", m.Tags["kind"]));
    }
}
