using System.Diagnostics;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Models;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Telemetry;

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

    /// <summary>How long a download may receive nothing before it is abandoned (it resumes on the next call).</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);
    // Connecting takes a round trip or two; a server that does not answer in this long is down.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Downloads every file of <paramref name="plan"/> and installs the folder all or nothing; reports each file's progress
    /// with the time left, and keeps a run log (Install-VoiceCloneModel) with each file's size and time.
    /// </summary>
    /// <param name="allowUnverified">Install files the source gives no checksum for (otherwise such a file stops the install).</param>
    public async Task<InstalledModel> InstallAsync(ModelInstallPlan plan, bool overwrite, bool allowUnverified, TimeSpan idleTimeout, string userAgent,
        Action<WorkProgress> progress, CancellationToken cancellation)
    {
        var log = new RunLog("Install-VoiceCloneModel", new Dictionary<string, string?>
        {
            ["name"] = plan.Name, ["precision"] = plan.Precision, ["destination"] = plan.Folder, ["source"] = plan.SourceName,
            ["force"] = overwrite.ToString(), ["allow_unverified"] = allowUnverified.ToString(),
        });
        log.Describe("download", null, plan.Name);
        var run = new DownloadRun(_runtime.Runs.Track(log, RunWritePolicy.FirstItem), progress);
        try
        {
            InstalledModel installed = await Download(plan, overwrite, allowUnverified, idleTimeout, userAgent, run.Report, cancellation).ConfigureAwait(false);
            run.Finish("completed", null);
            return installed;
        }
        catch (OperationCanceledException)
        {
            run.Finish("stopped", null);
            throw;
        }
        catch (VoiceCloneException e)
        {
            run.Finish("failed", e);
            throw;
        }
        finally
        {
            run.Finish("failed", null); // anything else; the first finish wins
        }
    }

    private async Task<InstalledModel> Download(ModelInstallPlan plan, bool overwrite, bool allowUnverified, TimeSpan idleTimeout, string userAgent,
        Action<string, long, long?> progress, CancellationToken cancellation)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // each read has its own idle timeout
        http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var installer = new ModelInstaller(http, idleTimeout);
        IReadOnlyDictionary<string, string> sums = plan.Mirror is null ? new Dictionary<string, string>()
            : await installer.ReadChecksumsAsync(new Uri(plan.Mirror.ToString().TrimEnd('/') + "/"), cancellation).ConfigureAwait(false);
        ModelInstallResult result = await installer.InstallAsync(plan.Files, sums, plan.Folder, overwrite, allowUnverified, progress, cancellation)
            .ConfigureAwait(false);
        return new InstalledModel
        {
            Name = plan.Name, Precision = plan.Precision, Path = result.Folder, Files = result.Files, Bytes = result.Bytes,
            VerifiedFiles = result.Verified, ResumedFiles = result.Resumed,
        };
    }

    /// <summary>One install's files as run-log items (a file ends when the next begins), and their progress with the time left.</summary>
    private sealed class DownloadRun(RunTracker tracker, Action<WorkProgress> progress)
    {
        private string? _file;
        private long _bytes, _fileStart;
        private BatchEta? _eta;

        public void Report(string file, long done, long? total)
        {
            if (file != _file)
            {
                EndFile("completed");
                (_file, _fileStart, _eta) = (file, Stopwatch.GetTimestamp(), new BatchEta(Source));
                tracker.ItemStarted();
            }
            _bytes = done;
            string status = total is > 0 ? $"{file}: {done / 1048576.0:F1} of {total.Value / 1048576.0:F1} MB" : $"{file}: {done / 1048576.0:F1} MB";
            int seconds = total is > 0 ? _eta!.SecondsRemaining(done, total.Value) : -1;
            _eta!.Log($"Downloading {status}", seconds);
            progress(new WorkProgress(status, total is > 0 ? (int)(100 * done / total.Value) : -1, seconds, file));
        }

        public void Finish(string status, VoiceCloneException? error)
        {
            if (error is not null && _file is not null) tracker.Log.Error(_file, error);
            EndFile(status == "completed" ? "completed" : "failed");
            tracker.Finish(status);
        }

        private void EndFile(string status)
        {
            if (_file is null) return;
            tracker.Log.Item(new RunItem
            {
                Name = _file, Status = status, DurationMs = Stopwatch.GetElapsedTime(_fileStart).TotalMilliseconds, Measures = new() { ["bytes"] = _bytes },
            });
            _file = null;
            tracker.Checkpoint();
        }
    }
}

/// <summary>What an install will fetch and where it goes.</summary>
public sealed record ModelInstallPlan(string Name, string Precision, string Folder, Uri? Mirror, IReadOnlyList<ModelFile> Files)
{
    public int FileCount => Files.Count;
    public string SourceName => Mirror?.ToString() ?? "huggingface.co";
}
