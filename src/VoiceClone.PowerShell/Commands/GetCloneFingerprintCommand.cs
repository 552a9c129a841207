using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Reads clone fingerprints (cloned_&lt;id&gt;.json) back as typed objects.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "CloneFingerprint", DefaultParameterSetName = LiteralPathSet)]
[OutputType(typeof(CloneFingerprint))]
[OutputType(typeof(PSObject))]
public sealed class GetCloneFingerprintCommand : BatchFileCmdlet
{
    /// <summary>Emit one row of scalar columns per file instead of the typed object: ready for Export-Csv and spreadsheets.</summary>
    [Parameter]
    public SwitchParameter Flat { get; set; }

    protected override string LogSource => FingerprintService.Source;

    protected override void Process()
    {
        foreach (string file in InputFiles(InputPatterns.Fingerprints))
        {
            StopToken.ThrowIfCancellationRequested();
            try
            {
                CloneFingerprint fingerprint = Runtime.Fingerprints.Read(file);
                WriteObject(Flat ? FlatRecord.From(fingerprint) : fingerprint);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                WriteItemError(e, file);
            }
            FlushLogEvents();
        }
    }
}
