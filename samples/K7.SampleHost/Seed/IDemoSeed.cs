namespace K7.SampleHost.Seed;

/// <summary>Adds one page's demo data (voicemails, contacts, call history, music) to a freshly seeded domain.</summary>
/// <remarks>Runs once, at the first start on an empty data folder, after the users, phones, time frames and rules exist and the packages' stores are loaded.</remarks>
public interface IDemoSeed
{
    /// <summary>Writes the demo data.</summary>
    Task SeedAsync(CancellationToken cancellationToken);
}
