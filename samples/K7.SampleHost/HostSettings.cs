using K7.SampleHost.Storage;

namespace K7.SampleHost;

/// <summary>The validated settings and the data folder, as the host's services receive them.</summary>
/// <param name="Options">The settings.</param>
/// <param name="Data">The data folder.</param>
public sealed record HostSettings(SampleHostOptions Options, DataFolder Data);
