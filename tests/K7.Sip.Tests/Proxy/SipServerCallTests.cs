using System.Collections.Concurrent;
using K7.Sip.Proxy;
using K7.Sip.Tests.Server;
using NodaTime;
using static K7.Sip.Tests.Proxy.CallMessages;

namespace K7.Sip.Tests.Proxy;

/// <summary>Calls through the server on 127.0.0.1 with phones on UDP sockets: fork, answer, cancel, busy, offline, BYE.</summary>
public sealed class SipServerCallTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<CallEventArgs> _events = new();
    private ServerHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await ServerHarness.StartAsync();
        _harness.Server.CallEvent += (_, e) => _events.Enqueue(e);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Invite_TwoPhonesOfUser_BothRing_FirstAnswerWins_OtherCancelled_ByeEndsCall()
    {
        using var desk = await RegisteredPhoneAsync("202wp");
        using var soft = await RegisteredPhoneAsync("202");
        using var caller = _harness.CreatePhone();

        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-1@test", "ctag", "z9hG4bKc1"));
        await ExpectResponseAsync(caller, 100);
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        var softInvite = await ExpectRequestAsync(soft, SipMethod.Invite);
        Assert.Equal(69, deskInvite.MaxForwards);
        Assert.Equal(2, deskInvite.Vias.Count);
        Assert.Contains(deskInvite.Headers.GetValues(SipHeaderNames.RecordRoute), rr => rr.Contains(";lr", StringComparison.Ordinal));
        Assert.False(deskInvite.Body.IsEmpty);

        await desk.SendAsync(Respond(deskInvite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await soft.SendAsync(Respond(softInvite, 180, "Ringing", soft.LocalEndPoint, "soft"));
        var ringing = await ExpectResponseAsync(caller, 180);
        Assert.Single(ringing.Vias);

        await soft.SendAsync(Respond(softInvite, 200, "OK", soft.LocalEndPoint, "soft", withSdp: true));
        var ok = await ExpectResponseAsync(caller, 200);
        Assert.Equal("soft", ok.To?.Tag);

        var cancel = await ExpectRequestAsync(desk, SipMethod.Cancel);
        await desk.SendAsync(Respond(cancel, 200, "OK", desk.LocalEndPoint, "desk"));
        await desk.SendAsync(Respond(deskInvite, 487, "Request Terminated", desk.LocalEndPoint, "desk"));
        var ack487 = await ExpectRequestAsync(desk, SipMethod.Ack);
        Assert.Equal(deskInvite.Vias[0].Branch, ack487.Vias[0].Branch);

        await caller.SendAsync(InDialog("ACK", 1, caller.LocalEndPoint, ok, "z9hG4bKc1ack"));
        var ack = await ExpectRequestAsync(soft, SipMethod.Ack);
        Assert.Equal("call-1@test", ack.CallId);

        _harness.Clock.Advance(Duration.FromSeconds(42));
        await caller.SendAsync(InDialog("BYE", 2, caller.LocalEndPoint, ok, "z9hG4bKc1bye"));
        var bye = await ExpectRequestAsync(soft, SipMethod.Bye);
        await soft.SendAsync(Respond(bye, 200, "OK", soft.LocalEndPoint, "soft"));
        await ExpectAsync<SipResponse>(caller, r => r.StatusCode == 200 && r.CSeq?.Method == SipMethod.Bye);

        var kinds = _events.Select(e => e.Kind).ToList();
        Assert.Equal([CallEventKind.Started, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended], kinds);
        var answered = _events.Single(e => e.Kind == CallEventKind.Answered);
        Assert.Equal(("202", "202", "5551231111"), (answered.CalledUser, answered.Device, answered.Caller));
        Assert.Equal(Duration.FromSeconds(42), _events.Single(e => e.Kind == CallEventKind.Ended).Duration);
        Assert.Equal(0, _harness.Server.ActiveCalls("202"));
    }

    [Fact]
    public async Task Invite_AllPhonesBusy_CallerGetsBusy()
    {
        using var desk = await RegisteredPhoneAsync("202wp");
        using var soft = await RegisteredPhoneAsync("202");
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-2@test", "ctag", "z9hG4bKc2"));
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        var softInvite = await ExpectRequestAsync(soft, SipMethod.Invite);
        await desk.SendAsync(Respond(deskInvite, 486, "Busy Here", desk.LocalEndPoint, "desk"));
        await ExpectRequestAsync(desk, SipMethod.Ack);
        await soft.SendAsync(Respond(softInvite, 486, "Busy Here", soft.LocalEndPoint, "soft"));
        await ExpectRequestAsync(soft, SipMethod.Ack);
        await ExpectResponseAsync(caller, 486);
        Assert.Equal(CallOutcome.Busy, _events.Single(e => e.Kind == CallEventKind.NotAnswered).Outcome);
    }

    [Fact]
    public async Task Invite_NoPhoneRegistered_TemporarilyUnavailable()
    {
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "203", "call-3@test", "ctag", "z9hG4bKc3"));
        await ExpectResponseAsync(caller, 480);
        Assert.Equal(CallOutcome.Offline, _events.Single(e => e.Kind == CallEventKind.NotAnswered).Outcome);
    }

    [Fact]
    public async Task Cancel_WhileRinging_BranchesCancelled_CallerGets487()
    {
        using var desk = await RegisteredPhoneAsync("202wp");
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-4@test", "ctag", "z9hG4bKc4"));
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        await desk.SendAsync(Respond(deskInvite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 180);
        await caller.SendAsync(Cancel(caller.LocalEndPoint, "202", "call-4@test", "ctag", "z9hG4bKc4"));
        await ExpectAsync<SipResponse>(caller, r => r.StatusCode == 200 && r.CSeq?.Method == SipMethod.Cancel);
        var cancel = await ExpectRequestAsync(desk, SipMethod.Cancel);
        await desk.SendAsync(Respond(cancel, 200, "OK", desk.LocalEndPoint, "desk"));
        await desk.SendAsync(Respond(deskInvite, 487, "Request Terminated", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 487);
        Assert.Equal(CallOutcome.Cancelled, _events.Single(e => e.Kind == CallEventKind.NotAnswered).Outcome);
    }

    [Fact]
    public async Task Invite_MaxForwardsZero_TooManyHops()
    {
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-5@test", "ctag", "z9hG4bKc5", maxForwards: 0));
        await ExpectResponseAsync(caller, 483);
    }

    [Fact]
    public async Task Invite_Retransmitted_AbsorbedWhileRouting()
    {
        using var desk = await RegisteredPhoneAsync("202wp");
        using var caller = _harness.CreatePhone();
        var invite = Invite(caller.LocalEndPoint, "202", "call-6@test", "ctag", "z9hG4bKc6");
        await caller.SendAsync(invite);
        await ExpectResponseAsync(caller, 100);
        await ExpectRequestAsync(desk, SipMethod.Invite);
        await caller.SendAsync(invite);
        await ExpectResponseAsync(caller, 100);
        Assert.True(await desk.ReceivesNothingAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Invite_NoAnswer_RingTimeoutCancelsAndCallerGets480()
    {
        await using var harness = await ServerHarness.StartAsync(o => o.Calls.DefaultRingTimeout = Duration.FromSeconds(20));
        using var desk = harness.CreatePhone();
        var (registered, _) = await desk.RegisterAsync(desk.Register("202wp"));
        Assert.Equal(200, registered.StatusCode);
        using var caller = harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-7@test", "ctag", "z9hG4bKc7"));
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        await desk.SendAsync(Respond(deskInvite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 180);
        harness.AdvanceInSteps(Duration.FromSeconds(21), Duration.FromSeconds(1));
        var cancel = await ExpectRequestAsync(desk, SipMethod.Cancel);
        await desk.SendAsync(Respond(cancel, 200, "OK", desk.LocalEndPoint, "desk"));
        await desk.SendAsync(Respond(deskInvite, 487, "Request Terminated", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 480);
    }

    [Fact]
    public async Task Cancel_PhoneNeverAnswersTheCancel_BranchGivenUpAfter64T1()
    {
        using var desk = await RegisteredPhoneAsync("202wp");
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "call-8@test", "ctag", "z9hG4bKc8"));
        var deskInvite = await ExpectRequestAsync(desk, SipMethod.Invite);
        await desk.SendAsync(Respond(deskInvite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await ExpectResponseAsync(caller, 180);
        await caller.SendAsync(Cancel(caller.LocalEndPoint, "202", "call-8@test", "ctag", "z9hG4bKc8"));
        await ExpectAsync<SipResponse>(caller, r => r.StatusCode == 200 && r.CSeq?.Method == SipMethod.Cancel);
        await ExpectResponseAsync(caller, 487);
        await ExpectRequestAsync(desk, SipMethod.Cancel);
        Assert.Equal(1, _harness.Server.InviteClientTransactionCount); // the branch waits for its 487, in Proceeding
        _harness.AdvanceInSteps(Duration.FromSeconds(31), Duration.FromSeconds(1));
        Assert.Equal(1, _harness.Server.InviteClientTransactionCount);
        _harness.AdvanceInSteps(Duration.FromSeconds(2), Duration.FromSeconds(1));
        Assert.Equal(0, _harness.Server.InviteClientTransactionCount); // given up after 64 x T1
    }

    [Fact]
    public async Task Invite_ComesBackUnchanged_LoopDetected482_ChangedRequestUriSpirals()
    {
        // The phone plays a misconfigured next hop: it sends the INVITE it received back to the proxy with its own Via
        // on top. With the original Request-URI that is a loop (482); with another one it is a legitimate spiral.
        using var phone = await RegisteredPhoneAsync("202wp");
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "loop@test", "ctag", "z9hG4bKloop"));
        var forwarded = await ExpectRequestAsync(phone, SipMethod.Invite);
        var text = forwarded.ToString();
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        var back = "INVITE sip:202@" + ServerHarness.Domain + " SIP/2.0\r\nVia: SIP/2.0/UDP " + phone.LocalEndPoint + ";branch=z9hG4bKback;rport\r\n" + text[(lineEnd + 2)..];
        await phone.SendAsync(back);
        var loop = await ExpectAsync<SipResponse>(phone, r => r.StatusCode == 482);
        Assert.Equal("z9hG4bKback", loop.Vias[0].Branch);

        var spiral = "INVITE sip:202wp@" + ServerHarness.Domain + " SIP/2.0\r\nVia: SIP/2.0/UDP " + phone.LocalEndPoint + ";branch=z9hG4bKspiral;rport\r\n" + text[(lineEnd + 2)..];
        await phone.SendAsync(spiral);
        await ExpectAsync<SipResponse>(phone, r => r.StatusCode == 100 && r.Vias[0].Branch == "z9hG4bKspiral");
    }

    [Fact]
    public async Task Invite_PhoneRegisteredOverTcp_RungOnItsConnection_AckAndByeFollow()
    {
        await using var desk = await TcpPhone.ConnectAsync(_harness.TcpEndPoint);
        Assert.Equal(200, (await desk.RegisterAsync(desk.Register("202wp"))).StatusCode);
        using var caller = _harness.CreatePhone();
        await caller.SendAsync(Invite(caller.LocalEndPoint, "202", "tcp@test", "ctag", "z9hG4bKt1"));
        var invite = (SipRequest)await desk.ReceiveAsync();
        Assert.Equal(SipMethod.Invite, invite.Method);
        Assert.Equal("TCP", invite.Vias[0].Transport);
        await desk.SendAsync(Respond(invite, 180, "Ringing", desk.LocalEndPoint, "desk"));
        await desk.SendAsync(Respond(invite, 200, "OK", desk.LocalEndPoint, "desk", withSdp: true));
        var ok = await ExpectResponseAsync(caller, 200);
        await caller.SendAsync(InDialog("ACK", 1, caller.LocalEndPoint, ok, "z9hG4bKt1ack"));
        Assert.Equal(SipMethod.Ack, ((SipRequest)await desk.ReceiveAsync()).Method);
        await caller.SendAsync(InDialog("BYE", 2, caller.LocalEndPoint, ok, "z9hG4bKt1bye"));
        var bye = (SipRequest)await desk.ReceiveAsync();
        Assert.Equal(SipMethod.Bye, bye.Method);
        await desk.SendAsync(Respond(bye, 200, "OK", desk.LocalEndPoint, "desk"));
        await ExpectAsync<SipResponse>(caller, r => r.StatusCode == 200 && r.CSeq?.Method == SipMethod.Bye);
    }

    [Fact]
    public async Task Bye_ForUnknownDialog_CallDoesNotExist()
    {
        using var caller = _harness.CreatePhone();
        var text = $"BYE sip:202@{ServerHarness.Domain} SIP/2.0\r\nVia: SIP/2.0/UDP {caller.LocalEndPoint};branch=z9hG4bKbye9;rport\r\nMax-Forwards: 70\r\nFrom: <sip:a@x>;tag=a\r\nTo: <sip:202@{ServerHarness.Domain}>;tag=b\r\nCall-ID: nope@test\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
        var response = await caller.RequestAsync(text);
        Assert.Equal(481, response.StatusCode);
    }

    private async Task<UdpPhone> RegisteredPhoneAsync(string user)
    {
        var phone = _harness.CreatePhone();
        var (response, _) = await phone.RegisterAsync(phone.Register(user));
        Assert.Equal(200, response.StatusCode);
        return phone;
    }
}
