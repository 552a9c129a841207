using VoiceClone.Core.Analysis;
using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Models;
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
        return new FeatureAnalysis(options);
    }
}

/// <summary>One batch's analysis, its models loaded; thread-safe, one call per recording.</summary>
public sealed class FeatureAnalysis
{
    private readonly VoiceFeatureOptions _options;

    internal FeatureAnalysis(VoiceFeatureOptions options) => _options = options;

    /// <param name="text">The words spoken, when known: Wpm is then exact.</param>
    public VoiceFeatures Analyze(string path, string? text)
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
