using NodaTime;

namespace K7.SampleHost.Api;

/// <summary>The host's <see cref="IClock"/> as a <see cref="TimeProvider"/>, so ASP.NET Core (token expiry) keeps the same time as the packages.</summary>
internal sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
