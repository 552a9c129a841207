using System.Globalization;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.IO;
using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Runtime;

/// <summary>How one cloning call clones: the engine and its options, and where and how the pairs are written.</summary>
public sealed record CloneSettings(string OutputDirectory)
{
    public CloneEngine Engine { get; init; } = CloneEngine.Default;
    /// <summary>Qwen3: the model folder as a file-system path (when it exists), else the name of an installed model.</summary>
    public string? ModelPath { get; init; }
    /// <summary>Qwen3: the reference's transcript, for in-context cloning.</summary>
    public string? ReferenceText { get; init; }
    /// <summary>"auto" (each text's own), a BCP 47 tag or an English language name; both engines honour it.</summary>
    public string Language { get; init; } = "auto";
    public double Temperature { get; init; } = 0.9;
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;
    public bool NonStreaming { get; init; }
    /// <summary>Default engine: this base voice ("backend:voice", e.g. espeak-ng:de+f3) for every clone instead of the nearest.</summary>
    public string? BaseVoice { get; init; }
    public int? Seed { get; init; }
    /// <summary>A fixed id for the one clone of the call; null draws one per clone.</summary>
    public string? Id { get; init; }
    public bool Overwrite { get; init; }
    /// <summary>How many clones the caller runs at once (recorded in the run log).</summary>
    public int Parallelism { get; init; } = 1;
    /// <summary>The batch manifest the clones come from, and this task's shard of it ("3 of 8"), for the run log.</summary>
    public string? Manifest { get; init; }
    public string? Shard { get; init; }
}

/// <summary>One base voice of the default engine: its name (backend:voice), backend, language tag and name, and gender.</summary>
public sealed record BaseVoiceInfo(string Name, string Backend, string Language, string LanguageName, string Gender);

/// <summary>The cloning capability: choosing and warming the engine, and one <see cref="CloneRun"/> per call.</summary>
public sealed class CloneService
{
    public const string Source = CloneWorkflow.Source;
    private readonly VoiceCloneRuntime _runtime;

    internal CloneService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>Checks the settings and loads the engine, once per call: a missing model or synthesiser is one error for the call.</summary>
    public CloneRun Start(CloneSettings settings)
    {
        if (settings.Id is not null && !CloneIds.IsValid(settings.Id))
        {
            throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                $"The clone id '{settings.Id}' cannot be part of a file name: use 1-64 letters, digits, '-', '_' or '.', not starting with '.'.");
        }
        IVoiceEngine engine = settings.Engine == CloneEngine.Qwen3 ? Qwen3(settings) : Default(settings);
        double minVoiced = MinVoicedFraction();
        Dictionary<string, string?> parameters = RunParameters(settings);
        parameters["min_voiced_fraction"] = minVoiced.ToString(CultureInfo.InvariantCulture);
        parameters["precision"] = (engine as Qwen3Engine)?.Model.PrecisionSummary; // the graphs' precision and element types
        var runLog = new RunLog("New-VoiceClone", parameters);
        string? fallback = (engine as Qwen3Engine)?.DeviceFallback;
        runLog.Describe(engine.Name, (engine as Qwen3Engine)?.Device ?? "cpu", (engine as Qwen3Engine)?.ModelName);
        // CUDA was wanted and is not there: a retry on another device, recorded in the run log.
        if (fallback is not null) runLog.Retry("engine", 1, "cpu_fallback", fallback, 0, "running on cpu");
        int stale = StaleStagingFiles.Remove(Path.GetFullPath(settings.OutputDirectory));
        if (stale > 0) _runtime.Logs.Write(ModuleLogLevel.Information, Source, $"Removed {stale} staging file(s) that killed runs left in {settings.OutputDirectory}");
        var workflow = new CloneWorkflow(engine, _runtime.LoadEmotionModel(null), _runtime.References, runLog,
            new CloneOptions(Path.GetFullPath(settings.OutputDirectory))
            {
                Overwrite = settings.Overwrite, Id = settings.Id, Seed = settings.Seed, MinVoicedFraction = minVoiced,
            });
        return new CloneRun(workflow, engine as Qwen3Engine, fallback, _runtime.Runs.Track(runLog, RunWritePolicy.FirstItem), _runtime.Logs);
    }

    /// <summary>The voiced_speech limit: <see cref="CloneValidator.MinVoicedFractionVariable"/> when set, else the default.</summary>
    private static double MinVoicedFraction()
    {
        string? configured = Environment.GetEnvironmentVariable(CloneValidator.MinVoicedFractionVariable);
        if (string.IsNullOrWhiteSpace(configured)) return CloneValidator.MinVoicedFraction;
        bool parsed = double.TryParse(configured, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        if (parsed && value is >= 0 and <= 1) return value;
        throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
            $"{CloneValidator.MinVoicedFractionVariable} is '{configured}'; set it to a fraction from 0 to 1, or clear it.");
    }

    // A missing synthesiser, an unknown language or base voice is one error for the whole call.
    private VoiceMatchEngine Default(CloneSettings settings) =>
        VoiceMatchEngine.Create(_runtime.BaseVoices, settings.Language, settings.BaseVoice, CancellationToken.None);

    /// <summary>The default engine's installed base voices ("backend:voice"), for completion and listings.</summary>
    public IReadOnlyList<BaseVoiceInfo> BaseVoices() => _runtime.BaseVoices.AllVoices(CancellationToken.None)
        .Select(v => new BaseVoiceInfo(v.Name, v.Backend, v.Language.ToString(), v.Language.DisplayName, v.Gender.ToString())).ToList();

    private Qwen3Engine Qwen3(CloneSettings settings)
    {
        string model = settings.ModelPath ?? throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
            "The Qwen3 engine needs its model folder: the Qwen3-TTS model folder (models/README.md says which files to download).");
        return _runtime.Qwen3Engine(new Qwen3EngineOptions(_runtime.Models.ResolveFolder(model))
        {
            ReferenceText = settings.ReferenceText, Language = settings.Language, NonStreaming = settings.NonStreaming, Device = settings.Device,
            Sampling = new Qwen3SamplingOptions { Temperature = settings.Temperature },
        });
    }

    private static Dictionary<string, string?> RunParameters(CloneSettings s) => new()
    {
        ["engine"] = s.Engine.ToString(), ["output_directory"] = Path.GetFullPath(s.OutputDirectory), ["model_path"] = s.ModelPath,
        ["language"] = s.Language, ["temperature"] = s.Temperature.ToString(CultureInfo.InvariantCulture), ["device"] = s.Device.ToString(),
        ["reference_text"] = s.ReferenceText, ["base_voice"] = s.BaseVoice, ["seed"] = s.Seed?.ToString(CultureInfo.InvariantCulture),
        ["id"] = s.Id, ["force"] = s.Overwrite.ToString(), ["throttle_limit"] = s.Parallelism.ToString(CultureInfo.InvariantCulture),
        ["manifest"] = s.Manifest, ["shard"] = s.Shard,
    };
}
