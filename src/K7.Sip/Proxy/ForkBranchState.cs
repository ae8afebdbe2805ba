namespace K7.Sip.Proxy;

/// <summary>Where one branch of a <see cref="CallFork"/> stands.</summary>
internal enum ForkBranchState
{
    /// <summary>The branch has not started yet (its delay has not passed); it may never start.</summary>
    Pending,

    /// <summary>The INVITE was sent; no provisional response other than 100 arrived yet.</summary>
    Trying,

    /// <summary>A provisional response between 101 and 199 arrived (the device rings or plays early media).</summary>
    Ringing,

    /// <summary>The branch answered with a 2xx and won the fork.</summary>
    Answered,

    /// <summary>The branch ended with a 3xx–6xx response, a timeout or a transport error.</summary>
    Failed,

    /// <summary>The fork asked the server to cancel the branch; its final response has not arrived yet.</summary>
    Cancelling,

    /// <summary>The branch ended after being cancelled (487, or a late 2xx that the server hangs up).</summary>
    Cancelled,
}
