using System.Collections.Concurrent;
using K7.Routing;
using K7.Sip.Proxy;
using K7.Sip.Tests.Server;
using K7.TimeFrames;
using NodaTime;
using static K7.Sip.Tests.Proxy.CallMessages;

namespace K7.Sip.Tests.Proxy;

/// <summary>
/// Calls carried out as K7.Routing decides (chapter 6 of the portal guide): do not disturb to voicemail, forward when
/// unanswered, when busy, when offline. User 202 has the phones 202wp and 202; 204 is another user's phone.
/// </summary>
public sealed class SipServerRoutedCallTests : IAsyncDisposable
{
    private readonly ConcurrentQueue<CallEventArgs> _events = new();
    private ServerHarness? _harness;

    [Fact]
    public async Task DoNotDisturb_CallGoesToVoicemailServer()
    {
        SipOptions? options = null;
        var harness = await StartAsync(AnsweringRule.Default with { DoNotDisturb = true }, o => options = o);
        using var voicemail = harness.CreatePhone();
        options!.Calls.VoicemailUri = "sip:vm-{user}@" + voicemail.LocalEndPoint; // read at call time
        using var desk = await RegisteredPhoneAsync(harness, "202wp");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "dnd@test", "ctag", "z9hG4bKd1"));
        var invite = await ExpectRequestAsync(voicemail, SipMethod.Invite);
        Assert.Equal("vm-202", invite.RequestUri.User);
        await voicemail.SendAsync(Respond(invite, 200, "OK", voicemail.LocalEndPoint, "vm", withSdp: true));
        await ExpectResponseAsync(caller, 200);
        Assert.True(await desk.ReceivesNothingAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(CallOutcome.Voicemail, _events.Single(e => e.Kind == CallEventKind.Answered).Outcome);
    }

    [Fact]
    public async Task DoNotDisturb_WithRedirect_Answers302ToVoicemail()
    {
        var harness = await StartAsync(AnsweringRule.Default with { DoNotDisturb = true }, o =>
        {
            o.Calls.VoicemailUri = "sip:vm-{user}@127.0.0.1:5090";
            o.Calls.VoicemailRedirect = true;
        });
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "dnd2@test", "ctag", "z9hG4bKd2"));
        var moved = await ExpectResponseAsync(caller, 302);
        Assert.Equal("sip:vm-202@127.0.0.1:5090", moved.Contacts[0].Address!.Uri.ToString());
    }

    [Fact]
    public async Task NoAnswer_ForwardsAfterRingTimeout()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { WhenUnanswered = Destination.User("204") } };
        var harness = await StartAsync(rule, ringTimeout: Duration.FromSeconds(10));
        using var desk = await RegisteredPhoneAsync(harness, "202"); // "just ring the user's extension"
        using var other = await RegisteredPhoneAsync(harness, "204");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "fwd@test", "ctag", "z9hG4bKd3"));
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        await desk.SendAsync(Respond(deskInvite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 180);
        harness.AdvanceInSteps(Duration.FromSeconds(11), Duration.FromSeconds(1));
        var cancel = await ExpectRequestAsync(desk, SipMethod.Cancel);
        await desk.SendAsync(Respond(cancel, 200, "OK", desk.LocalEndPoint, "desk"));
        await desk.SendAsync(Respond(deskInvite, 487, "Request Terminated", desk.LocalEndPoint, "desk"));
        var forwarded = await ExpectRequestAsync(other, SipMethod.Invite);
        await other.SendAsync(Respond(forwarded, 200, "OK", other.LocalEndPoint, "other", withSdp: true));
        var ok = await ExpectResponseAsync(caller, 200);
        Assert.Equal("other", ok.To?.Tag);
        var answered = _events.Single(e => e.Kind == CallEventKind.Answered);
        Assert.Equal(("204", CallOutcome.Forwarded), (answered.Device, answered.Outcome));
    }

    [Fact]
    public async Task Busy_ForwardsToBusyDestination()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { WhenBusy = Destination.User("204") } };
        var harness = await StartAsync(rule);
        using var soft = await RegisteredPhoneAsync(harness, "202");
        using var other = await RegisteredPhoneAsync(harness, "204");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "busy@test", "ctag", "z9hG4bKd4"));
        var invite = await ExpectRequestAsync(soft, SipMethod.Invite);
        await soft.SendAsync(Respond(invite, 486, "Busy Here", soft.LocalEndPoint, "soft"));
        var forwarded = await ExpectRequestAsync(other, SipMethod.Invite);
        await other.SendAsync(Respond(forwarded, 486, "Busy Here", other.LocalEndPoint, "other"));
        await ExpectResponseAsync(caller, 486);
    }

    [Fact]
    public async Task Offline_ForwardsToOfflineDestination()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { WhenOffline = Destination.User("204") } };
        var harness = await StartAsync(rule);
        using var other = await RegisteredPhoneAsync(harness, "204");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "offline@test", "ctag", "z9hG4bKd5"));
        var forwarded = await ExpectRequestAsync(other, SipMethod.Invite);
        await other.SendAsync(Respond(forwarded, 200, "OK", other.LocalEndPoint, "other", withSdp: true));
        await ExpectResponseAsync(caller, 200);
    }

    [Fact]
    public async Task OnActive_SecondCallWhileTheUserTalks_ForwardedToOnActiveDestination()
    {
        var rule = AnsweringRule.Default with { Forwarding = new CallForwarding { OnActive = Destination.User("204") } };
        var harness = await StartAsync(rule);
        using var soft = await RegisteredPhoneAsync(harness, "202");
        using var other = await RegisteredPhoneAsync(harness, "204");
        using var first = harness.CreatePhone();
        await first.SendAsync(Invite(first.LocalEndPoint, "202", "active1@test", "ctag", "z9hG4bKa1"));
        var invite = await ExpectRequestAsync(soft, SipMethod.Invite);
        await soft.SendAsync(Respond(invite, 200, "OK", soft.LocalEndPoint, "soft", withSdp: true));
        await ExpectResponseAsync(first, 200);
        Assert.Equal(1, harness.Server.ActiveCalls("202"));

        using var second = harness.CreatePhone();
        await second.SendAsync(Invite(second.LocalEndPoint, "202", "active2@test", "ctag2", "z9hG4bKa2"));
        var forwarded = await ExpectRequestAsync(other, SipMethod.Invite);
        Assert.Equal("active2@test", forwarded.CallId);
        Assert.True(await soft.ReceivesNothingAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task BlockedCaller_Rejected()
    {
        var harness = await StartAsync(AnsweringRule.Default, configureSet: set => set.WithBlockAnonymous(true));
        using var caller = harness.CreatePhone();
        var anonymous = Invite(caller.LocalEndPoint, "202", "anon@test", "ctag", "z9hG4bKd6").Replace("\"Tim Garcia\" ", string.Empty, StringComparison.Ordinal);
        await caller.SendAsync(anonymous);
        await ExpectResponseAsync(caller, 433);
        Assert.Equal(CallOutcome.Rejected, _events.Single(e => e.Kind == CallEventKind.NotAnswered).Outcome);
    }

    [Fact]
    public async Task Screening_HostRefuses_CallerDeclined_NoPhoneRings()
    {
        var hooks = new Hooks { Screen = false };
        var harness = await StartAsync(AnsweringRule.Default with { CallScreening = true }, hooks: hooks);
        using var soft = await RegisteredPhoneAsync(harness, "202");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "screen@test", "ctag", "z9hG4bKd7"));
        await ExpectResponseAsync(caller, 603);
        Assert.Equal("202", hooks.Screened.Single().CalledUser);
        Assert.True(await soft.ReceivesNothingAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Screening_HostAccepts_PhonesRing()
    {
        var hooks = new Hooks { Screen = true };
        var harness = await StartAsync(AnsweringRule.Default with { CallScreening = true }, hooks: hooks);
        using var soft = await RegisteredPhoneAsync(harness, "202");
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "screen2@test", "ctag", "z9hG4bKd8"));
        await ExpectRequestAsync(soft, SipMethod.Invite);
        Assert.Equal("Tim Garcia", hooks.Screened.Single().CallerName);
    }

    [Fact]
    public async Task AnswerConfirmation_OffNetAnswerNotConfirmed_HungUp_OtherPhoneStillRings()
    {
        var hooks = new Hooks { Confirm = false };
        var rule = AnsweringRule.Default with
        {
            SimultaneousRing = new SimultaneousRing
            {
                AnswerConfirmationForOffNet = true,
                Targets = [new RingTarget(Destination.ExternalNumber("+15555550123"))],
            },
        };
        SipOptions? options = null;
        var harness = await StartAsync(rule, o => options = o, hooks: hooks);
        using var soft = await RegisteredPhoneAsync(harness, "202");
        using var carrier = harness.CreatePhone();
        options!.Calls.OutboundProxy = carrier.LocalEndPoint.ToString();
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "confirm@test", "ctag", "z9hG4bKd9"));
        var softInvite = await ExpectRequestAsync(soft, SipMethod.Invite);
        var offNet = await ExpectRequestAsync(carrier, SipMethod.Invite);
        Assert.Equal("+15555550123", offNet.RequestUri.User);
        await carrier.SendAsync(Respond(offNet, 200, "OK", carrier.LocalEndPoint, "cell", withSdp: true));
        await ExpectRequestAsync(carrier, SipMethod.Ack);
        var bye = await ExpectRequestAsync(carrier, SipMethod.Bye);
        await carrier.SendAsync(Respond(bye, 200, "OK", carrier.LocalEndPoint, "cell"));
        await soft.SendAsync(Respond(softInvite, 200, "OK", soft.LocalEndPoint, "soft", withSdp: true));
        var ok = await ExpectResponseAsync(caller, 200);
        Assert.Equal("soft", ok.To?.Tag);
        Assert.Equal("+15555550123", hooks.Confirmed.Single().Device);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    private static async Task<UdpPhone> RegisteredPhoneAsync(ServerHarness harness, string user)
    {
        var phone = harness.CreatePhone();
        var (response, _) = await phone.RegisterAsync(phone.Register(user));
        Assert.Equal(200, response.StatusCode);
        return phone;
    }

    private async Task<ServerHarness> StartAsync(AnsweringRule defaultRule, Action<SipOptions>? configure = null, Duration? ringTimeout = null, Func<AnsweringRuleSet, AnsweringRuleSet>? configureSet = null, ICallMediaHooks? hooks = null)
    {
        var resolver = new RouteResolver(new TimeFrameCatalog(new TimeFrameCompiler(new PublicHolidayCalendar())), new RoutingOptions());
        var set = AnsweringRuleSet.CreateDefault("202").Replace(defaultRule);
        if (ringTimeout is { } timeout)
        {
            set = set.WithRingTimeout(timeout);
        }

        set = configureSet?.Invoke(set) ?? set;
        resolver.SetRules(set);
        _harness = await ServerHarness.StartAsync(configure, resolver, hooks);
        _harness.Server.CallEvent += (_, e) => _events.Enqueue(e);
        return _harness;
    }

    private sealed class Hooks : ICallMediaHooks
    {
        public bool Screen { get; init; } = true;

        public bool Confirm { get; init; } = true;

        public ConcurrentQueue<CallHookContext> Screened { get; } = new();

        public ConcurrentQueue<CallHookContext> Confirmed { get; } = new();

        public ValueTask<bool> ScreenAsync(CallHookContext context, CancellationToken cancellationToken)
        {
            Screened.Enqueue(context);
            return ValueTask.FromResult(Screen);
        }

        public ValueTask<bool> ConfirmAnswerAsync(CallHookContext context, CancellationToken cancellationToken)
        {
            Confirmed.Enqueue(context);
            return ValueTask.FromResult(Confirm);
        }
    }
}
