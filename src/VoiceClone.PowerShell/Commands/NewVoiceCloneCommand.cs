using System.Management.Automation;
using VoiceClone.Core.Runtime;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Speaks new text in the voice of a reference recording and writes the clone pair cloned_&lt;id&gt;.wav and cloned_&lt;id&gt;.json.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceClone", DefaultParameterSetName = LiteralPathSet, SupportsShouldProcess = true)]
[OutputType(typeof(VoiceCloneResult))]
public sealed class NewVoiceCloneCommand : BatchFileCmdlet, IDisposable
{
    private const string ProfileSet = "Profile";
    private const string ManifestSet = "Manifest";
    private OrderedWorkQueue<VoiceCloneResult?>? _queue;
    private CloneRun? _run;
    private BatchProgress? _progress;
    private int _planned, _done, _failed, _skipped;
    private bool _playbackFailed, _manifestRead;
    private string? _manifestPath;

    /// <summary>Saved voices (New-VoiceProfile) to clone instead of recordings; implies -Engine Qwen3. Wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Profile { get; set; } = [];

    /// <summary>A CSV of clones to make, one per row: reference, text and id; a re-run skips the pairs already whole.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ManifestSet)]
    [ValidateNotNullOrEmpty]
    public string Manifest { get; set; } = "";

    /// <summary>What to say; each string is one clone per reference.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ProfileSet)]
    [ValidateNotNullOrEmpty]
    public string[] Text { get; set; } = [];

    /// <summary>Folder for the clone pairs; created when missing. Default: output under the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = "output";

    /// <summary>Default (built in: voice matching on a flite, espeak-ng, SAPI or say voice) or Qwen3 (neural, needs its model).</summary>
    [Parameter]
    public CloneEngine Engine { get; set; } = CloneEngine.Default;

    /// <summary>Qwen3 engine: the model folder (config.json, tokenizer files, cpu_fp32/ or another precision folder), or the name of an installed model.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelPath { get; set; }

    /// <summary>Qwen3 engine: the reference's transcript, for in-context cloning (closer voice); without it the speaker embedding alone is used.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReferenceText { get; set; }

    /// <summary>
    /// The language of the texts: auto (each text's own) or a language; Qwen3: one its config names (english, german, ...);
    /// Default: a name or BCP 47 tag (German, de, pt-BR).
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LanguageCompleter))]
    public string Language { get; set; } = "auto";

    /// <summary>Qwen3 engine: sampling temperature (default 0.9); 0 decodes greedily.</summary>
    [Parameter]
    [ValidateRange(0.0, 2.0)]
    public double Temperature { get; set; } = 0.9;

    /// <summary>Qwen3 engine: Auto (CUDA when present, else CPU), Cpu, or Cuda; a CUDA request that cannot run falls back to CPU with a warning.</summary>
    [Parameter]
    public ComputeDevice Device { get; set; } = ComputeDevice.Auto;

    /// <summary>Qwen3 engine: give the model all the text before it speaks instead of streaming it in.</summary>
    [Parameter]
    public SwitchParameter NonStreaming { get; set; }

    /// <summary>Default engine: this base voice (backend:voice, e.g. espeak-ng:de+f3; Tab lists them) instead of the nearest.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BaseVoiceCompleter))]
    public string? BaseVoice { get; set; }

    /// <summary>Seed for engines that sample (recorded in the fingerprint); the default engine is deterministic.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>Name the single clone cloned_&lt;Id&gt; instead of a drawn id (letters, digits, '-', '_', '.').</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [Parameter(ParameterSetName = ProfileSet)]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>With -Id or -Manifest: replace an existing pair of that name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How many clones to make at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>Play each clone as it is written, in input order (Start-VoicePlayback for clones made earlier).</summary>
    [Parameter]
    public SwitchParameter Play { get; set; }

    /// <summary>With -Play: the output's name or id (Get-VoiceAudioDevice); default: the system's default output.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PlaybackDevice { get; set; }

    protected override string LogSource => CloneService.Source;

    protected override void Begin()
    {
        if (ParameterSetName == ProfileSet) Engine = CloneEngine.Qwen3; // profiles hold a Qwen3 voice
        if (Engine == CloneEngine.Qwen3 && ModelPath is null)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                "-Engine Qwen3 needs -ModelPath: the Qwen3-TTS model folder (models/README.md says which files to download).");
        }
        if (Force && Id is null && ParameterSetName != ManifestSet) WriteWarning("-Force only matters with -Id or -Manifest: drawn ids never collide with an existing pair.");
        if (ParameterSetName == ManifestSet && ShardRoot is not null)
        {
            throw new VoiceCloneException(VoiceCloneErrors.BatchShardInvalid,
                "-ShardRoot is for -Path inputs; a manifest's rows are shared out by row. Leave out -ShardRoot.");
        }
        string? shard = Shard.Count > 1 ? Shard.ToString() : null; // a bad shard stops the call here
        if (ParameterSetName == ManifestSet) _manifestPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Manifest);
        _run = Runtime.Cloning.Start(new CloneSettings(SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputDirectory))
        {
            Engine = Engine, ModelPath = ModelPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath),
            ReferenceText = ReferenceText, Language = Language, Temperature = Temperature, Device = Device, NonStreaming = NonStreaming,
            BaseVoice = BaseVoice, Seed = Seed, Id = Id, Overwrite = Force, Parallelism = ThrottleLimit,
            Manifest = _manifestPath, Shard = shard,
        });
        _queue = new OrderedWorkQueue<VoiceCloneResult?>(ThrottleLimit, WaitFor, StopToken);
        _progress = new BatchProgress(LogSource, "Cloned");
        WriteVerbose($"Run {_run.RunId}: clones go to {OutputDirectory}");
    }

    protected override void Process()
    {
        if (ParameterSetName == ManifestSet)
        {
            CloneManifest();
            return;
        }
        if (ParameterSetName == ProfileSet)
        {
            foreach (string profile in InputPathResolver.Resolve(this, Profile, literal: false, InputPatterns.Profiles).Where(Takes))
            {
                CloneVoice voice;
                try
                {
                    voice = _run!.LoadProfile(profile);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    WriteItemError(e, profile);
                    continue;
                }
                EnqueueClones(profile, (run, text, stop) => run.Clone(voice, text, stop));
            }
            return;
        }
        foreach (string reference in InputFiles(InputPatterns.Audio))
        {
            EnqueueClones(reference, (run, text, stop) => run.Clone(reference, text, stop));
        }
    }

    private void EnqueueClones(string reference, Func<CloneRun, string, CancellationToken, VoiceCloneResult> clone)
    {
        foreach (string text in Text)
        {
            if (!ShouldProcess(reference, $"Clone the voice into {OutputDirectory}, saying '{Shorten(text)}'")) continue;
            if (Id is not null && _planned > 0)
            {
                WriteError(ErrorRecords.Create(VoiceCloneErrors.ConfigurationInvalid,
                    $"-Id names one clone; '{Shorten(text)}' for '{reference}' would be clone #{_planned + 1}. Leave out -Id to draw an id per clone.", reference));
                continue;
            }
            _planned++;
            CloneRun run = _run!;
            CancellationToken stop = StopToken;
            _queue!.Enqueue(reference, () => clone(run, text, stop));
            WriteFinished(all: false);
        }
    }

    /// <summary>This shard's rows of the manifest, once (pipeline objects bind nothing in this set).</summary>
    private void CloneManifest()
    {
        if (_manifestRead) return;
        _manifestRead = true;
        bool force = Force;
        foreach (BatchItem job in Runtime.Batches.ReadCloneManifest(_manifestPath!, Shard))
        {
            string text = job.Text!, id = job.Id!;
            if (!ShouldProcess(job.Path, $"Clone the voice into {OutputDirectory} as cloned_{id}, saying '{Shorten(text)}'")) continue;
            _planned++;
            CloneRun run = _run!;
            CancellationToken stop = StopToken;
            _queue!.Enqueue(job.Path, () => run.CloneOnce(job.Path, text, id, force, stop));
            WriteFinished(all: false);
        }
    }

    protected override void End()
    {
        if (_queue is not null) WriteFinished(all: true);
        if (_planned > 1) CompleteProgress();
        if (_skipped > 0) WriteVerbose($"Skipped {_skipped} clone(s) whose pair was already whole in {OutputDirectory}");
        _run?.Finish(_failed == 0 ? "completed" : "completed_with_errors");
        if (_run?.RunLogPath is { } log) WriteVerbose($"Run log: {log}");
    }

    /// <summary>Ctrl+C: the run log is written at once, since the pipeline may be disposed much later.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        _run?.Finish("stopped");
    }

    /// <summary>
    /// PowerShell disposes the cmdlet however the pipeline ends; a failed run still leaves its log. A stopping pipeline
    /// may reach here before StopProcessing runs, so Stopping is checked too.
    /// </summary>
    public void Dispose()
    {
        _run?.Finish(Stopping || StopToken.IsCancellationRequested ? "stopped" : "failed");
        _run?.Dispose();
    }

    private void WriteFinished(bool all)
    {
        foreach (var (reference, work) in _queue!.TakeFinished(all))
        {
            _done++;
            if (work.IsFaulted)
            {
                _failed++;
                WriteItemError(work.Exception!, reference);
            }
            else if (work.GetAwaiter().GetResult() is not { } clone) _skipped++;
            else
            {
                WriteObject(clone);
                if (Play && !_playbackFailed) PlayClone(clone.AudioPath);
            }
            FlushLogEvents();
            if (_planned > 1) WriteProgress(Record(_progress!.Next(_done, _planned, System.IO.Path.GetFileName(reference))));
        }
    }

    /// <summary>Plays one clone on the pipeline thread (so clones are heard in input order) while later clones are made.</summary>
    private void PlayClone(string audioPath)
    {
        Task playing = Task.Run(() => Runtime.Devices.Play(audioPath, PlaybackDevice, ReportProgress, StopToken), StopToken);
        WaitFor(playing);
        try
        {
            playing.GetAwaiter().GetResult();
        }
        catch (VoiceCloneException e)
        {
            _playbackFailed = true;
            WriteEngineError(e, audioPath);
            WriteWarning("-Play is off for the rest of this run; the clones are still written.");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
