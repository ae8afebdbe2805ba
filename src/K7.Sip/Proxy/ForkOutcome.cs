namespace K7.Sip.Proxy;

/// <summary>How a <see cref="CallFork"/> ended.</summary>
internal enum ForkOutcome
{
    /// <summary>The fork is still running.</summary>
    None,

    /// <summary>One branch answered (<see cref="CallFork.AnsweredBranch"/>).</summary>
    Answered,

    /// <summary>Every branch failed and at least one said busy (486, 600 or 603).</summary>
    Busy,

    /// <summary>The ring timeout passed without an answer.</summary>
    NoAnswer,

    /// <summary>Every branch failed without a busy response, or a 6xx other than 600/603 ended the fork.</summary>
    Failed,

    /// <summary>The caller cancelled the call.</summary>
    CallerCancelled,

    /// <summary>There was nothing to ring.</summary>
    NoTargets,
}
