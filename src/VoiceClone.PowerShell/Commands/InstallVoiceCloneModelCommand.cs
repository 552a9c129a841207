using System.Management.Automation;
using VoiceClone.Core.Models;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Downloads a Qwen3-TTS model folder (resumable, sha256-checked, installed atomically) for New-VoiceClone -Engine Qwen3.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Install, "VoiceCloneModel", SupportsShouldProcess = true)]
[OutputType(typeof(InstalledModel))]
public sealed class InstallVoiceCloneModelCommand : VoiceCloneCmdlet
{
    // How often the pipeline thread wakes to report download progress.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private (string File, long Done, long? Total) _progress;

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

    /// <summary>Download again over an installed model.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => ModelInstaller.Source;

    protected override void End()
    {
        string folder = Destination is null ? Path.Combine(ModelLocator.InstallRoot(), Name) : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
        List<ModelFile> files = ModelInstaller.Plan(Name, Precision, Source);
        if (!ShouldProcess(folder, $"Download {Name} ({Precision}, {files.Count} files) from {Source?.ToString() ?? "huggingface.co"}")) return;

        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd($"VoiceClone/{ModuleState.Version}");
        var installer = new ModelInstaller(http);
        if (Source is not null)
        {
            Dictionary<string, string> sums = Wait(installer.ReadChecksumsAsync(new Uri(Source.ToString().TrimEnd('/') + "/"), StopToken));
            files = files.Select(f => f with { ExpectedSha256 = sums.GetValueOrDefault(f.RelativePath) }).ToList();
        }
        ModelInstallResult result = Wait(installer.InstallAsync(files, folder, Force, (file, done, total) => _progress = (file, done, total), StopToken));
        WriteProgress(new ProgressRecord(1, $"Install-VoiceCloneModel {Name}", "Done") { RecordType = ProgressRecordType.Completed });
        WriteObject(new InstalledModel
        {
            Name = Name, Precision = Precision, Path = result.Folder, Files = result.Files, Bytes = result.Bytes,
            VerifiedFiles = result.Verified, ResumedFiles = result.Resumed,
        });
    }

    /// <summary>Waits on the pipeline thread, reporting progress and log lines while the download runs elsewhere.</summary>
    private T Wait<T>(Task<T> task)
    {
        while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(ProgressInterval))
        {
            var (file, done, total) = _progress;
            if (file is not null)
            {
                WriteProgress(new ProgressRecord(1, $"Install-VoiceCloneModel {Name}", file)
                {
                    PercentComplete = total is > 0 ? (int)(100 * done / total.Value) : -1,
                    StatusDescription = total is > 0 ? $"{file}: {done / 1048576.0:F1} of {total.Value / 1048576.0:F1} MB" : $"{file}: {done / 1048576.0:F1} MB",
                });
            }
            FlushLogEvents();
        }
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing, $"The download of {Name} failed: {e.Message} (run the command again to resume).", null, e);
        }
    }
}
