using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using VoiceClone.Core.Models;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// A Qwen3-TTS Base model in the onnx-community layout: config.json and the Qwen2 tokenizer files in the model folder,
/// the eight graphs in a precision folder (cpu_fp32, cpu_fp16, cpu_int4, cuda_*) or beside them, each with the external
/// data files (.onnx_data) it names. Sizes and element types (float32 or float16 at each input and output) are read from
/// the graphs' metadata; sessions come from the runtime's warm session store.
/// </summary>
public sealed class Qwen3Model
{
    public const string Source = "qwen_adapter";
    public static readonly string[] GraphNames = ["text_embed", "codec_embed", "talker_cache", "code_predictor", "residual_embed", "speaker_encoder", "tok_encoder", "tok_decoder"];
    public static readonly string[] FolderFiles = ["config.json", "vocab.json", "merges.txt", "tokenizer_config.json"];
    public static readonly string[] PrecisionFolders = ["cpu_fp32", "cpu_fp16", "cpu_int4", "cuda_fp32", "cuda_fp16", "cuda_int4"];

    private Qwen3Model(string folder, string graphFolder, Qwen3Config config, Dictionary<string, InferenceSession> sessions,
        IReadOnlyDictionary<string, OnnxFileScan> scans)
    {
        Folder = folder;
        GraphFolder = graphFolder;
        Config = config;
        TextEmbed = sessions["text_embed"];
        CodecEmbed = sessions["codec_embed"];
        Talker = sessions["talker_cache"];
        CodePredictor = sessions["code_predictor"];
        ResidualEmbed = sessions["residual_embed"];
        SpeakerEncoder = sessions["speaker_encoder"];
        TokEncoder = sessions["tok_encoder"];
        TokDecoder = sessions["tok_decoder"];
        Hidden = Dimension(TextEmbed.OutputMetadata.Values.First(), 2, "text_embed output");
        var past = Talker.InputMetadata.Values.Skip(3).ToArray();
        PastInputs = past.Length;
        KvHeads = Dimension(past[0], 1, "talker past heads");
        HeadDim = Dimension(past[0], 3, "talker past head size");
        DecoderFrames = Dimension(TokDecoder.InputMetadata.Values.First(), 1, "tok_decoder frames");
        EncoderChunkSamples = Dimension(TokEncoder.InputMetadata.Values.First(), 2, "tok_encoder samples");
        Precision = graphFolder == folder ? "graphs beside config.json" : Path.GetFileName(graphFolder);
        Sessions = sessions;
        TensorTypes = Qwen3TensorTypes.Describe(this, scans);
    }

    public string Folder { get; }
    public string GraphFolder { get; }
    public Qwen3Config Config { get; }
    public InferenceSession TextEmbed { get; }
    public InferenceSession CodecEmbed { get; }
    public InferenceSession Talker { get; }
    public InferenceSession CodePredictor { get; }
    public InferenceSession ResidualEmbed { get; }
    public InferenceSession SpeakerEncoder { get; }
    public InferenceSession TokEncoder { get; }
    public InferenceSession TokDecoder { get; }
    /// <summary>The graphs by name (<see cref="GraphNames"/>).</summary>
    public IReadOnlyDictionary<string, InferenceSession> Sessions { get; }
    /// <summary>The precision folder the graphs came from (cpu_fp32, cpu_fp16, cpu_int4, cuda_...).</summary>
    public string Precision { get; }
    /// <summary>Element types at the graphs' boundaries, KV cache, logits, int4 and external weights, in words (for logs).</summary>
    public string TensorTypes { get; }
    /// <summary>"precision: tensor types", as the load log line and the run log give it.</summary>
    public string PrecisionSummary => $"{Precision}: {TensorTypes}";
    public int Hidden { get; }
    /// <summary>KV-cache inputs of the talker after inputs_embeds, position_ids, attention_mask (2 per layer).</summary>
    public int PastInputs { get; }
    public int KvHeads { get; }
    public int HeadDim { get; }
    /// <summary>Frames tok_decoder takes per call.</summary>
    public int DecoderFrames { get; }
    /// <summary>Samples tok_encoder takes per call (1 s at 24 kHz).</summary>
    public int EncoderChunkSamples { get; }
    public const int SampleRateHz = 24000;

    /// <summary>
    /// The graph folder for a model folder, or the files that are missing (all of them named, for the error): the text
    /// files, the eight graphs, and every external data file a present graph names. <paramref name="scans"/> holds what
    /// each readable graph file names and uses.
    /// </summary>
    public static (string? GraphFolder, List<string> Missing) Locate(string folder, out Dictionary<string, OnnxFileScan> scans)
    {
        string[] candidates = [folder, .. PrecisionFolders.Select(p => Path.Combine(folder, p))];
        string graphs = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "talker_cache.onnx")))
            ?? candidates.Skip(1).FirstOrDefault(Directory.Exists)
            ?? candidates[1];
        scans = [];
        var required = FolderFiles.Select(f => Path.Combine(folder, f)).ToList();
        foreach (string graph in GraphNames)
        {
            string path = Path.Combine(graphs, graph + ".onnx");
            required.Add(path);
            if (!File.Exists(path)) continue;
            try
            {
                OnnxFileScan scan = OnnxFileScan.Read(path);
                scans[graph] = scan;
                required.AddRange(scan.ExternalDataFiles.Select(data => Path.Combine(graphs, data)));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or UnauthorizedAccessException)
            {
                // Not a readable protobuf: loading it reports the damaged file.
            }
        }
        var missing = required.Where(f => !File.Exists(f)).Select(f => Path.GetRelativePath(folder, f)).ToList();
        return (missing.Count == 0 ? graphs : null, missing);
    }

    /// <summary>"cuda" or "cpu": where the sessions run.</summary>
    public string Device { get; private init; } = "cpu";
    /// <summary>Why CUDA was asked for but CPU is used; null when nothing fell back.</summary>
    public string? DeviceFallback { get; private init; }

    /// <summary>
    /// Loads (or finds warm) the model's sessions on <paramref name="device"/>; a missing or mismatched file is a
    /// ModelFileMissing error listing every missing file. CUDA that is absent or cannot start falls back to CPU and says why.
    /// </summary>
    public static Qwen3Model Load(string folder, OnnxSessions sessionStore, ComputeDevice device = ComputeDevice.Cpu)
    {
        folder = Path.GetFullPath(folder);
        var (graphFolder, missing) = Locate(folder, out var scans);
        if (graphFolder is null)
        {
            string list = string.Join(", ", missing);
            ModuleLog.For(Source).Error("Qwen3-TTS model at {Folder} is incomplete; missing: {Missing}", folder, list);
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                $"The Qwen3-TTS model folder '{folder}' is incomplete; missing: {list}. models/README.md lists the files and where they go.", folder);
        }
        Qwen3Config config;
        try
        {
            config = Qwen3Config.Read(Path.Combine(folder, "config.json"));
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing, $"'{Path.Combine(folder, "config.json")}' is not a Qwen3-TTS config: {e.Message}", folder, e);
        }
        string? fallback = null;
        Dictionary<string, InferenceSession>? sessions = null;
        if (device != ComputeDevice.Cpu)
        {
            if (!OnnxSessions.CudaAvailable)
            {
                fallback = $"{OnnxSessions.CudaProvider} is not in this ONNX Runtime build (the CPU build of the module; the GPU build has it)";
            }
            else
            {
                try
                {
                    sessions = GraphNames.ToDictionary(g => g, g => sessionStore.Get(Path.Combine(graphFolder, g + ".onnx"), cuda: true));
                }
                catch (CudaUnavailableException e)
                {
                    fallback = e.Message;
                }
            }
            // An explicit CUDA request that cannot be met is a warning; Auto on a CPU build is the expected path, logged as information.
            if (fallback is not null)
                ModuleLog.For(Source).Write(device == ComputeDevice.Cuda ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Information,
                    "CUDA {Request} for Qwen3-TTS but unavailable, running on CPU: {Reason}", device == ComputeDevice.Cuda ? "requested" : "preferred (device Auto)", fallback);
        }
        sessions ??= GraphNames.ToDictionary(g => g, g => sessionStore.Get(Path.Combine(graphFolder, g + ".onnx")));
        var model = new Qwen3Model(folder, graphFolder, config, sessions, scans)
        {
            Device = fallback is null && device != ComputeDevice.Cpu ? "cuda" : "cpu", DeviceFallback = fallback,
        };
        model.Validate();
        return model;
    }

    private void Validate()
    {
        string[] talkerInputs = Talker.InputMetadata.Keys.Take(3).ToArray();
        if (!talkerInputs.SequenceEqual(["inputs_embeds", "position_ids", "attention_mask"]) || PastInputs == 0 || PastInputs % 2 != 0
            || Talker.OutputMetadata.Count != 2 + PastInputs)
        {
            throw Mismatch($"talker_cache has inputs [{string.Join(", ", Talker.InputMetadata.Keys)}] and {Talker.OutputMetadata.Count} outputs; expected inputs_embeds, position_ids, attention_mask, then key/value pairs, and logits, hidden_states and one present per past");
        }
        int groups = Dimension(ResidualEmbed.InputMetadata.Values.First(), 1, "residual_embed codes");
        if (groups != Config.CodeGroups) throw Mismatch($"residual_embed takes {groups} code groups but config.json says {Config.CodeGroups}");
        if (Dimension(SpeakerEncoder.OutputMetadata.Values.First(), 1, "speaker embedding") != Hidden)
            throw Mismatch("the speaker embedding is not as wide as the talker's hidden state");
        if (Qwen3TensorTypes.Unsupported(this) is { } detail) throw Mismatch(detail);
    }

    private VoiceCloneException Mismatch(string detail) =>
        new(VoiceCloneErrors.ModelFileMissing, $"The Qwen3-TTS graphs in '{GraphFolder}' do not fit together: {detail}.", GraphFolder);

    private static int Dimension(NodeMetadata metadata, int axis, string what)
    {
        int[] dims = metadata.Dimensions;
        if (axis >= dims.Length || dims[axis] <= 0) throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing, $"The Qwen3-TTS graph does not state a fixed size for {what}.");
        return dims[axis];
    }
}
