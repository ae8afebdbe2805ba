using System.Text;
using K7.Voicemail.Storage;
using NodaTime;

namespace K7.Voicemail.Tests.Storage;

public sealed class VoicemailMetadataSerializerTests
{
    private static readonly VoicemailMessage Sample = VoicemailStoreRules.NewMessage(
        VoicemailMessageId.New(StoreTestData.Start), StoreTestData.Mailbox202, StoreTestData.Deposit(), 240_000, StoreTestData.Start) with
    {
        Folder = VoicemailFolder.Trash,
        ForwardedFrom = StoreTestData.Mailbox203,
        Duration = Duration.FromMilliseconds(30_125),
    };

    [Fact]
    public void Deserialize_Serialized_RoundTrips()
    {
        Assert.Equal(Sample, VoicemailMetadataSerializer.Deserialize(VoicemailMetadataSerializer.Serialize(Sample), "m.json"));
        var anonymous = Sample with { CallerName = null, ForwardedFrom = null, CallerNumber = string.Empty };
        Assert.Equal(anonymous, VoicemailMetadataSerializer.Deserialize(VoicemailMetadataSerializer.Serialize(anonymous), "m.json"));
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n  \"id\": ", "not valid JSON")]
    [InlineData("[]", "the root is not an object")]
    [InlineData("{\"version\": 2}", "'version' must be 1")]
    public void Deserialize_Broken_ErrorNamesTheFile(string json, string reason)
    {
        var ex = Assert.Throws<VoicemailFormatException>(() => VoicemailMetadataSerializer.Deserialize(Encoding.UTF8.GetBytes(json), "/store/202/messages/x.json"));
        Assert.Equal("/store/202/messages/x.json", ex.Field);
        Assert.Contains("/store/202/messages/x.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folder", "\"archive\"", "'folder' is 'archive'")]
    [InlineData("mailbox", "\"../x\"", "not a mailbox identifier")]
    [InlineData("id", "\"../../etc\"", "not a voicemail message identifier")]
    [InlineData("receivedAt", "\"yesterday\"", "'receivedAt' is not an ISO instant")]
    [InlineData("audioSize", "-1", "'audioSize'")]
    [InlineData("callerNumber", "5", "'callerNumber' is not a string")]
    public void Deserialize_BadField_ErrorNamesFileAndField(string field, string value, string reason)
    {
        var json = Encoding.UTF8.GetString(VoicemailMetadataSerializer.Serialize(Sample));
        var start = json.IndexOf($"\"{field}\": ", StringComparison.Ordinal) + field.Length + 4;
        var end = json.IndexOfAny([',', '\n'], start);
        var broken = json[..start] + value + json[end..];

        var ex = Assert.Throws<VoicemailFormatException>(() => VoicemailMetadataSerializer.Deserialize(Encoding.UTF8.GetBytes(broken), "x.json"));
        Assert.Equal("x.json", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
