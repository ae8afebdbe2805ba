using K7.Sip.Transactions;
using NodaTime;

namespace K7.Sip.Proxy;

/// <summary>One branch of a fork: a registered contact (or a URI), its INVITE client transaction and what came back.</summary>
internal sealed class ProxyBranch(ProxyCall call, int index, SipUri uri, ResponseTarget target, IReadOnlyList<string> path, string device, Duration delay)
    : IInviteClientSink<SipResponse>
{
    public ProxyCall Call { get; } = call;

    public int Index { get; } = index;

    public SipUri Uri { get; } = uri;

    public ResponseTarget Target { get; } = target;

    public IReadOnlyList<string> Path { get; } = path;

    public string Device { get; } = device;

    public Duration Delay { get; } = delay;

    public ProxyCall.ForkPhase Phase { get; set; } = null!;

    public SipRequest? Request { get; set; }

    public TransactionKey Key { get; set; }

    public SipResponse? LastProvisional { get; set; }

    public SipResponse? Final { get; set; }

    public bool GotProvisional { get; set; }

    public bool CancelPending { get; set; }

    public bool CancelSent { get; set; }

    public bool Answered { get; set; }

    public bool AnswerConfirmation { get; init; }

    public void OnProvisional(int statusCode, SipResponse response) => Call.OnBranchProvisional(this, statusCode, response);

    public void OnFinal(int statusCode, SipResponse response) => Call.OnBranchFinal(this, statusCode, response);

    public void On2xxRetransmission(SipResponse response) => Call.On2xxRetransmission(this, response);

    public void OnTimeout() => Call.OnBranchTimeout(this);

    public void OnTransportError() => Call.OnBranchTransportError(this);
}
