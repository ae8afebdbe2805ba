namespace K7.Sip.Proxy;

/// <summary>
/// The two answering-rule features that need media, carried out by the host (a media server, an IVR): call screening
/// and off-net answer confirmation. The proxy signals; the host plays prompts, records and collects digits.
/// </summary>
/// <remarks>
/// Register an implementation in DI (or pass it to <see cref="SipServer"/>) to turn the features on. Without one, a
/// rule's screening is skipped (the phones ring at once) and off-net answers are accepted as they come, both logged.
/// Calls into the hooks are asynchronous and may take as long as the prompt takes; the caller keeps hearing ringing,
/// and a CANCEL from the caller ends the call whatever the hook later returns.
/// </remarks>
public interface ICallMediaHooks
{
    /// <summary>
    /// Screens a caller before the phones ring (the rule's "Call screening"): typically asks the caller's name, then
    /// lets the call through. Return <see langword="false"/> to refuse the call (the caller gets 603 Decline).
    /// </summary>
    /// <param name="context">The call.</param>
    /// <param name="cancellationToken">Cancelled when the caller hangs up.</param>
    /// <returns>Whether the phones should ring.</returns>
    ValueTask<bool> ScreenAsync(CallHookContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Confirms an answer from an off-net number rung with "answer confirmation" (a cell phone's voicemail must not
    /// take the call): typically plays "press 1 to accept" on that leg. Return <see langword="false"/> to treat the
    /// answer as a decline: that leg is hung up and the other phones keep ringing.
    /// </summary>
    /// <param name="context">The call, with <see cref="CallHookContext.Device"/> the answering number.</param>
    /// <param name="cancellationToken">Cancelled when the caller hangs up or another phone answers.</param>
    /// <returns>Whether the answer stands.</returns>
    ValueTask<bool> ConfirmAnswerAsync(CallHookContext context, CancellationToken cancellationToken);
}
