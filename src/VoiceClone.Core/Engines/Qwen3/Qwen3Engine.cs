using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Caching;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Models;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>How the Qwen3 engine clones.</summary>
public sealed record Qwen3EngineOptions(string ModelFolder)
{
    /// <summary>The reference's transcript: in-context cloning; null: speaker-embedding-only cloning.</summary>
    public string? ReferenceText { get; init; }
    /// <summary>"auto" or a language in the model's config (english, chinese, ...).</summary>
    public string Language { get; init; } = "auto";
    public bool NonStreaming { get; init; }
    public Qwen3SamplingOptions Sampling { get; init; } = new();
    public ComputeDevice Device { get; init; } = ComputeDevice.Auto;
}

/// <summary>
/// Zero-shot cloning with Qwen3-TTS Base over ONNX Runtime. The voice (speaker embedding, and reference codes for
/// in-context cloning) is computed once per reference; long text is spoken sentence by sentence with the same voice
/// and the joins crossfaded.
/// </summary>
public sealed partial class Qwen3Engine : IVoiceEngine
{
    public const string EngineName = "Qwen3";
    /// <summary>Sentences are joined with a 20 ms equal-power crossfade.</summary>
    public const double CrossfadeSeconds = 0.02;
    /// <summary>A chunk of text is at most this long before it is split at sentence ends.</summary>
    public const int MaxChunkCharacters = 200;
    // Generation budget: 12.5 frames a second for 2 s plus 0.15 s per character, which covers slow speech.
    private const double FramesPerSecond = 12.5, BudgetBaseSeconds = 2, BudgetSecondsPerCharacter = 0.15;

    private readonly Qwen3EngineOptions _options;
    private readonly Qwen3Graphs _graphs;
    private readonly Qwen3TextTokenizer _tokenizer;
    private readonly OnceCache<string, Qwen3Voice> _voices = new();

    public Qwen3Engine(Qwen3EngineOptions options, OnnxSessions sessions, Qwen3Tokenizers tokenizers)
    {
        _options = options;
        var log = ModuleLog.For(Qwen3Model.Source);
        string name = Path.GetFileName(Path.GetFullPath(options.ModelFolder).TrimEnd(Path.DirectorySeparatorChar));
        log.Information("Loading Qwen TTS model: {Name} on {Device}", name, options.Device == ComputeDevice.Cpu ? "cpu" : "cuda (when available)");
        _graphs = new Qwen3Graphs(Qwen3Model.Load(options.ModelFolder, sessions, options.Device));
        try
        {
            _tokenizer = tokenizers.ForFolder(_graphs.Model.Folder); // one per model, shared by engines with other options
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
                $"The tokenizer files in '{_graphs.Model.Folder}' (vocab.json, merges.txt, tokenizer_config.json) cannot be read: {e.Message}", _graphs.Model.Folder, e);
        }
        ModelName = $"Qwen3-TTS:{name}";
        ParameterCount = CountParameters(_graphs.Model.GraphFolder);
        Qwen3Model model = _graphs.Model;
        log.Information("Qwen TTS model {Name} ready on {Device}: precision {Precision} ({TensorTypes}), ONNX Runtime {Version}, " +
            "{Parameters:N0} parameters (weight tensors summed over the 8 graphs; weights two graphs share count twice), " +
            "graphs in {Folder}, hidden {Hidden}, {Layers} talker layers",
            name, model.Device, model.Precision, model.TensorTypes, OnnxEnvironment.Instance.GetVersionString(), ParameterCount, model.GraphFolder,
            model.Hidden, model.PastInputs / 2);
    }

    /// <summary>The weights summed over the graphs, or -1 when a graph's protobuf cannot be read for counting (the model still runs).</summary>
    private static long CountParameters(string graphFolder)
    {
        try
        {
            return Qwen3Model.GraphNames.Sum(g => OnnxParameterCounter.Count(Path.Combine(graphFolder, g + ".onnx")));
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            ModuleLog.For(Qwen3Model.Source).Debug(e, "Parameter count unavailable for {Folder}", graphFolder);
            return -1;
        }
    }

    public string Name => EngineName;
    public string ModelName { get; }
    public long ParameterCount { get; }
    public string Device => _graphs.Model.Device;
    public Qwen3Model Model => _graphs.Model;
    internal Qwen3TextTokenizer Tokenizer => _tokenizer;
    /// <summary>Why CUDA was asked for but CPU is used; null when nothing fell back.</summary>
    public string? DeviceFallback => _graphs.Model.DeviceFallback;

    public SynthesizedSpeech Synthesize(SynthesisRequest request, CancellationToken cancellation)
    {
        long started = Stopwatch.GetTimestamp();
        Qwen3Voice voice = request.Reference.EngineVoice as Qwen3Voice ?? Voice(request.Reference);
        double voiceMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var generator = new Qwen3Generator(_graphs);
        // A retry draws fresh uniforms; a fixed -Seed still gives the same first attempt every time.
        IUniformSource uniforms = new SeededUniformSource((request.Seed ?? Random.Shared.Next()) + request.Attempt - 1);
        var pieces = new List<float[]>();
        int frames = 0;
        double loopMs = 0, runMs = 0;
        foreach (string chunk in SplitSentences(request.Text))
        {
            long[] ids = _tokenizer.SynthesisPrompt(chunk);
            int budget = (int)Math.Min(_options.Sampling.MaxNewTokens, Math.Ceiling(FramesPerSecond * (BudgetBaseSeconds + BudgetSecondsPerCharacter * chunk.Length)));
            Qwen3Generation generation = generator.Generate(ids, voice, _options.Language, _options.NonStreaming, _options.Sampling, uniforms, budget, cancellation);
            if (generation.StopReason != "eos")
                ModuleLog.For(Qwen3Model.Source).Warning("Qwen3 reached its budget of {Budget} frames without EOS for '{Chunk}'", budget, chunk);
            pieces.Add(generation.Waveform);
            frames += generation.Codes.Count;
            loopMs += generation.LoopTime.TotalMilliseconds;
            runMs += generation.LoopRunTime.TotalMilliseconds;
        }
        float[] wave = Crossfade(pieces, (int)(CrossfadeSeconds * Qwen3Model.SampleRateHz));
        if (wave.Length == 0) throw new SynthesisAttemptException(VoiceCloneErrorCategory.Model, "Qwen3 stopped before the first frame: no audio.");
        return new SynthesizedSpeech(wave, Qwen3Model.SampleRateHz, ModelName)
        {
            Device = Device,
            Counters = new Dictionary<string, double>
            {
                ["frames"] = frames,
                ["tokens"] = frames * _graphs.Model.Config.CodeGroups,
                ["voice_ms"] = voiceMs,
                ["generation_ms"] = loopMs,
                ["inside_run_ms"] = runMs,
            },
        };
    }

    /// <summary>The voice of a reference recording, computed once per recording (by content) and shared by every clone.</summary>
    public Qwen3Voice Voice(PreparedReference reference) => _voices.Get(reference.Sha256, _ => ComputeVoice(reference));

    /// <summary>
    /// A saved voice profile as a prepared reference: the voice (refused when made with another model) and the analysis and
    /// spectrum stored with it, so that cloning from it needs neither the recording nor its analysis.
    /// </summary>
    public PreparedReference LoadProfile(string path) => Qwen3VoiceProfileFile.Read(path).ToPreparedReference(this, path);

    /// <summary>Writes the profile of <paramref name="reference"/> to <paramref name="path"/>; returns the voice and when it was made.</summary>
    public (Qwen3Voice Voice, DateTimeOffset Created) SaveProfile(PreparedReference reference, string path, bool overwrite)
    {
        Qwen3Voice voice = Voice(reference);
        LongTermSpectrum spectrum = reference.SpectrumFor(Qwen3Model.SampleRateHz)
            ?? throw new VoiceCloneException(VoiceCloneErrors.VoiceProfileInvalid, $"'{reference.Path}' has no spectrum to store.", reference.Path);
        var profile = Qwen3VoiceProfileFile.Create(this, voice, reference, spectrum, _options.ReferenceText);
        profile.Write(path, overwrite);
        return (voice, profile.Created);
    }

    private Qwen3Voice ComputeVoice(PreparedReference reference)
    {
        AudioBuffer recording = reference.Audio
            ?? throw new InvalidOperationException("A reference restored from a profile carries its voice; it has no recording to compute one from.");
        float[] audio = Qwen3Reference.Prepare(recording);
        var voice = new Qwen3Voice(_graphs.SpeakerEmbedding(audio));
        return _options.ReferenceText is null ? voice
            : voice with { ReferenceCodes = _graphs.EncodeReference(audio), ReferenceTextIds = _tokenizer.ReferencePrompt(_options.ReferenceText) };
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>Sentences gathered into chunks of at most <see cref="MaxChunkCharacters"/> (a longer sentence stays whole).</summary>
    public static List<string> SplitSentences(string text)
    {
        var chunks = new List<string>();
        string current = "";
        foreach (string sentence in SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0))
        {
            if (current.Length > 0 && current.Length + 1 + sentence.Length > MaxChunkCharacters)
            {
                chunks.Add(current);
                current = sentence;
            }
            else
            {
                current = current.Length == 0 ? sentence : current + " " + sentence;
            }
        }
        if (current.Length > 0) chunks.Add(current);
        return chunks;
    }

    /// <summary>Joins pieces with an equal-power (sine/cosine) crossfade of <paramref name="overlap"/> samples.</summary>
    public static float[] Crossfade(IReadOnlyList<float[]> pieces, int overlap)
    {
        var result = new List<float>(pieces.Sum(p => p.Length));
        foreach (float[] piece in pieces)
        {
            int n = Math.Min(overlap, Math.Min(result.Count, piece.Length));
            for (int i = 0; i < n; i++)
            {
                double t = (i + 0.5) / n;
                int at = result.Count - n + i;
                result[at] = (float)(result[at] * Math.Cos(t * Math.PI / 2) + piece[i] * Math.Sin(t * Math.PI / 2));
            }
            for (int i = n; i < piece.Length; i++) result.Add(piece[i]);
        }
        return result.ToArray();
    }
}
