using NodaTime;

namespace K7.Routing;

/// <summary>One destination that rings, when it starts, and whether an answer must be confirmed.</summary>
/// <param name="Destination">A device, all devices of a user, another user, or an off-net number.</param>
/// <param name="Delay">How long after the call arrives this destination starts ringing.</param>
/// <param name="AnswerConfirmation">Whether the callee must confirm the answer ("press 1 to accept this call"); off-net numbers only.</param>
public sealed record RingLeg(Destination Destination, Duration Delay, bool AnswerConfirmation);
