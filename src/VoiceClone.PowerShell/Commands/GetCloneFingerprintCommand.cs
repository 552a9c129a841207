using System.Management.Automation;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads clone fingerprints (cloned_&lt;id&gt;.json) back as typed objects.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloneFingerprint", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(CloneFingerprint))]
public sealed class GetCloneFingerprintCommand : FileInputCmdlet
{

    protected override string LogSource => "fingerprint";

    protected override void Begin() =>
        ExecutionMetrics.StateComplexity("Get-CloneFingerprint", LogSource, "O(bytes) per file, each file capped at 1 MiB");

    protected override void Process()
    {
        foreach (string file in InputFiles("*.json"))
        {
            StopToken.ThrowIfCancellationRequested();
            using var metrics = ExecutionMetrics.Start("Get-CloneFingerprint", LogSource, $"path={file}");
            try
            {
                CloneFingerprint fingerprint = FingerprintReader.Read(file);
                metrics.Complete(ResultShape.Object(nameof(CloneFingerprint), fingerprint.Text.Length));
                WriteObject(fingerprint);
            }
            catch (VoiceCloneException e)
            {
                metrics.Fail(e.ErrorId);
                WriteEngineError(e, file);
            }
            FlushLogEvents();
        }
    }
}
