namespace K7.Voicemail;

/// <summary>The order of a list of voicemail messages.</summary>
public enum VoicemailSort
{
    /// <summary>The most recently received message first (the portal's default).</summary>
    LatestFirst = 0,

    /// <summary>The earliest received message first.</summary>
    OldestFirst = 1,
}
