namespace K7.Sip.Proxy;

/// <summary>One thing the server must do for a <see cref="CallFork"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Branch">The branch concerned; for <see cref="ForkActionKind.Finish"/>, the answered branch or -1.</param>
/// <param name="StatusCode">
/// The response status for <see cref="ForkActionKind.RelayProvisional"/>, <see cref="ForkActionKind.Answer"/> and
/// <see cref="ForkActionKind.HangUpLateAnswer"/>; <see cref="CallFork.FinalStatusCode"/> for
/// <see cref="ForkActionKind.Finish"/>; 0 otherwise.
/// </param>
/// <param name="Outcome">The outcome for <see cref="ForkActionKind.Finish"/>; <see cref="ForkOutcome.None"/> otherwise.</param>
internal readonly record struct ForkAction(ForkActionKind Kind, int Branch, int StatusCode, ForkOutcome Outcome);
