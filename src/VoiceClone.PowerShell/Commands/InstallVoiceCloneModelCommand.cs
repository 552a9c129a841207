using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Downloads a Qwen3-TTS model folder (resumable, sha256-checked, installed atomically) for New-VoiceClone -Engine Qwen3.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Install, "VoiceCloneModel", SupportsShouldProcess = true)]
[OutputType(typeof(InstalledModel))]
public sealed class InstallVoiceCloneModelCommand : VoiceCloneCmdlet
{
    /// <summary>Which model.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Qwen3-TTS-12Hz-0.6B-Base", "Qwen3-TTS-12Hz-1.7B-Base")]
    public string Name { get; set; } = "";

    /// <summary>Which export of the graphs.</summary>
    [Parameter]
    [ValidateSet("cpu_fp32", "cpu_fp16", "cpu_int4", "cuda_fp32", "cuda_fp16", "cuda_int4")]
    public string Precision { get; set; } = "cpu_fp32";

    /// <summary>The model folder to create; default: &lt;models folder&gt;/&lt;Name&gt;.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    /// <summary>A mirror holding the same layout (config and tokenizer files at its root, graphs under the precision folder, optionally SHA256SUMS); default: Hugging Face.</summary>
    [Parameter]
    public Uri? Source { get; set; }

    /// <summary>Download again over an installed model (it stays in place until the new one is complete and verified).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Install files the source gives no checksum for; without it such a file stops the install.</summary>
    [Parameter]
    public SwitchParameter AllowUnverified { get; set; }

    /// <summary>Seconds a download may receive nothing before it is abandoned (run the command again to resume).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSeconds { get; set; } = (int)ModelInstallService.DefaultIdleTimeout.TotalSeconds;

    protected override string LogSource => ModelInstallService.Source;

    protected override void End()
    {
        ModelInstallPlan plan = Runtime.Installer.Plan(Name, Precision,
            Destination is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination), Source);
        if (!ShouldProcess(plan.Folder, $"Download {Name} ({Precision}, {plan.FileCount} files) from {plan.SourceName}")) return;
        Task<InstalledModel> install = Runtime.Installer.InstallAsync(plan, Force, AllowUnverified, TimeSpan.FromSeconds(TimeoutSeconds),
            $"VoiceClone/{ModuleState.Version}", ReportProgress, StopToken);
        WaitFor(install);
        InstalledModel installed = install.GetAwaiter().GetResult();
        CompleteProgress();
        WriteObject(installed);
    }
}
