using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>
/// A batch's progress as the caller shows it: "<verb> 12 of 40", the share done, and the seconds left from
/// <see cref="BatchEta"/> (the one estimate every long command uses), with an "ETA" line in the log for long batches.
/// Not thread-safe: the caller reports from one thread.
/// </summary>
public sealed class BatchProgress
{
    private readonly BatchEta _eta;
    private readonly string _verb;

    /// <param name="source">The log source the ETA lines carry.</param>
    /// <param name="verb">What is done to each item, e.g. "Analysed", "Cloned".</param>
    public BatchProgress(string source, string verb)
    {
        _eta = new BatchEta(source);
        _verb = verb;
    }

    /// <param name="total">Items known so far (a pipeline may bring more).</param>
    public WorkProgress Next(int done, int total, string? current)
    {
        int seconds = _eta.SecondsRemaining(done, total);
        string status = $"{_verb} {done} of {total}";
        _eta.Log(status, seconds);
        return new WorkProgress(status, total > 0 ? Math.Min(100, 100 * done / total) : -1, seconds, current);
    }
}
