using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Pitch;
using System.Globalization;
using VoiceClone.Core.Models;
using VoiceClone.Core.Runs;
using VoiceClone.Core.Telemetry;

namespace VoiceClone.Core.Runtime;

/// <summary>How to analyse a batch of recordings.</summary>
public sealed record AnalysisSettings
{
    public static double DefaultPitchFloorHz => PitchTrackerOptions.Default.MinHz;
    public static double DefaultPitchCeilingHz => PitchTrackerOptions.Default.MaxHz;

    public PitchAlgorithm PitchAlgorithm { get; init; } = PitchAlgorithm.Default;
    public VadMethod Vad { get; init; } = VadMethod.Auto;
    public double PitchFloorHz { get; init; } = DefaultPitchFloorHz;
    public double PitchCeilingHz { get; init; } = DefaultPitchCeilingHz;
    /// <summary>Search adult speaking voices only (60-400 Hz) instead of the floor and ceiling.</summary>
    public bool SpeechRange { get; init; }
    public double MinimumPauseSeconds { get; init; } = 0.25;
    public bool IncludeContour { get; init; }
}

/// <summary>The voice-analysis capability: pitch, energy and stress, pauses, speaking rate, voice quality.</summary>
public sealed class AnalysisService
{
    public const string Source = VoiceFeatureExtractor.Source;
    private readonly VoiceCloneRuntime _runtime;

    internal AnalysisService(VoiceCloneRuntime runtime) => _runtime = runtime;

    /// <summary>
    /// Checks <paramref name="settings"/> and loads the models they need, once for a whole batch: a bad range or a missing
    /// model is one error for the batch, not one per file.
    /// </summary>
    public FeatureAnalysis Prepare(AnalysisSettings settings)
    {
        if (settings.PitchCeilingHz <= settings.PitchFloorHz)
        {
            throw new VoiceCloneException(VoiceCloneErrors.ConfigurationInvalid,
                $"The pitch ceiling ({settings.PitchCeilingHz} Hz) must be above the pitch floor ({settings.PitchFloorHz} Hz).");
        }
        var options = new VoiceFeatureOptions
        {
            Pitch = settings.SpeechRange ? PitchTrackerOptions.Speech
                : PitchTrackerOptions.Default with { MinHz = settings.PitchFloorHz, MaxHz = settings.PitchCeilingHz },
            PitchAlgorithm = settings.PitchAlgorithm,
            Vad = settings.Vad,
            MinimumPauseSeconds = settings.MinimumPauseSeconds,
            IncludeContour = settings.IncludeContour,
            SwiftF0Model = settings.PitchAlgorithm == PitchAlgorithm.SwiftF0
                ? _runtime.Sessions.Get(_runtime.Models.Require(ModelLocations.SwiftF0, "The SwiftF0 pitch tracker")) : null,
            SileroVadModel = settings.Vad switch
            {
                VadMethod.Silero => _runtime.Sessions.Get(_runtime.Models.Require(ModelLocations.SileroVad, "The Silero speech detector")),
                VadMethod.Auto when _runtime.Models.Find(ModelLocations.SileroVad) is { } silero => _runtime.Sessions.Get(silero),
                _ => null,
            },
        };
        var log = new RunLog("Get-VoiceFeature", RunParameters(settings));
        // Runs are compared within one pitch tracker and speech detector: they set the cost.
        log.Describe($"{options.PitchAlgorithm}/{(options.SileroVadModel is null ? VadMethod.Energy : VadMethod.Silero)}", "cpu");
        return new FeatureAnalysis(options, new BatchRun(_runtime.Runs.Track(log, RunWritePolicy.Batch)));
    }

    private static Dictionary<string, string?> RunParameters(AnalysisSettings s) => new()
    {
        ["pitch_algorithm"] = s.PitchAlgorithm.ToString(), ["vad"] = s.Vad.ToString(), ["speech_range"] = s.SpeechRange.ToString(),
        ["pitch_floor_hz"] = s.PitchFloorHz.ToString(CultureInfo.InvariantCulture), ["pitch_ceiling_hz"] = s.PitchCeilingHz.ToString(CultureInfo.InvariantCulture),
        ["minimum_pause_seconds"] = s.MinimumPauseSeconds.ToString(CultureInfo.InvariantCulture), ["include_contour"] = s.IncludeContour.ToString(),
    };
}

/// <summary>One batch's analysis, its models loaded and its run (finish it when the batch ends); thread-safe, one call per recording.</summary>
public sealed class FeatureAnalysis
{
    private readonly VoiceFeatureOptions _options;

    internal FeatureAnalysis(VoiceFeatureOptions options, BatchRun run)
    {
        _options = options;
        Run = run;
    }

    public BatchRun Run { get; }

    /// <param name="text">The words spoken, when known: Wpm is then exact.</param>
    public VoiceFeatures Analyze(string path, string? text) => Run.Item(path, () => Measure(path, text), features => new RunItem
    {
        AudioSeconds = features.DurationSeconds,
        Measures = new()
        {
            ["speech_fraction"] = features.DurationSeconds > 0 ? features.SpeechSeconds / features.DurationSeconds : double.NaN,
            ["clipped_fraction"] = features.ClippedFraction, ["clipped"] = features.IsClipped ? 1 : 0,
        },
    });

    private VoiceFeatures Measure(string path, string? text)
    {
        using var metrics = ExecutionMetrics.Start("Get-VoiceFeature", AnalysisService.Source, $"path={path}");
        try
        {
            VoiceFeatures features = VoiceFeatureExtractor.Analyze(path, _options with { Text = text });
            metrics.Complete($"VoiceFeatures duration_s={features.DurationSeconds:F3} sample_rate_hz={features.SampleRateHz} features={features.FeatureVector.Length}");
            return features;
        }
        catch (VoiceCloneException e)
        {
            metrics.Fail(e.ErrorId);
            throw;
        }
    }
}
