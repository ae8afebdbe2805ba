using K7.Voicemail.Storage;

namespace K7.Voicemail.Tests.Storage;

public sealed class InMemoryVoicemailStoreTests : VoicemailStoreContractTests
{
    public InMemoryVoicemailStoreTests()
    {
        Store = new InMemoryVoicemailStore(Clock);
    }

    protected override IVoicemailStore Store { get; }

    [Fact]
    public async Task OpenAudioAsync_Stream_ReadOnly()
    {
        var message = await Store.DepositAsync(StoreTestData.Mailbox202, StoreTestData.Deposit(), new MemoryStream(StoreTestData.AudioBytes(10)));
        await using var stream = (await Store.OpenAudioAsync(StoreTestData.Mailbox202, message.Id))!;
        Assert.False(stream.CanWrite);
    }
}
