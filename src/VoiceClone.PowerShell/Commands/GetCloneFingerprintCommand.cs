using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads clone fingerprints (cloned_&lt;id&gt;.json) back as typed objects.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloneFingerprint", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(CloneFingerprint))]
public sealed class GetCloneFingerprintCommand : FileInputCmdlet
{
    protected override string LogSource => FingerprintService.Source;

    protected override void Process()
    {
        foreach (string file in InputFiles(InputPatterns.Fingerprints))
        {
            StopToken.ThrowIfCancellationRequested();
            try
            {
                WriteObject(Runtime.Fingerprints.Read(file));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WriteItemError(e, file);
            }
            FlushLogEvents();
        }
    }
}
