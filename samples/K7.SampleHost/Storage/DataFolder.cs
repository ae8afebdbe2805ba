namespace K7.SampleHost.Storage;

/// <summary>Where the host keeps its data: one folder, printed at start, with one file or folder per page of the portal.</summary>
public sealed class DataFolder
{
    /// <summary>Initializes a new instance of the <see cref="DataFolder"/> class and creates the folder.</summary>
    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>Users, roles, password hashes, multi-factor secrets and SIP secrets.</summary>
    public string DomainFile => Path.Combine(Root, "domain.json");

    /// <summary>Every time frame of the domain and its users.</summary>
    public string TimeFramesFile => Path.Combine(Root, "timeframes.json");

    /// <summary>One answering-rules file per user.</summary>
    public string RulesFolder => Path.Combine(Root, "rules");

    /// <summary>The phones (SIP devices).</summary>
    public string DevicesFile => Path.Combine(Root, "devices.json");

    /// <summary>Mailboxes, greetings and the e-mail pickup folder.</summary>
    public string VoicemailFolder => Path.Combine(Root, "voicemail");

    /// <summary>The voicemail settings of each mailbox.</summary>
    public string VoicemailSettingsFolder => Path.Combine(Root, "voicemail-settings");

    /// <summary>The contacts database.</summary>
    public string ContactsDatabase => Path.Combine(Root, "contacts.db");

    /// <summary>The call history database.</summary>
    public string CallHistoryDatabase => Path.Combine(Root, "calls.db");

    /// <summary>Music on hold: one folder per user.</summary>
    public string MusicFolder => Path.Combine(Root, "music");

    /// <summary>The keys that protect sign-in tokens (so tokens survive a restart).</summary>
    public string KeysFolder => Path.Combine(Root, "keys");

    /// <summary>Deletes the temporary files of writes a killed process did not finish (the host's own stores; music has its own recovery).</summary>
    /// <returns>How many were deleted.</returns>
    public int RemoveInterruptedWrites() =>
        AtomicFile.RemoveLeftovers(Root) + AtomicFile.RemoveLeftovers(RulesFolder) + AtomicFile.RemoveLeftovers(VoicemailSettingsFolder);

    /// <summary>The file that marks a seeded demo domain.</summary>
    public string SeededMarker => Path.Combine(Root, ".seeded");
}
