using System.Management.Automation;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell;

/// <summary>
/// What every VoiceClone cmdlet shares: log events raised by its own work come back to it and are
/// written to PowerShell's streams on the pipeline thread; engine errors become ErrorRecords; Ctrl+C
/// cancels <see cref="StopToken"/>.
/// </summary>
public abstract class VoiceCloneCmdlet : PSCmdlet
{
    private readonly LogForwarding _logEvents = new();
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Cancelled by StopProcessing (Ctrl+C, Select-Object -First upstream of nothing, pipeline stop).</summary>
    protected CancellationToken StopToken => _stop.Token;

    /// <summary>Short tag for this cmdlet's log lines, e.g. "fingerprint".</summary>
    protected abstract string LogSource { get; }

    protected sealed override void BeginProcessing() => Run(Begin);
    protected sealed override void ProcessRecord() => Run(Process);
    protected sealed override void EndProcessing() => Run(End);
    protected override void StopProcessing() => _stop.Cancel();

    protected virtual void Begin() { }
    protected virtual void Process() { }
    protected virtual void End() { }

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
        ModuleLog.Write(ModuleLogLevel.Error, LogSource, $"{e.ErrorId}: {e.Message}", e.InnerException);
        WriteError(ErrorRecords.From(e, target));
    }

    private void Run(Action step)
    {
        try
        {
            using (_logEvents.Activate())
            {
                step();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            ModuleLog.Write(ModuleLogLevel.Warning, LogSource, "Stopped by the user; nothing partial was written.");
            throw new PipelineStoppedException();
        }
        catch (VoiceCloneException e)
        {
            FlushLogEvents();
            ModuleLog.Write(ModuleLogLevel.Error, LogSource, $"{e.ErrorId}: {e.Message}", e.InnerException);
            ThrowTerminatingError(ErrorRecords.From(e, e.TargetPath));
        }
        catch (Exception e) when (e is not (PipelineStoppedException or ActionPreferenceStopException or RuntimeException))
        {
            ModuleLog.Write(ModuleLogLevel.Error, LogSource, $"Unexpected failure in {MyInvocation.MyCommand.Name}", e);
            FlushLogEvents();
            ThrowTerminatingError(ErrorRecords.Create(VoiceCloneErrors.UnexpectedError,
                $"{MyInvocation.MyCommand.Name} failed unexpectedly: {e.Message} (details in {ModuleLog.FilePath ?? "the log"})", null, e));
        }
        FlushLogEvents();
    }
}
