using System.Text.Json;
using System.Text.Json.Serialization;

namespace K7.Routing;

/// <summary>Reads and writes <see cref="AnsweringRuleSet"/> values inside a host's own JSON documents, in the format of
/// <see cref="AnsweringRulesJson"/> (docs/routing-json.md).</summary>
/// <remarks>
/// <para>Add it to <see cref="JsonSerializerOptions.Converters"/> (for ASP.NET Core, in <c>JsonOptions</c>), or put
/// <c>[JsonConverter(typeof(AnsweringRuleSetJsonConverter))]</c> on a property. The format is fixed: the options' naming
/// policy and number handling do not change it; indentation and escaping follow the host's writer, and comments
/// are skipped when the host's reader allows them. <see langword="null"/> is read and written by the serializer as
/// usual.</para>
/// <para>A malformed or invalid rule set throws <see cref="JsonException"/>, as converters do, with the
/// <see cref="RoutingFormatException"/> as its inner exception; that exception's path is relative to the rule set
/// (<c>$.rules[0].forwarding.whenBusy</c>), while the serializer sets the <see cref="JsonException"/>'s own path and
/// line in the host's document.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class AnsweringRuleSetJsonConverter : JsonConverter<AnsweringRuleSet>
{
    private readonly PhoneNumberCanonicalizer _numbers;

    /// <summary>Initializes a new instance of the <see cref="AnsweringRuleSetJsonConverter"/> class that reads list
    /// numbers for the region "US".</summary>
    public AnsweringRuleSetJsonConverter()
        : this(AnsweringRulesJson.DefaultNumbers.Instance)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AnsweringRuleSetJsonConverter"/> class.</summary>
    /// <param name="numbers">Reads the numbers of the allow and block lists.</param>
    public AnsweringRuleSetJsonConverter(PhoneNumberCanonicalizer numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        _numbers = numbers;
    }

    /// <inheritdoc/>
    public override AnsweringRuleSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return RoutingJsonReader.ReadValue(ref reader, _numbers);
        }
        catch (RoutingFormatException ex)
        {
            throw new JsonException($"Invalid answering rules: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, AnsweringRuleSet value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RoutingJsonWriter.WriteRuleSet(writer, value);
    }
}
