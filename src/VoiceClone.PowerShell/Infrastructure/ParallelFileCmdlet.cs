using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// A cmdlet that works on each input file on the thread pool, one per core by default, and writes results, errors and
/// progress from the pipeline thread in input order.
/// </summary>
public abstract class ParallelFileCmdlet<TResult> : FileInputCmdlet
{
    private OrderedWorkQueue<TResult>? _queue;
    private int _done;

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

    protected sealed override void Begin()
    {
        BeginWork();
        _queue = new OrderedWorkQueue<TResult>(ThrottleLimit, WaitFor, StopToken);
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
    }

    private void WriteFinished(bool all)
    {
        foreach (var (file, work) in _queue!.TakeFinished(all))
        {
            if (work.IsFaulted) WriteItemError(work.Exception!, file);
            else WriteObject(Present(work.GetAwaiter().GetResult()));
            _done++;
            FlushLogEvents();
            if (_done > 1 || _queue.Count > 0)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, $"{DoneVerb} {_done} file(s)")
                    { CurrentOperation = System.IO.Path.GetFileName(file) });
            }
        }
    }
}
