using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Runtime;

/// <summary>The model-install capability: downloading a Qwen3-TTS model folder, resumable and checksum-verified.</summary>
public sealed class ModelInstallService
{
    public const string Source = ModelInstaller.Source;
    private readonly VoiceCloneRuntime _runtime;

    internal ModelInstallService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>Where models are installed by default.</summary>
    public string InstallRoot => _runtime.Models.InstallRoot();

    /// <param name="destination">The model folder to create; null: &lt;install root&gt;/&lt;name&gt;.</param>
    /// <param name="mirror">A mirror with the same layout (and optionally SHA256SUMS); null: Hugging Face.</param>
    public ModelInstallPlan Plan(string name, string precision, string? destination, Uri? mirror) =>
        new(name, precision, Path.GetFullPath(destination ?? Path.Combine(InstallRoot, name)), mirror, Qwen3Downloads.Plan(name, precision, mirror));

    /// <summary>Downloads every file of <paramref name="plan"/>; reports (file, bytes so far, total bytes when known) as it goes.</summary>
    public async Task<InstalledModel> InstallAsync(ModelInstallPlan plan, bool overwrite, string userAgent, Action<WorkProgress> progress,
        CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var installer = new ModelInstaller(http);
        IReadOnlyList<ModelFile> files = plan.Files;
        try
        {
            if (plan.Mirror is not null)
            {
                Dictionary<string, string> sums = await installer.ReadChecksumsAsync(new Uri(plan.Mirror.ToString().TrimEnd('/') + "/"), cancellation)
                    .ConfigureAwait(false);
                files = files.Select(f => f with { ExpectedSha256 = sums.GetValueOrDefault(f.RelativePath) }).ToList();
            }
            ModelInstallResult result = await installer.InstallAsync(files, plan.Folder, overwrite,
                (file, done, total) => progress(Describe(file, done, total)), cancellation).ConfigureAwait(false);
            return new InstalledModel
            {
                Name = plan.Name, Precision = plan.Precision, Path = result.Folder, Files = result.Files, Bytes = result.Bytes,
                VerifiedFiles = result.Verified, ResumedFiles = result.Resumed,
            };
        }
        catch (HttpRequestException e)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                $"The download of {plan.Name} failed: {e.Message} (run the command again to resume).", null, e);
        }
    }

    private static WorkProgress Describe(string file, long done, long? total) => new(
        total is > 0 ? $"{file}: {done / 1048576.0:F1} of {total.Value / 1048576.0:F1} MB" : $"{file}: {done / 1048576.0:F1} MB",
        total is > 0 ? (int)(100 * done / total.Value) : -1, CurrentOperation: file);
}

/// <summary>What an install will fetch and where it goes.</summary>
public sealed record ModelInstallPlan(string Name, string Precision, string Folder, Uri? Mirror, IReadOnlyList<ModelFile> Files)
{
    public int FileCount => Files.Count;
    public string SourceName => Mirror?.ToString() ?? "huggingface.co";
}
