using System.Net;
using K7.Sip.Devices;
using NodaTime;
using NodaTime.Testing;

namespace K7.Sip.Tests.Devices;

public class DeviceRegistryTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2025, 6, 1, 12, 0));
    private readonly InMemoryDeviceStore _store = new();
    private readonly List<DeviceStatusChangedEventArgs> _events = [];

    [Fact]
    public void Add_DevicesOfAUser_ListedMainFirst()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));
        sut.Add(new Device("202", "", "Polycom VVX 350"));
        sut.Add(new Device("202", "m", "K7 One"));
        sut.Add(new Device("203", "", "Polycom VVX 350"));

        var names = sut.ListForUser("202").Select(d => d.Name);

        Assert.Equal(["202", "202m", "202wp"], names);
        Assert.Equal(4, _store.Load().Count);
        Assert.Equal("202wp", sut.Find("202WP")?.Name);
    }

    [Fact]
    public void Add_SameSuffixOtherCase_ThrowsOnSuffix()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));

        var exception = Assert.Throws<DeviceValidationException>(() => sut.Add(new Device("202", "WP", "WebPhone")));

        Assert.Equal("Suffix", exception.Field);
        Assert.Equal(1, sut.Count);
    }

    [Fact]
    public void Add_SecondMainDevice_ThrowsOnSuffix()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "", "Polycom"));

        var exception = Assert.Throws<DeviceValidationException>(() => sut.Add(new Device("202", "", "Yealink")));

        Assert.Equal("Suffix", exception.Field);
    }

    [Fact]
    public void Update_EditableFields_ChangesAndSaves()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));

        var updated = sut.Update("202wp", d => d.WithModel("WebPhone 44").WithLineNumber(1));

        Assert.Equal("WebPhone 44", updated?.Model);
        Assert.Equal("WebPhone 44", _store.Load()[0].Model);
        Assert.Null(sut.Update("999", d => d));
    }

    [Fact]
    public void Update_ChangedSuffix_Throws()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));

        var exception = Assert.Throws<DeviceValidationException>(() => sut.Update("202wp", d => new Device(d.Extension, "m", d.Model)));

        Assert.Equal("Suffix", exception.Field);
        Assert.Equal("wp", sut.Find("202wp")?.Suffix);
    }

    [Fact]
    public void Update_ChangedExtension_Throws()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));

        var exception = Assert.Throws<DeviceValidationException>(() => sut.Update("202wp", d => new Device("203", d.Suffix, d.Model)));

        Assert.Equal("Extension", exception.Field);
    }

    [Fact]
    public void Add_StoreFails_RegistryUnchanged()
    {
        var sut = new DeviceRegistry(new FailingStore(), _clock);

        Assert.Throws<IOException>(() => sut.Add(new Device("202", "", "M")));
        Assert.Equal(0, sut.Count);
        Assert.Null(sut.Find("202"));
    }

    [Fact]
    public void Remove_Device_ForgetsStatus()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));
        sut.SetRegistration("202wp", Registration(3600));

        Assert.True(sut.Remove("202wp"));
        Assert.False(sut.Remove("202wp"));
        Assert.Null(sut.GetStatus("202wp"));
        Assert.Empty(_store.Load());
    }

    [Fact]
    public void SetRegistration_FirstThenAgain_RegisteredThenRefreshed()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "wp", "WebPhone"));

        Assert.False(sut.GetStatus("202wp")!.IsRegistered);
        Assert.True(sut.SetRegistration("202wp", Registration(3600)));
        _clock.Advance(Duration.FromMinutes(30));
        Assert.True(sut.SetRegistration("202wp", Registration(3600)));

        Assert.Equal([DeviceStatusChangeKind.Registered, DeviceStatusChangeKind.Refreshed], _events.Select(e => e.Kind));
        var status = sut.GetStatus("202wp")!;
        Assert.True(status.IsRegistered);
        Assert.True(status.IsReachable);
        Assert.Equal(_clock.GetCurrentInstant(), status.LastChanged);
        Assert.Equal("WebPhone 44.3.1 (Chrome 137.0.0.0)", status.Registration!.UserAgent);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("207.45.79.249"), 37428), status.Registration.RemoteAddress);
    }

    [Fact]
    public void SetRegistration_UnknownDevice_IgnoredWithoutEvent()
    {
        var sut = CreateSut();

        Assert.False(sut.SetRegistration("999", Registration(60)));
        Assert.Null(sut.GetStatus("999"));
        Assert.Empty(_events);
    }

    [Fact]
    public void ClearRegistration_Unregistered_RaisesUnregisteredOnce()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "", "Polycom"));
        sut.SetRegistration("202", Registration(60));

        Assert.True(sut.ClearRegistration("202", DeviceStatusReason.Unregistered));
        Assert.False(sut.ClearRegistration("202", DeviceStatusReason.Unregistered));

        Assert.Equal([DeviceStatusChangeKind.Registered, DeviceStatusChangeKind.Unregistered], _events.Select(e => e.Kind));
        Assert.False(sut.GetStatus("202")!.IsRegistered);
    }

    [Fact]
    public void ExpireRegistrations_AfterExpiry_RaisesExpired()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "", "Polycom"));
        sut.Add(new Device("202", "wp", "WebPhone"));
        sut.SetRegistration("202", Registration(60));
        sut.SetRegistration("202wp", Registration(3600));

        _clock.Advance(Duration.FromSeconds(59));
        Assert.Equal(0, sut.ExpireRegistrations());
        _clock.Advance(Duration.FromSeconds(1));
        Assert.False(sut.GetStatus("202")!.IsRegistered);
        Assert.Equal(1, sut.ExpireRegistrations());
        Assert.Equal(0, sut.ExpireRegistrations());

        var last = _events[^1];
        Assert.Equal(DeviceStatusChangeKind.Expired, last.Kind);
        Assert.Equal("202", last.DeviceName);
        Assert.True(sut.GetStatus("202wp")!.IsRegistered);
    }

    [Fact]
    public void SetRegistration_AfterExpiry_IsRegisteredAgain()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "", "Polycom"));
        sut.SetRegistration("202", Registration(60));
        _clock.Advance(Duration.FromMinutes(2));

        sut.SetRegistration("202", Registration(60));

        Assert.Equal(DeviceStatusChangeKind.Registered, _events[^1].Kind);
    }

    [Fact]
    public void SetReachable_Changes_RaiseEventsOnlyOnChange()
    {
        var sut = CreateSut();
        sut.Add(new Device("202", "", "Polycom"));

        Assert.False(sut.SetReachable("202", false));
        sut.SetRegistration("202", Registration(3600));
        Assert.True(sut.SetReachable("202", true));
        Assert.True(sut.SetReachable("202", false));
        Assert.True(sut.SetReachable("202", false));
        Assert.True(sut.SetReachable("202", true));

        Assert.Equal(
            [DeviceStatusChangeKind.Registered, DeviceStatusChangeKind.Unreachable, DeviceStatusChangeKind.Reachable],
            _events.Select(e => e.Kind));
    }

    [Fact]
    public void Constructor_DuplicateStoredNames_Throws()
    {
        var store = new InMemoryDeviceStore([new Device("202", "wp", "a"), new Device("202", "WP", "b")]);

        var exception = Assert.Throws<DeviceValidationException>(() => new DeviceRegistry(store, _clock));

        Assert.Equal("[1].Name", exception.Field);
    }

    private DeviceRegistration Registration(int seconds) => new(
        "WebPhone 44.3.1 (Chrome 137.0.0.0)",
        "sip:202wp@207.45.79.249:37428;transport=wss",
        new IPEndPoint(IPAddress.Parse("207.45.79.249"), 37428),
        "WSS",
        _clock.GetCurrentInstant(),
        _clock.GetCurrentInstant() + Duration.FromSeconds(seconds));

    private DeviceRegistry CreateSut()
    {
        var registry = new DeviceRegistry(_store, _clock);
        registry.StatusChanged += (_, e) => _events.Add(e);
        return registry;
    }

    private sealed class FailingStore : IDeviceStore
    {
        public IReadOnlyList<Device> Load() => [];

        public void Save(IReadOnlyList<Device> devices) => throw new IOException("disk full");
    }
}
