using System.Text.Json;
using System.Text.Json.Serialization;
using static K7.Routing.Tests.Serialization.AnsweringRulesJsonExamples;

namespace K7.Routing.Tests.Serialization;

public sealed class AnsweringRuleSetJsonConverterTests
{
    private static readonly JsonSerializerOptions HostOptions = new() { Converters = { new AnsweringRuleSetJsonConverter() } };

    private static readonly JsonSerializerOptions SnakeCaseIndentedOptions = new(HostOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private static readonly JsonSerializerOptions LondonOptions = new() { Converters = { new AnsweringRuleSetJsonConverter(new PhoneNumberCanonicalizer("GB")) } };

    [Fact]
    public void Converter_RuleSetsInsideHostDocument_RoundTrip()
    {
        var dto = new HostDocument { Id = 7, Rules = Ellen(), Others = [AnsweringRuleSet.CreateDefault("203")] };

        var json = JsonSerializer.Serialize(dto, HostOptions);
        var read = JsonSerializer.Deserialize<HostDocument>(json, HostOptions)!;

        Assert.StartsWith("{\"Id\":7,\"Rules\":{\"user\":\"202\",\"ringTimeoutSeconds\":30,", json, StringComparison.Ordinal);
        Assert.Equal(dto.Rules, read.Rules);
        Assert.Equal(dto.Others, read.Others);
        Assert.Null(JsonSerializer.Deserialize<HostDocument>("{\"Id\":1,\"Rules\":null}", HostOptions)!.Rules);
    }

    [Fact]
    public void Converter_HostNamingPolicyAndIndentation_DoNotChangeTheFormat()
    {
        var options = SnakeCaseIndentedOptions;

        var json = JsonSerializer.Serialize(new HostDocument { Rules = Ellen() }, options);

        Assert.Contains("\"ringTimeoutSeconds\": 30", json, StringComparison.Ordinal);
        Assert.Equal(Ellen(), JsonSerializer.Deserialize<HostDocument>(json, options)!.Rules);
    }

    [Fact]
    public void Converter_OnProperty_ReadsNumbersWithTheDefaultRegion()
    {
        var read = JsonSerializer.Deserialize<AttributedDocument>("{\"Rules\":{\"user\":\"202\",\"block\":[{\"number\":\"555-123-1111\"}]}}")!;

        Assert.Equal("+15551231111", Assert.Single(read.Rules!.BlockList).Number.ToString());
    }

    [Fact]
    public void Converter_WithCanonicalizer_ReadsNationalNumbersOfItsRegion()
    {
        var options = LondonOptions;

        var read = JsonSerializer.Deserialize<HostDocument>("{\"Rules\":{\"user\":\"202\",\"allow\":[{\"number\":\"020 7946 0958\"}]}}", options)!;

        Assert.Equal("+442079460958", Assert.Single(read.Rules!.AllowList).Number.ToString());
    }

    [Fact]
    public void Converter_InvalidRuleSet_ThrowsJsonExceptionWithFormatExceptionInside()
    {
        var json = "{\"Id\":1,\n\"Rules\":{\"user\":\"202\",\"rules\":[{\"timeFrame\":\"Lunch\",\"forwarding\":{\"whenBusy\":{\"kind\":\"user\",\"value\":\"207\"}},\"ring\":{\"mode\":\"simultaneous\"}}]}}";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HostDocument>(json, HostOptions));

        var inner = Assert.IsType<RoutingFormatException>(error.InnerException);
        Assert.Equal("$.rules[0].forwarding.whenBusy", inner.Field);
        Assert.Null(inner.Line);
        Assert.IsType<RoutingValidationException>(inner.InnerException);
        Assert.StartsWith("Invalid answering rules: $.rules[0].forwarding.whenBusy: The answering rules are not valid: \"When busy\"", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("$.Rules", error.Path, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Converter_MalformedValue_ThrowsJsonException()
    {
        var json = "{\"Rules\":{\"user\":\"202\",\"voicemail\":\"yes\"}}";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HostDocument>(json, HostOptions));

        Assert.Equal("$.voicemail", Assert.IsType<RoutingFormatException>(error.InnerException).Field);
        Assert.Contains("Expected true or false, found a string.", error.Message, StringComparison.Ordinal);
    }

    private sealed class HostDocument
    {
        public int Id { get; set; }

        public AnsweringRuleSet? Rules { get; set; }

        public List<AnsweringRuleSet>? Others { get; set; }
    }

    private sealed class AttributedDocument
    {
        [JsonConverter(typeof(AnsweringRuleSetJsonConverter))]
        public AnsweringRuleSet? Rules { get; set; }
    }
}
