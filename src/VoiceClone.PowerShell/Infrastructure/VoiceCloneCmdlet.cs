using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell;

/// <summary>
/// What every VoiceClone cmdlet shares: the module's runtime; log events raised by its own work come back to it and are
/// written to PowerShell's streams on the pipeline thread; engine errors become ErrorRecords; Ctrl+C cancels
/// <see cref="StopToken"/>; and one loop waits for long work while showing its progress and log lines.
/// </summary>
public abstract class VoiceCloneCmdlet : PSCmdlet
{
    // How often the pipeline thread wakes, while work runs elsewhere, to show progress and log lines.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly LogCapture _logEvents = ModuleState.Runtime.Logs.Capture();
    private readonly CancellationTokenSource _stop = new();
    private WorkProgress? _latestProgress;
    private bool _abandoned;

    /// <summary>The module's one owner of warm state and entry point to every capability.</summary>
    internal static VoiceCloneRuntime Runtime => ModuleState.Runtime;

    /// <summary>Cancelled by StopProcessing (Ctrl+C, Select-Object -First upstream of nothing, pipeline stop).</summary>
    protected CancellationToken StopToken => _stop.Token;

    /// <summary>Short tag for this cmdlet's log lines, e.g. "fingerprint".</summary>
    protected abstract string LogSource { get; }

    /// <summary>The progress activity of this cmdlet: one id per cmdlet, the same in every process.</summary>
    protected int ProgressActivityId => GetType().Name.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)) & 0x7FFF;

    protected sealed override void BeginProcessing() => Run(Begin);
    protected sealed override void ProcessRecord() => Run(Process);
    protected sealed override void EndProcessing() => Run(End);
    protected override void StopProcessing() => _stop.Cancel();

    protected virtual void Begin() { }
    protected virtual void Process() { }
    protected virtual void End() { }

    /// <summary>Reports progress from any thread; the pipeline thread shows the latest while it waits.</summary>
    protected void ReportProgress(WorkProgress progress) => Volatile.Write(ref _latestProgress, progress);

    /// <summary>
    /// Waits on the pipeline thread for <paramref name="work"/>, waking every 250 ms to show the latest progress and the
    /// log lines raised meanwhile; a stop cancels the wait. The work's own failure is left in the task for the caller.
    /// </summary>
    protected void WaitFor(Task work)
    {
        while (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(PollInterval))
        {
            StopToken.ThrowIfCancellationRequested();
            if (Interlocked.Exchange(ref _latestProgress, null) is { } progress) WriteProgress(Record(progress));
            FlushLogEvents();
        }
        StopToken.ThrowIfCancellationRequested();
    }

    /// <summary>The latest progress as a record of this cmdlet's activity.</summary>
    protected ProgressRecord Record(WorkProgress progress) => new(ProgressActivityId, MyInvocation.MyCommand.Name, progress.Status)
    {
        PercentComplete = progress.PercentComplete,
        SecondsRemaining = progress.SecondsRemaining,
        CurrentOperation = progress.CurrentOperation,
    };

    protected void CompleteProgress() =>
        WriteProgress(new ProgressRecord(ProgressActivityId, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });

    /// <summary>Writes what the engine logged so far; call between long steps to keep -Verbose live.</summary>
    protected void FlushLogEvents()
    {
        foreach (ModuleLogEvent e in _logEvents.Drain())
        {
            string text = $"[{e.Source}] {e.Message}";
            switch (e.Level)
            {
                case ModuleLogLevel.Debug:
                case ModuleLogLevel.Error:
                    WriteDebug(text);
                    break;
                case ModuleLogLevel.Information:
                    WriteVerbose(text);
                    break;
                case ModuleLogLevel.Metric:
                    WriteInformation(new InformationRecord(text, $"VoiceClone.{e.Source}") { Tags = { "VoiceClone", "Metrics", e.Source } });
                    break;
                case ModuleLogLevel.Warning:
                    WriteWarning(e.Message);
                    break;
            }
        }
    }

    /// <summary>Non-terminating: the rest of the batch goes on.</summary>
    protected void WriteEngineError(VoiceCloneException e, object? target)
    {
        Runtime.Logs.Write(ModuleLogLevel.Error, LogSource, $"{e.ErrorId}: {e.Message}", e.InnerException);
        WriteError(ErrorRecords.From(e, target));
    }

    /// <summary>
    /// One input's failure, whatever it was, as a non-terminating error: the module's own errors with their ids, anything
    /// else as UnexpectedError with its stack trace in the log. A stop is not an input's failure and passes through.
    /// </summary>
    protected void WriteItemError(Exception e, object? target)
    {
        if (e is AggregateException { InnerException: { } inner }) e = inner;
        if (e is OperationCanceledException && StopToken.IsCancellationRequested) throw e;
        if (e is VoiceCloneException known)
        {
            WriteEngineError(known, target);
            return;
        }
        Runtime.Logs.Write(ModuleLogLevel.Error, LogSource, $"Unexpected failure on '{target}'", e);
        WriteError(ErrorRecords.Create(VoiceCloneErrors.UnexpectedError,
            $"'{target}' failed unexpectedly: {e.Message} (stack trace in {Runtime.Logs.FilePath ?? "the log"}); the rest of the batch goes on.",
            target, e));
    }

    private void Run(Action step)
    {
        if (_abandoned) return; // the call already failed as a whole: later pipeline objects find nothing to do
        try
        {
            using (_logEvents.Activate())
            {
                step();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Runtime.Logs.Write(ModuleLogLevel.Warning, LogSource, "Stopped by the user; nothing partial was written.");
            throw new PipelineStoppedException();
        }
        catch (VoiceCloneException e)
        {
            FlushLogEvents();
            Runtime.Logs.Write(ModuleLogLevel.Error, LogSource, $"{e.ErrorId}: {e.Message}", e.InnerException);
            FailCall(ErrorRecords.From(e, e.TargetPath));
        }
        catch (Exception e) when (e is not (PipelineStoppedException or ActionPreferenceStopException or RuntimeException
            or PSInvalidOperationException))
        {
            Runtime.Logs.Write(ModuleLogLevel.Error, LogSource, $"Unexpected failure in {MyInvocation.MyCommand.Name}", e);
            FlushLogEvents();
            FailCall(ErrorRecords.Create(VoiceCloneErrors.UnexpectedError,
                $"{MyInvocation.MyCommand.Name} failed unexpectedly: {e.Message} (details in {Runtime.Logs.FilePath ?? "the log"})", null, e));
        }
        FlushLogEvents();
    }

    /// <summary>
    /// The whole call cannot go on. Under -ErrorAction Stop (or $ErrorActionPreference = 'Stop') the error is written, which
    /// stops the script as Stop promises, so a scheduled `pwsh -File` job exits non-zero; otherwise it is a terminating
    /// error of this statement, as PowerShell's own cmdlets raise one, which try/catch sees.
    /// </summary>
    private void FailCall(ErrorRecord record)
    {
        _abandoned = true;
        if (ErrorsStop()) WriteError(record);
        ThrowTerminatingError(record);
    }

    private bool ErrorsStop()
    {
        object? preference = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out object? bound) ? bound : GetVariableValue("ErrorActionPreference");
        return preference is ActionPreference.Stop || string.Equals(preference?.ToString(), nameof(ActionPreference.Stop), StringComparison.OrdinalIgnoreCase);
    }
}
