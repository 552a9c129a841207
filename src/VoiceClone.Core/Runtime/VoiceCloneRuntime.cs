using VoiceClone.Core.Caching;
using VoiceClone.Core.Cloning;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines.Default;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.IO;
using VoiceClone.Core.Models;

namespace VoiceClone.Core.Runtime;

/// <summary>
/// The module's one owner of warm state: where models and logs are, the ONNX sessions, loaded emotion models, prepared
/// references, the default engine's base voices, the Qwen3 engines (with their computed voices) and tokenizers. Each capability has
/// one entry point here (<see cref="Analysis"/>, <see cref="Emotion"/>, <see cref="Cloning"/>, <see cref="Profiles"/>,
/// <see cref="Installer"/>, <see cref="Fingerprints"/>, <see cref="Devices"/>, <see cref="Runs"/>); <see cref="Dispose"/> releases
/// everything at once.
/// Thread-safe: every runspace of the process shares one.
/// </summary>
public sealed class VoiceCloneRuntime : IDisposable
{
    private readonly OnceCache<string, EmotionModel> _emotionModels = new(StringComparer.Ordinal);
    private readonly OnceCache<Qwen3EngineOptions, Qwen3Engine> _qwen3Engines = new();
    private readonly Qwen3Tokenizers _qwen3Tokenizers = new();
    private const string ShippedEmotionModel = "emotion/" + EmotionModel.MetadataFile;
    private int _disposed;

    /// <param name="moduleRoot">The module's folder: the models shipped in it are found there, and a source checkout above it.</param>
    /// <param name="logDirectory">A log folder chosen for this session; null for the default (see <see cref="RuntimeLogs"/>).</param>
    public VoiceCloneRuntime(string moduleRoot, string? logDirectory = null)
    {
        ModuleRoot = moduleRoot;
        Logs = new RuntimeLogs(moduleRoot, logDirectory);
        Models = new ModelLocations(moduleRoot);
        Analysis = new AnalysisService(this);
        Emotion = new EmotionService(this);
        Cloning = new CloneService(this);
        Profiles = new ProfileService(this);
        Installer = new ModelInstallService(this);
        Fingerprints = new FingerprintService();
        Devices = new DeviceService(this);
        Runs = new RunService(this);
        Batches = new BatchService();
        int stale = ScratchFolder.RemoveStale();
        if (stale > 0) Logs.Write(ModuleLogLevel.Debug, "module", $"Removed {stale} scratch folder(s) that killed processes left behind");
    }

    public string ModuleRoot { get; }
    public RuntimeLogs Logs { get; }
    public AnalysisService Analysis { get; }
    public EmotionService Emotion { get; }
    public CloneService Cloning { get; }
    public ProfileService Profiles { get; }
    public ModelInstallService Installer { get; }
    public FingerprintService Fingerprints { get; }
    public DeviceService Devices { get; }
    public RunService Runs { get; }
    public BatchService Batches { get; }

    /// <summary>How many ONNX sessions are warm.</summary>
    public int WarmSessions => Sessions.Count;

    internal ModelLocations Models { get; }
    internal OnnxSessions Sessions { get; } = new();
    internal ReferencePreparer References { get; } = new();
    internal BaseVoiceCatalog BaseVoices { get; } = new();

    /// <summary>The emotion model in <paramref name="folder"/>, or the one that ships with the module; loaded once.</summary>
    internal EmotionModel LoadEmotionModel(string? folder)
    {
        string resolved = Path.GetFullPath(folder ?? Path.GetDirectoryName(Models.Require(ShippedEmotionModel, "The emotion classifier"))!);
        return _emotionModels.Get(resolved, EmotionModel.Load);
    }

    /// <summary>One Qwen3 engine per model folder and options, shared by every call (its voices stay computed).</summary>
    internal Qwen3Engine Qwen3Engine(Qwen3EngineOptions options) =>
        _qwen3Engines.Get(options with { ModelFolder = Path.GetFullPath(options.ModelFolder) }, o => new Qwen3Engine(o, Sessions, _qwen3Tokenizers));

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        Logs.Write(ModuleLogLevel.Debug, "module", $"Releasing {Sessions.Count} model session(s) and every cache; flushing logs");
        _qwen3Engines.Clear();
        _qwen3Tokenizers.Clear();
        _emotionModels.Clear();
        References.Clear();
        Sessions.Dispose();
        Logs.Shutdown();
    }
}
