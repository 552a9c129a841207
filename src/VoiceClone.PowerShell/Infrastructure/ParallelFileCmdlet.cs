using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// A cmdlet that works on each input file on the thread pool, one per core by default, and writes results, errors and
/// progress (with the time left) from the pipeline thread in input order. Its inputs may come from a manifest and be a shard
/// of a batch, its results may go to a folder (-ResultPath) that a re-run resumes from, and its batch's run log is finished
/// however the call ends.
/// </summary>
public abstract class ParallelFileCmdlet<TResult> : BatchFileCmdlet, IDisposable where TResult : notnull
{
    protected const string ManifestSet = "Manifest";
    private OrderedWorkQueue<(TResult Result, string Key)>? _queue;
    private BatchResults? _results;
    private BatchProgress? _progress;
    private bool _manifestRead;
    private int _done, _failed, _skipped;

    /// <summary>How many files to work on at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>A CSV of the batch's inputs: a path column (relative to the manifest's folder) and an optional text column.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ManifestSet)]
    [ValidateNotNullOrEmpty]
    public string Manifest { get; set; } = "";

    /// <summary>A folder for the results as JSON Lines, one file per task; inputs whose results are there already are skipped.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ResultPath { get; set; }

    /// <summary>With -ResultPath: emit each result as well.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Called on the pipeline thread for each file, while this pipeline object's parameters are bound; returns the
    /// work to run on a worker thread, which must not touch PowerShell or read the cmdlet's parameters.
    /// </summary>
    /// <param name="file">The input file.</param>
    /// <param name="manifestText">The text column of the file's manifest row, if any.</param>
    protected abstract Func<TResult> PlanWork(string file, string? manifestText);

    /// <summary>What -ResultPath holds for this cmdlet.</summary>
    protected abstract BatchResultKind ResultKind { get; }

    /// <summary>Which files of a folder given as input are taken: recordings, unless the cmdlet reads something else.</summary>
    protected virtual IReadOnlyList<string> FolderPatterns => InputPatterns.Audio;

    /// <summary>What the progress line says is done, e.g. "Analysed".</summary>
    protected virtual string DoneVerb => "Analysed";

    /// <summary>The batch's run, once <see cref="BeginWork"/> prepared it.</summary>
    protected abstract BatchRun? Run { get; }

    protected override bool KeysMatter => base.KeysMatter || ResultPath is not null;

    protected sealed override void Begin()
    {
        bool manifest = ParameterSetName == ManifestSet;
        if (manifest && ShardRoot is not null)
        {
            throw new VoiceCloneException(VoiceCloneErrors.BatchShardInvalid,
                "-ShardRoot is for -Path inputs; a manifest's rows are keyed by their paths relative to the manifest and shared out by row. Leave out -ShardRoot.");
        }
        _ = Shard; // a bad shard stops the call here
        if (PassThru && ResultPath is null) WriteWarning("-PassThru only matters with -ResultPath: without it every result is emitted anyway.");
        BeginWork();
        if (ResultPath is not null)
        {
            _results = Runtime.Batches.OpenResults(SessionState.Path.GetUnresolvedProviderPathFromPSPath(ResultPath), ResultKind, manifest, Shard);
        }
        _queue = new OrderedWorkQueue<(TResult, string)>(ThrottleLimit, WaitFor, StopToken);
        _progress = new BatchProgress(LogSource, DoneVerb);
    }

    protected virtual void BeginWork() { }

    /// <summary>What is written for a result: the result itself, unless the cmdlet offers another shape (-Flat).</summary>
    protected virtual object? Present(TResult result) => result;

    protected sealed override void Process()
    {
        if (ParameterSetName != ManifestSet)
        {
            foreach (string file in InputFiles(FolderPatterns)) Enqueue(file, KeyOf(file), null);
            return;
        }
        if (_manifestRead) return; // the manifest is the input: pipeline objects bind only -Text
        _manifestRead = true;
        string manifest = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest);
        foreach (BatchItem item in Runtime.Batches.ReadAnalysisManifest(manifest, Shard)) Enqueue(item.Path, item.Key, item.Text);
    }

    private void Enqueue(string file, string key, string? text)
    {
        if (_results?.IsDone(key) == true)
        {
            _skipped++;
            return;
        }
        Func<TResult> work = PlanWork(file, text);
        _queue!.Enqueue(file, () => (work(), key));
        WriteFinished(all: false);
    }

    protected sealed override void End()
    {
        WriteFinished(all: true);
        if (_done > 1) CompleteProgress();
        Run?.Finish(_failed == 0 ? "completed" : "completed_with_errors");
        if (_results is null) return;
        if (_skipped > 0) WriteVerbose($"Skipped {_skipped} input(s) whose results were already in {_results.Folder}");
        if (_results.FilePath is { } file) WriteVerbose($"Results of this run: {file}");
    }

    /// <summary>Ctrl+C: the run log is finished at once, since the pipeline may be disposed much later.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        Run?.Finish("stopped");
    }

    /// <summary>However the pipeline ended: a run not finished by End or a stop failed; the results file is closed.</summary>
    public void Dispose()
    {
        Run?.Finish(Stopping || StopToken.IsCancellationRequested ? "stopped" : "failed");
        _results?.Dispose();
    }

    private void WriteFinished(bool all)
    {
        foreach (var (file, work) in _queue!.TakeFinished(all))
        {
            if (work.IsFaulted)
            {
                _failed++;
                WriteItemError(work.Exception!, file);
            }
            else
            {
                var (result, key) = work.GetAwaiter().GetResult();
                _results?.Append(key, result);
                if (_results is null || PassThru) WriteObject(Present(result));
            }
            _done++;
            FlushLogEvents();
            // Files still queued or running count towards the total: a pipeline may bring more later.
            if (_done > 1 || _queue.Count > 0) WriteProgress(Record(_progress!.Next(_done, _done + _queue.Count, System.IO.Path.GetFileName(file))));
        }
    }
}
