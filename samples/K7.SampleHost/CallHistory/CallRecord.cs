using K7.Sip.Proxy;
using NodaTime;

namespace K7.SampleHost.CallHistory;

/// <summary>Whether a record is the called user's (inbound) or the calling user's (outbound).</summary>
internal enum CallDirection
{
    Inbound = 0,
    Outbound = 1,
}

/// <summary>The "Call Type" filter of the Call History page.</summary>
internal enum CallType
{
    Inbound = 0,
    Outbound = 1,
    Missed = 2,
    Answered = 3,
    Voicemail = 4,
    Forwarded = 5,
    Rejected = 6,
}

/// <summary>One line of a user's call history: one call as one party saw it.</summary>
/// <param name="Id">The record's identifier.</param>
/// <param name="User">The extension whose history this is.</param>
/// <param name="CallId">The SIP Call-ID (one call gives at most one record per user and direction).</param>
/// <param name="Direction">Inbound for the called user, outbound for the calling user.</param>
/// <param name="CallerNumber">The caller's number (the From user part; empty when the caller gave none).</param>
/// <param name="CallerName">The caller's name from the contact directory, when the number is known.</param>
/// <param name="DialedNumber">The number that was called.</param>
/// <param name="AnsweredBy">The device that answered (<c>202wp</c>), if any.</param>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Start">When the call arrived.</param>
/// <param name="DurationSeconds">Talk time in whole seconds (0 when not answered).</param>
internal sealed record CallRecord(
    string Id,
    string User,
    string CallId,
    CallDirection Direction,
    string CallerNumber,
    string? CallerName,
    string DialedNumber,
    string? AnsweredBy,
    CallOutcome Outcome,
    Instant Start,
    long DurationSeconds)
{
    /// <summary>Whether the record is of the given call type.</summary>
    public bool Is(CallType type) => type switch
    {
        CallType.Inbound => Direction == CallDirection.Inbound,
        CallType.Outbound => Direction == CallDirection.Outbound,
        CallType.Missed => Direction == CallDirection.Inbound && Outcome is CallOutcome.NoAnswer or CallOutcome.Busy or CallOutcome.Offline or CallOutcome.Cancelled,
        CallType.Answered => Outcome == CallOutcome.Answered,
        CallType.Voicemail => Outcome == CallOutcome.Voicemail,
        CallType.Forwarded => Outcome == CallOutcome.Forwarded,
        CallType.Rejected => Outcome == CallOutcome.Rejected,
        _ => false,
    };
}

/// <summary>A search of one user's call history; newest first.</summary>
internal sealed record CallHistoryQuery
{
    public const int MaxTake = 500;

    /// <summary>Calls that started at or after this instant.</summary>
    public Instant? From { get; init; }

    /// <summary>Calls that started before this instant (exclusive).</summary>
    public Instant? Until { get; init; }

    /// <summary>Calls whose caller number contains this text.</summary>
    public string? CallerNumber { get; init; }

    /// <summary>Calls whose dialed number contains this text.</summary>
    public string? DialedNumber { get; init; }

    /// <summary>Calls of this type.</summary>
    public CallType? Type { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

/// <summary>A page of records and how many match in all.</summary>
internal sealed record CallHistoryPage(IReadOnlyList<CallRecord> Items, int Total);
