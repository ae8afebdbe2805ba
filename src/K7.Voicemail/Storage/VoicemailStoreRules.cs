using NodaTime;

namespace K7.Voicemail.Storage;

/// <summary>The rules every store applies the same way: argument checks, listing order, counts, new messages.</summary>
internal static class VoicemailStoreRules
{
    public static void CheckId(VoicemailMessageId id, string paramName)
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException("The all-zero message identifier names no message.", paramName);
        }
    }

    public static void CheckFolder(VoicemailFolder folder, string paramName)
    {
        if (folder is not (VoicemailFolder.New or VoicemailFolder.Saved or VoicemailFolder.Trash))
        {
            throw new ArgumentOutOfRangeException(paramName, folder, "The folder must be New, Saved or Trash.");
        }
    }

    public static void CheckSort(VoicemailSort sort, string paramName)
    {
        if (sort is not (VoicemailSort.LatestFirst or VoicemailSort.OldestFirst))
        {
            throw new ArgumentOutOfRangeException(paramName, sort, "The sort must be LatestFirst or OldestFirst.");
        }
    }

    public static void CheckDeposit(MailboxId mailbox, VoicemailDeposit deposit, Stream audio)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(deposit);
        ArgumentNullException.ThrowIfNull(audio);
        deposit.Validate();
        if (!audio.CanRead)
        {
            throw new ArgumentException("The audio stream must be readable.", nameof(audio));
        }
    }

    public static VoicemailMessage NewMessage(VoicemailMessageId id, MailboxId mailbox, VoicemailDeposit deposit, long audioSize, Instant now) => new()
    {
        Id = id,
        Mailbox = mailbox,
        Folder = VoicemailFolder.New,
        CallerNumber = deposit.CallerNumber,
        CallerName = deposit.CallerName,
        ReceivedAt = deposit.ReceivedAt,
        Duration = deposit.Duration,
        AudioFormat = deposit.AudioFormat,
        AudioSize = audioSize,
        ForwardedFrom = null,
        FolderChangedAt = now,
    };

    public static VoicemailMessage ForwardedCopy(VoicemailMessage original, VoicemailMessageId id, MailboxId to, Instant now) => original with
    {
        Id = id,
        Mailbox = to,
        Folder = VoicemailFolder.New,
        ReceivedAt = now,
        ForwardedFrom = original.Mailbox,
        FolderChangedAt = now,
    };

    public static List<VoicemailMessage> List(IEnumerable<VoicemailMessage> messages, VoicemailFolder folder, VoicemailSort sort)
    {
        var list = new List<VoicemailMessage>();
        foreach (var message in messages)
        {
            if (message.Folder == folder)
            {
                list.Add(message);
            }
        }

        list.Sort(sort == VoicemailSort.OldestFirst ? CompareOldestFirst : static (a, b) => CompareOldestFirst(b, a));
        return list;
    }

    public static VoicemailCounts Count(IEnumerable<VoicemailMessage> messages)
    {
        int n = 0, s = 0, t = 0;
        foreach (var message in messages)
        {
            switch (message.Folder)
            {
                case VoicemailFolder.New: n++; break;
                case VoicemailFolder.Saved: s++; break;
                default: t++; break;
            }
        }

        return new VoicemailCounts(n, s, t);
    }

    public static bool IsPurgeable(VoicemailMessage message, Instant? olderThanOrEqual) =>
        message.Folder == VoicemailFolder.Trash && (olderThanOrEqual is not { } limit || message.FolderChangedAt <= limit);

    private static int CompareOldestFirst(VoicemailMessage a, VoicemailMessage b)
    {
        var c = a.ReceivedAt.CompareTo(b.ReceivedAt);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    }
}
