using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// A cmdlet that works on each input file on the thread pool, one per core by default, and writes results, errors and
/// progress (with the time left) from the pipeline thread in input order; its batch's run log is finished however the
/// call ends.
/// </summary>
public abstract class ParallelFileCmdlet<TResult> : FileInputCmdlet, IDisposable
{
    private OrderedWorkQueue<TResult>? _queue;
    private BatchProgress? _progress;
    private int _done, _failed;

    /// <summary>How many files to work on at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Called on the pipeline thread for each file, while this pipeline object's parameters are bound; returns the
    /// work to run on a worker thread, which must not touch PowerShell or read the cmdlet's parameters.
    /// </summary>
    protected abstract Func<TResult> PlanWork(string file);

    /// <summary>Which files of a folder given as input are taken: recordings, unless the cmdlet reads something else.</summary>
    protected virtual IReadOnlyList<string> FolderPatterns => InputPatterns.Audio;

    /// <summary>What the progress line says is done, e.g. "Analysed".</summary>
    protected virtual string DoneVerb => "Analysed";

    /// <summary>The batch's run, once <see cref="BeginWork"/> prepared it.</summary>
    protected abstract BatchRun? Run { get; }

    protected sealed override void Begin()
    {
        BeginWork();
        _queue = new OrderedWorkQueue<TResult>(ThrottleLimit, WaitFor, StopToken);
        _progress = new BatchProgress(LogSource, DoneVerb);
    }

    protected virtual void BeginWork() { }

    /// <summary>What is written for a result: the result itself, unless the cmdlet offers another shape (-Flat).</summary>
    protected virtual object? Present(TResult result) => result;

    protected sealed override void Process()
    {
        foreach (string file in InputFiles(FolderPatterns))
        {
            _queue!.Enqueue(file, PlanWork(file));
            WriteFinished(all: false);
        }
    }

    protected sealed override void End()
    {
        WriteFinished(all: true);
        if (_done > 1) CompleteProgress();
        Run?.Finish(_failed == 0 ? "completed" : "completed_with_errors");
    }

    /// <summary>Ctrl+C: the run log is finished at once, since the pipeline may be disposed much later.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        Run?.Finish("stopped");
    }

    /// <summary>However the pipeline ended: a run not finished by End or a stop failed.</summary>
    public void Dispose() => Run?.Finish(Stopping || StopToken.IsCancellationRequested ? "stopped" : "failed");

    private void WriteFinished(bool all)
    {
        foreach (var (file, work) in _queue!.TakeFinished(all))
        {
            if (work.IsFaulted)
            {
                _failed++;
                WriteItemError(work.Exception!, file);
            }
            else WriteObject(Present(work.GetAwaiter().GetResult()));
            _done++;
            FlushLogEvents();
            // Files still queued or running count towards the total: a pipeline may bring more later.
            if (_done > 1 || _queue.Count > 0) WriteProgress(Record(_progress!.Next(_done, _done + _queue.Count, System.IO.Path.GetFileName(file))));
        }
    }
}
