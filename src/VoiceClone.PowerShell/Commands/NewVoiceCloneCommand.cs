using System.Diagnostics;
using System.Management.Automation;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Models;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Synthesis;
using VoiceClone.Core.Synthesis.Qwen3;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.PowerShell.Commands;

/// <summary>
/// <para type="synopsis">Speaks new text in the voice of a reference recording and writes the clone pair cloned_&lt;id&gt;.wav and cloned_&lt;id&gt;.json.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "VoiceClone", DefaultParameterSetName = LiteralPathSet, SupportsShouldProcess = true)]
[OutputType(typeof(VoiceCloneResult))]
public sealed class NewVoiceCloneCommand : VoiceCloneCmdlet, IDisposable
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string ProfileSet = "Profile";
    private OrderedWorkQueue<VoiceCloneResult>? _queue;
    private CloneWorkflow? _workflow;
    private string? _runLogPath;
    private int _runLogWritten;
    private readonly Stopwatch _elapsed = new();
    private int _planned, _done, _failed;

    /// <summary>Reference recordings (WAV, 5-15 s of one voice is ideal); wildcards allowed.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Path")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] ReferenceAudio { get; set; } = [];

    /// <summary>Reference recordings, taken exactly as typed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP", "FullName")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Saved voices (New-VoiceProfile) to clone instead of recordings; implies -Engine Qwen3. Wildcards allowed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Profile { get; set; } = [];

    /// <summary>What to say; each string is one clone per reference.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Text { get; set; } = [];

    /// <summary>Folder for the clone pairs; created when missing. Default: output under the current location.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string OutputDirectory { get; set; } = "output";

    /// <summary>Default (built in, voice matching on a flite base voice) or Qwen3 (neural, needs its model files).</summary>
    [Parameter]
    public CloneEngine Engine { get; set; } = CloneEngine.Default;

    /// <summary>Qwen3 engine: the model folder (config.json, tokenizer files, cpu_fp32/ or another precision folder).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ModelPath { get; set; }

    /// <summary>Qwen3 engine: the reference's transcript, for in-context cloning (closer voice); without it the speaker embedding alone is used.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReferenceText { get; set; }

    /// <summary>Qwen3 engine: auto, or a language the model knows (english, chinese, german, ...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
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

    /// <summary>Default engine only: use this flite voice instead of the one nearest the reference.</summary>
    [Parameter]
    [ValidateSet("kal16", "awb", "rms", "slt")]
    public string? BaseVoice { get; set; }

    /// <summary>Seed for engines that sample (recorded in the fingerprint); the default engine is deterministic.</summary>
    [Parameter]
    public int? Seed { get; set; }

    /// <summary>Name the single clone cloned_&lt;Id&gt; instead of a drawn id (letters, digits, '-', '_', '.').</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>With -Id: replace an existing pair of that name.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How many clones to make at once; default: one per core.</summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    protected override string LogSource => CloneWorkflow.Source;

    private int ProgressActivityId => nameof(NewVoiceCloneCommand).GetHashCode() & 0x7FFF;

    protected override void Begin()
    {
        if (ParameterSetName == ProfileSet) Engine = CloneEngine.Qwen3; // profiles hold a Qwen3 voice
        if (Engine == CloneEngine.Qwen3 && ModelPath is null)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                "-Engine Qwen3 needs -ModelPath: the Qwen3-TTS model folder (models/README.md says which files to download).");
        }
        if (Id is not null && !CloneIds.IsValid(Id))
        {
            throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                $"-Id '{Id}' cannot be part of a file name: use 1-64 letters, digits, '-', '_' or '.', not starting with '.'.");
        }
        if (Force && Id is null) WriteWarning("-Force only matters with -Id: drawn ids never collide with an existing pair.");
        IVoiceCloneEngine engine = Engine == CloneEngine.Qwen3 ? Qwen3Engine() : DefaultEngine();
        EmotionModel emotion = EmotionModelCache.Get(null);
        string output = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputDirectory);
        var runLog = new RunLog("New-VoiceClone", new Dictionary<string, string?>
        {
            ["engine"] = Engine.ToString(), ["output_directory"] = output, ["model_path"] = ModelPath, ["language"] = Language,
            ["temperature"] = Temperature.ToString(System.Globalization.CultureInfo.InvariantCulture), ["device"] = Device.ToString(), ["reference_text"] = ReferenceText, ["base_voice"] = BaseVoice, ["seed"] = Seed?.ToString(),
            ["id"] = Id, ["force"] = Force.IsPresent.ToString(), ["throttle_limit"] = ThrottleLimit.ToString(),
            ["precision"] = engine is Qwen3Engine qwen ? qwen.Model.PrecisionSummary : null, // the graphs' precision and element types
        });
        if (engine is Qwen3Engine { DeviceFallback: { } reason })
        {
            // CUDA was wanted and is not there: a retry on another device, in the run log always, as a warning when asked for explicitly.
            if (Device == ComputeDevice.Cuda) WriteWarning($"-Device Cuda: running on CPU instead. {reason}");
            runLog.Retry("engine", 1, "cpu_fallback", reason, 0, "running on cpu");
        }
        _workflow = new CloneWorkflow(engine, emotion, runLog,
            new CloneOptions(output) { Overwrite = Force, Id = Id, Seed = Seed });
        _queue = new OrderedWorkQueue<VoiceCloneResult>(ThrottleLimit, StopToken);
        _elapsed.Start();
        WriteVerbose($"Run {runLog.RunId}: clones go to {output}");
    }

    private IVoiceCloneEngine DefaultEngine()
    {
        FliteSynthesizer.Locate(); // a missing synthesiser is one error for the whole command
        return new VoiceMatchEngine(BaseVoice);
    }

    private IVoiceCloneEngine Qwen3Engine() =>
        Qwen3EngineCache.Get(new Qwen3EngineOptions(ModelLocator.ResolveFolder(SessionState.Path.GetUnresolvedProviderPathFromPSPath(ModelPath!), ModelPath!))
        {
            ReferenceText = ReferenceText, Language = Language, NonStreaming = NonStreaming, Device = Device,
            Sampling = new Qwen3SamplingOptions { Temperature = Temperature },
        });

    protected override void Process()
    {
        if (ParameterSetName == ProfileSet)
        {
            foreach (string profile in InputPathResolver.Resolve(this, Profile, literal: false, "*" + NewVoiceProfileCommand.Extension))
            {
                ReferenceAnalysis stored;
                try
                {
                    stored = Qwen3VoiceProfileFile.Read(profile).ToReferenceAnalysis(profile);
                }
                catch (VoiceCloneException e)
                {
                    WriteEngineError(e, profile);
                    continue;
                }
                EnqueueClones(profile, (workflow, text, stop) => workflow.CloneFromProfile(stored, text, stop));
            }
            return;
        }
        bool literal = ParameterSetName == LiteralPathSet;
        foreach (string reference in InputPathResolver.Resolve(this, literal ? LiteralPath : ReferenceAudio, literal, "*.wav"))
        {
            EnqueueClones(reference, (workflow, text, stop) => workflow.Clone(reference, text, stop));
        }
    }

    private void EnqueueClones(string reference, Func<CloneWorkflow, string, CancellationToken, VoiceCloneResult> clone)
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
            CloneWorkflow workflow = _workflow!;
            CancellationToken stop = StopToken;
            _queue!.Enqueue(reference, () => clone(workflow, text, stop));
            WriteFinished(all: false);
        }
    }

    protected override void End()
    {
        if (_queue is not null) WriteFinished(all: true);
        if (_planned > 1) WriteProgress(new ProgressRecord(ProgressActivityId, "New-VoiceClone", "Done") { RecordType = ProgressRecordType.Completed });
        WriteRunLog(_failed == 0 ? "completed" : "completed_with_errors");
        if (_runLogPath is not null) WriteVerbose($"Run log: {_runLogPath}");
    }

    /// <summary>Ctrl+C: the run log is written at once, since the pipeline may be disposed much later.</summary>
    protected override void StopProcessing()
    {
        base.StopProcessing();
        WriteRunLog("stopped");
    }

    /// <summary>
    /// PowerShell disposes the cmdlet however the pipeline ends; a failed run still leaves its log. A stopping pipeline
    /// may reach here before StopProcessing runs, so Stopping is checked too.
    /// </summary>
    public void Dispose() => WriteRunLog(Stopping || StopToken.IsCancellationRequested ? "stopped" : "failed");

    private void WriteFinished(bool all)
    {
        foreach (var (reference, work) in _queue!.TakeFinished(all))
        {
            _done++;
            if (work.IsFaulted && work.Exception!.InnerException is VoiceCloneException e)
            {
                _failed++;
                WriteEngineError(e, reference);
            }
            else
            {
                WriteObject(work.GetAwaiter().GetResult());
            }
            FlushLogEvents();
            if (_planned > 1) WriteProgress(Progress(reference));
        }
    }

    private ProgressRecord Progress(string reference)
    {
        double perClone = _elapsed.Elapsed.TotalSeconds / _done;
        return new ProgressRecord(ProgressActivityId, "New-VoiceClone", $"Cloned {_done} of {_planned}")
        {
            PercentComplete = (int)(100.0 * _done / _planned),
            SecondsRemaining = (int)Math.Ceiling(perClone * (_planned - _done) / Math.Min(ThrottleLimit, Math.Max(1, _planned - _done))),
            CurrentOperation = System.IO.Path.GetFileName(reference),
        };
    }

    /// <summary>Once per run, from whichever ending comes first (End, StopProcessing on another thread, Dispose).</summary>
    private void WriteRunLog(string status)
    {
        if (_workflow is null || _planned == 0) return; // -WhatIf or nothing to do: no run
        string? folder = ModuleLog.Directory;
        if (folder is null || Interlocked.Exchange(ref _runLogWritten, 1) == 1) return;
        try
        {
            _runLogPath = _workflow.RunLog.Write(folder, status);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ModuleLog.Write(ModuleLogLevel.Warning, LogSource, $"The run log could not be written to {folder}: {e.Message}");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
