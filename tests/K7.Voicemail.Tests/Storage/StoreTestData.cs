using NodaTime;

namespace K7.Voicemail.Tests.Storage;

internal static class StoreTestData
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static readonly MailboxId Mailbox202 = MailboxId.Parse("202");

    public static readonly MailboxId Mailbox203 = MailboxId.Parse("203");

    public static VoicemailDeposit Deposit(string caller = "+4930123456", Instant? at = null, string? name = "Alice") => new()
    {
        CallerNumber = caller,
        CallerName = name,
        ReceivedAt = at ?? Start,
        Duration = Duration.FromSeconds(30),
        AudioFormat = "mulaw",
    };

    public static byte[] AudioBytes(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
    }
}
