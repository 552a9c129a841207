namespace VoiceClone.PowerShell;

/// <summary>
/// Runs per-item work on the thread pool, at most <c>maxInFlight</c> at a time, and hands results back in input order to
/// the pipeline thread, which alone may call WriteObject/WriteError/WriteProgress. Worker tasks inherit the caller's
/// log-capture scope, so their log events reach this cmdlet.
/// </summary>
/// <param name="maxInFlight">How many items run at once.</param>
/// <param name="wait">How the pipeline thread waits for a task (the cmdlet's polling loop); it throws on a stop.</param>
/// <param name="stop">Cancels the work not yet started and the waiting.</param>
internal sealed class OrderedWorkQueue<TResult>(int maxInFlight, Action<Task> wait, CancellationToken stop)
{
    private readonly Queue<(string Item, Task<TResult> Work)> _pending = new();

    public int Count => _pending.Count;

    public void Enqueue(string item, Func<TResult> work) => _pending.Enqueue((item, Task.Run(work, stop)));

    /// <summary>
    /// Finished results, oldest first: those already done, waiting for more while the queue is full, or for all of them
    /// when <paramref name="all"/> is set. Cancellation surfaces as OperationCanceledException.
    /// </summary>
    public IEnumerable<(string Item, Task<TResult> Work)> TakeFinished(bool all)
    {
        while (_pending.Count > 0)
        {
            var (item, work) = _pending.Peek();
            bool mustWait = all || _pending.Count >= maxInFlight;
            if (!work.IsCompleted)
            {
                if (!mustWait) yield break;
                try { wait(work); }
                catch (AggregateException) { /* the caller reads the fault from the task */ }
            }
            stop.ThrowIfCancellationRequested();
            _pending.Dequeue();
            yield return (item, work);
        }
    }
}
