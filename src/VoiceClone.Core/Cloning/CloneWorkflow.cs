using System.Diagnostics;
using Serilog;
using VoiceClone.Core.Analysis.Rate;
using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Fingerprints;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Cloning;

/// <summary>Where and how clones are written.</summary>
public sealed record CloneOptions(string OutputDirectory)
{
    /// <summary>Replace an existing pair of the same id.</summary>
    public bool Overwrite { get; init; }
    /// <summary>A fixed id (one clone); null draws a fresh one per clone.</summary>
    public string? Id { get; init; }
    public int? Seed { get; init; }
    /// <summary>The voiced_speech limit of validation (<see cref="CloneValidator.MinVoicedFraction"/>).</summary>
    public double MinVoicedFraction { get; init; } = CloneValidator.MinVoicedFraction;
}

/// <summary>
/// One clone from start to finish: the prepared reference (<see cref="ReferencePreparer"/>, once per recording),
/// synthesis, validation with retries (<see cref="CloneRetryPolicy"/>), the clone's own analysis, and the pair written
/// atomically; every stage, retry, validation and error goes to the run log. Thread-safe: one workflow serves a batch.
/// </summary>
public sealed class CloneWorkflow(IVoiceEngine engine, EmotionModel emotionModel, ReferencePreparer references, RunLog runLog, CloneOptions options)
{
    public const string Source = "voice_clone";
    public const int MaxTextCharacters = 10_000;
    // A drawn id collides only by chance; this many fresh draws make a second collision impossible in practice.
    private const int MaxIdDraws = 3;
    private static readonly ILogger Log = ModuleLog.For(Source);

    public RunLog RunLog => runLog;
    public CloneOptions Options => options;

    /// <summary>The same engine, models and run log with other options (a manifest row's own id).</summary>
    public CloneWorkflow With(CloneOptions changed) => new(engine, emotionModel, references, runLog, changed);

    public VoiceCloneResult Clone(string referencePath, string text, CancellationToken cancellation) =>
        Run(referencePath, id => PrepareReference(id, referencePath), text, cancellation);

    /// <summary>A clone from a voice an engine restored (a saved profile): its stored analysis stands in for the recording.</summary>
    public VoiceCloneResult Clone(PreparedReference restored, string text, CancellationToken cancellation) =>
        Run(restored.EngineVoiceSource ?? restored.Path, id =>
        {
            using RunLog.Stage stage = runLog.BeginStage(id, "reference_analysis");
            stage.Complete("voice profile");
            return restored;
        }, text, cancellation);

    private VoiceCloneResult Run(string referencePath, Func<string, PreparedReference> prepare, string text, CancellationToken cancellation)
    {
        string id = options.Id ?? CloneIds.New();
        long startTicks = Stopwatch.GetTimestamp();
        using var metrics = ExecutionMetrics.Start("New-VoiceClone", Source, $"reference={referencePath} text_chars={text.Length} engine={engine.Name}");
        try
        {
            RequireSpeakable(text);
            PreparedReference reference = prepare(id);
            Log.Information("Generating audio for text: {Text}", text);
            Log.Information("Analysis: Extracted F0 Pitch (Mean: {Pitch:F0}Hz)", reference.Features.Pitch);
            Log.Information("Analysis: Emotion Detected: {Emotion} ({Percent:F0}% Confidence)",
                Capitalized(reference.Emotion.Emotion), reference.Emotion.Confidence * 100);

            var timings = new Dictionary<string, double?>();
            Attempt best = SynthesizeValidated(id, text, reference, timings, cancellation);
            VoiceCloneResult result = Persist(id, text, reference, best, timings, startTicks, cancellation);
            runLog.Clone(result, referencePath, reference.Emotion.Emotion, best.Emotion.Emotion, Stopwatch.GetElapsedTime(startTicks).TotalSeconds,
                best.Speech.Counters);
            metrics.Complete($"VoiceCloneResult duration_s={result.DurationSeconds:F2} engine={engine.Name} attempts={result.Attempts} validation={result.Validation}");
            return result;
        }
        catch (VoiceCloneException e)
        {
            runLog.Error(id, e);
            runLog.Clone(id, referencePath, text, "failed");
            metrics.Fail(e.ErrorId);
            throw;
        }
        catch (OperationCanceledException)
        {
            runLog.Clone(id, referencePath, text, "stopped");
            throw;
        }
    }

    private static void RequireSpeakable(string text)
    {
        if (text.Length > MaxTextCharacters)
            throw new VoiceCloneException(VoiceCloneErrors.TextInvalid, $"The text has {text.Length} characters; at most {MaxTextCharacters} are spoken per clone. Split it into several texts.");
        if (SpeechRate.CountWords(text) == 0)
            throw new VoiceCloneException(VoiceCloneErrors.TextInvalid, $"The text '{text}' has no words to speak.");
    }

    private PreparedReference PrepareReference(string id, string referencePath)
    {
        using RunLog.Stage stage = runLog.BeginStage(id, "reference_analysis");
        try
        {
            PreparedReference reference = references.Prepare(referencePath, emotionModel, out bool cached);
            stage.Complete(cached ? "cached" : "analysed", cached ? null : reference.Features.DurationSeconds);
            return reference;
        }
        catch (VoiceCloneException e)
        {
            stage.Fail(e.ErrorId);
            throw;
        }
    }

    private sealed record Attempt(int Number, SynthesizedSpeech Speech, VoiceFeatures Features, EmotionResult Emotion,
        double TimbreDistance, ValidationReport Report);

    private Attempt SynthesizeValidated(string id, string text, PreparedReference reference, Dictionary<string, double?> timings, CancellationToken cancellation)
    {
        var request = new SynthesisRequest(text, reference) { Seed = options.Seed };
        Attempt? last = null;
        for (int attempt = 1; ; attempt++)
        {
            cancellation.ThrowIfCancellationRequested();
            long attemptStart = Stopwatch.GetTimestamp();
            string? failure = null;
            VoiceCloneErrorCategory failureCategory = VoiceCloneErrorCategory.Unknown;
            SynthesizedSpeech? speech = null;
            using (RunLog.Stage stage = runLog.BeginStage(id, "synthesis", attempt))
            {
                try
                {
                    speech = engine.Synthesize(request with { Attempt = attempt }, cancellation);
                    stage.Complete($"{speech.DurationSeconds:F2} s from {speech.ModelUsed}", speech.DurationSeconds);
                    timings["synthesis"] = stage.ElapsedMs;
                }
                catch (SynthesisAttemptException e)
                {
                    stage.Fail(e.Message);
                    (failure, failureCategory) = (e.Message, e.Category);
                    runLog.Error(id, e.Category, VoiceCloneErrors.SynthesisFailed.ErrorId, e.Message,
                        autoRecoverable: attempt < CloneRetryPolicy.MaxAttempts, VoiceCloneErrors.SynthesisFailed.Remedy);
                }
            }
            if (speech is not null)
            {
                last = AnalyzeOutput(id, attempt, text, speech, reference, timings);
                runLog.Validation(id, last.Report);
                if (last.Report.Passed) return last;
                failure = "validation failed: " + string.Join(", ", last.Report.Failed);
            }

            var next = CloneRetryPolicy.Next(attempt, request, last?.Number == attempt ? last.Report : null);
            if (next is null)
            {
                if (last is not null && !last.Report.HardFailure)
                {
                    Log.Warning("Clone {Id} kept after {Attempts} attempts; it still misses: {Checks}", id, attempt, string.Join(", ", last.Report.Failed));
                    return last;
                }
                throw new VoiceCloneException(VoiceCloneErrors.SynthesisFailed,
                    $"No usable clone of '{Path.GetFileName(reference.Path)}' after {attempt} attempt(s): {failure} (category {RunLog.CategoryName(failureCategory)}; run log {runLog.RunId}).",
                    reference.Path);
            }
            Log.Debug("Clone {Id} attempt {Attempt} failed ({Failure}); retrying with {Method}", id, attempt, failure, next.Value.Method);
            runLog.Retry(id, attempt + 1, next.Value.Method, failure!, Stopwatch.GetElapsedTime(attemptStart).TotalMilliseconds, "retrying");
            request = next.Value.Request;
        }
    }

    private Attempt AnalyzeOutput(string id, int attempt, string text, SynthesizedSpeech speech, PreparedReference reference, Dictionary<string, double?> timings)
    {
        using RunLog.Stage stage = runLog.BeginStage(id, "output_analysis", attempt);
        var audio = new AudioBuffer(speech.Samples, speech.SampleRateHz);
        VoiceFeatures features = ComparisonAnalysis.AnalyzeSpeech(audio, "clone", text);
        EmotionResult emotion = emotionModel.Classify(audio, "clone");
        LongTermSpectrum? referenceSpectrum = reference.SpectrumFor(speech.SampleRateHz);
        LongTermSpectrum cloneSpectrum = LongTermSpectrum.Measure(audio, referenceSpectrum?.HighHz ?? LongTermSpectrum.CommonHighHz(speech.SampleRateHz, speech.SampleRateHz));
        var report = CloneValidator.Validate(attempt, text, features, cloneSpectrum.ActiveLevelDb, reference.Features,
            options.MinVoicedFraction);
        stage.Complete(report.Passed ? "passed" : "failed: " + string.Join(", ", report.Failed), speech.DurationSeconds);
        timings["output_analysis"] = stage.ElapsedMs;
        double timbre = referenceSpectrum is null ? double.NaN : cloneSpectrum.TimbreDistance(referenceSpectrum);
        return new Attempt(attempt, speech, features, emotion, timbre, report);
    }

    private VoiceCloneResult Persist(string id, string text, PreparedReference reference, Attempt clone, Dictionary<string, double?> timings,
        long startTicks, CancellationToken cancellation)
    {
        for (int draw = 1; ; draw++)
        {
            using RunLog.Stage stage = runLog.BeginStage(id, "persist");
            try
            {
                var (audioPath, fingerprintPath) = ClonePairWriter.Write(options.OutputDirectory, id, clone.Speech,
                    sha256 => Fingerprint(id, text, reference, clone, sha256, timings, startTicks), options.Overwrite, cancellation);
                stage.Complete();
                Log.Information("Saved audio to {Path}", audioPath);
                Log.Information("Saved metadata to {Path}", fingerprintPath);
                return Result(id, text, reference, clone, audioPath, fingerprintPath, startTicks);
            }
            catch (VoiceCloneException e) when (e.Error == VoiceCloneErrors.OutputExists && options.Id is null && draw < MaxIdDraws)
            {
                stage.Fail(e.ErrorId);
                string fresh = CloneIds.New();
                runLog.Error(id, VoiceCloneErrorCategory.Io, e.ErrorId, e.Message, autoRecoverable: true, "none needed: a fresh id was drawn");
                runLog.Retry(id, draw + 1, "new_id", $"id {id} already on disk", stage.ElapsedMs, $"retrying as {fresh}");
                id = fresh;
            }
            catch (VoiceCloneException e)
            {
                stage.Fail(e.ErrorId);
                throw;
            }
        }
    }

    private FingerprintDocument Fingerprint(string id, string text, PreparedReference reference, Attempt clone, string sha256,
        Dictionary<string, double?> timings, long startTicks)
    {
        VoiceFeatures referenceFeatures = reference.Features;
        return new FingerprintDocument
        {
            Id = id,
            Text = text,
            Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
            ReferenceVoiceAnalysis = VoiceAnalysisSection.From(referenceFeatures, reference.Emotion),
            ModelUsed = clone.Speech.ModelUsed,
            Engine = engine.Name,
            BaseVoice = clone.Speech.BaseVoice,
            RunId = runLog.RunId,
            Device = clone.Speech.Device,
            Audio = new AudioFileSection { Path = $"{ClonePairWriter.Prefix}{id}.wav", Sha256 = sha256, DurationSeconds = clone.Speech.DurationSeconds, SampleRateHz = clone.Speech.SampleRateHz },
            ReferenceAudio = new AudioFileSection { Path = reference.Path, Sha256 = reference.Sha256, DurationSeconds = referenceFeatures.DurationSeconds, SampleRateHz = referenceFeatures.SampleRateHz },
            CloneAnalysis = VoiceAnalysisSection.From(clone.Features, clone.Emotion),
            MatchScores = MatchScores(clone, referenceFeatures, reference.Emotion).ToDictionary(p => p.Key, p => FingerprintWriter.FiniteOrNull(p.Value)),
            TimingsMs = Timings(timings, clone.Speech, startTicks),
            Validation = ValidationText(clone.Report),
            Attempts = clone.Number,
            Seed = options.Seed,
        };
    }

    /// <summary>The workflow's stage timings, the engine's own (its counters named *_ms, e.g. "synthesis.flite_ms") and the total.</summary>
    private static Dictionary<string, double?> Timings(Dictionary<string, double?> stages, SynthesizedSpeech speech, long startTicks)
    {
        var timings = new Dictionary<string, double?>(stages);
        foreach (var (name, value) in speech.Counters.Where(c => c.Key.EndsWith("_ms", StringComparison.Ordinal)))
            timings[$"synthesis.{name[..^3]}"] = value;
        timings["total"] = Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds;
        return timings;
    }

    private static Dictionary<string, double> MatchScores(Attempt clone, VoiceFeatures reference, EmotionResult referenceEmotion) => new()
    {
        ["pitch_ratio"] = clone.Features.PitchMedian / reference.PitchMedian,
        ["articulation_rate_ratio"] = clone.Features.ArticulationRate / reference.ArticulationRate,
        ["timbre_distance"] = clone.TimbreDistance,
        ["base_timbre_distance"] = clone.Speech.Counters.GetValueOrDefault("base_timbre_distance", double.NaN),
        ["emotion_match"] = clone.Emotion.Emotion == referenceEmotion.Emotion ? 1 : 0,
    };

    private VoiceCloneResult Result(string id, string text, PreparedReference reference, Attempt clone, string audioPath, string fingerprintPath, long startTicks)
    {
        Dictionary<string, double> scores = MatchScores(clone, reference.Features, reference.Emotion);
        return new VoiceCloneResult
        {
            Id = id,
            AudioPath = audioPath,
            FingerprintPath = fingerprintPath,
            ReferencePath = reference.Path,
            Text = text,
            DurationSeconds = clone.Speech.DurationSeconds,
            Engine = engine.Name,
            ModelUsed = clone.Speech.ModelUsed,
            BaseVoice = clone.Speech.BaseVoice,
            RealTimeFactor = Stopwatch.GetElapsedTime(startTicks).TotalSeconds / clone.Speech.DurationSeconds,
            PitchRatio = scores["pitch_ratio"],
            ArticulationRateRatio = scores["articulation_rate_ratio"],
            TimbreDistance = scores["timbre_distance"],
            BaseTimbreDistance = scores["base_timbre_distance"],
            Validation = ValidationText(clone.Report),
            Attempts = clone.Number,
            RunId = runLog.RunId,
        };
    }

    private static string ValidationText(ValidationReport report) => report.Passed ? "passed" : "failed: " + string.Join(", ", report.Failed);

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
