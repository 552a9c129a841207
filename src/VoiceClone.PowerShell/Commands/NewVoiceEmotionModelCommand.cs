using System.Collections.Concurrent;
using System.Management.Automation;
using VoiceClone.Core.Emotion;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Trains an emotion model from labelled recordings and evaluates it leave-one-speaker-out.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceEmotionModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EmotionModelInfo))]
public sealed class NewVoiceEmotionModelCommand : VoiceCloneCmdlet
{
    private const int ProgressActivityId = 0x7C02;
    // How often the pipeline thread wakes to show progress and log lines while training runs on a worker.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The folder the manifest's file paths are relative to.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string DataPath { get; set; } = "";

    /// <summary>CSV with the columns file, speaker (or actor) and emotion.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Manifest { get; set; } = "";

    /// <summary>Folder to write the model to (emotion.zip, emotion.json, metrics.json, confusion_matrix.png).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutputPath { get; set; } = "";

    /// <summary>Labels in the manifest to leave out (for RAVDESS: surprised).</summary>
    [Parameter]
    public string[] ExcludeEmotion { get; set; } = [];

    /// <summary>Seed for the trainer, so the same data gives the same model.</summary>
    [Parameter]
    public int Seed { get; set; } = 1;

    /// <summary>Replace an existing model in OutputPath.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string LogSource => EmotionModelBuilder.Source;

    protected override void End()
    {
        string data = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath);
        string manifest = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest);
        string output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputPath);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !Force)
        {
            ThrowTerminatingError(ErrorRecords.Create(VoiceCloneErrors.OutputExists, $"'{output}' already holds files; add -Force to replace them.", output));
        }
        IReadOnlyList<LabelledClip> clips = EmotionManifest.Read(data, manifest, ExcludeEmotion);
        if (!ShouldProcess(output, $"Train an emotion model on {clips.Count} recordings and write it")) return;

        // Written beside the destination and moved into place at the end: a stop or failure leaves no half model.
        string staging = output.TrimEnd(System.IO.Path.DirectorySeparatorChar) + $".tmp-{Guid.NewGuid():N}";
        var progress = new ConcurrentQueue<ProgressRecord>();
        var work = Task.Run(() => EmotionModelBuilder.Build(clips, staging, Seed, trainedOn: $"{manifest} ({clips.Count} recordings)", licence: "inherits the licence of the training data",
            (stage, done, total, eta) => progress.Enqueue(new ProgressRecord(ProgressActivityId, "New-VoiceEmotionModel", $"{stage}: {done}/{total}")
            {
                PercentComplete = total > 0 ? Math.Min(100, 100 * done / total) : -1,
                SecondsRemaining = double.IsNaN(eta) ? -1 : (int)eta,
            }), StopToken), StopToken);
        try
        {
            while (!work.Wait(PollInterval, StopToken))
            {
                ProgressRecord? latest = null;
                while (progress.TryDequeue(out var p)) latest = p;
                if (latest is not null) WriteProgress(latest);
                FlushLogEvents();
            }
            EmotionMetrics metrics = work.GetAwaiter().GetResult();
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
            Directory.Move(staging, output);
            WriteProgress(new ProgressRecord(ProgressActivityId, "New-VoiceEmotionModel", "Done") { RecordType = ProgressRecordType.Completed });
            WriteObject(new EmotionModelInfo
            {
                Path = output,
                UnweightedAccuracy = metrics.UnweightedAccuracy,
                WeightedAccuracy = metrics.WeightedAccuracy,
                ExpectedCalibrationError = metrics.ExpectedCalibrationError,
                Recall = metrics.Labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => metrics.Recall[x.i]),
                Clips = clips.Count,
                Speakers = clips.Select(c => c.Speaker).Distinct().Count(),
                MetricsPath = System.IO.Path.Combine(output, EmotionModelBuilder.MetricsFile),
                ConfusionMatrixPath = System.IO.Path.Combine(output, EmotionModelBuilder.ConfusionMatrixFile),
            });
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
