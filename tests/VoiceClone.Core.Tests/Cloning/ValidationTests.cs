using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;

namespace VoiceClone.Core.Tests.Cloning;

public sealed class ValidationTests
{
    private static readonly VoiceFeatures Reference = new() { PitchMedian = 200, ArticulationRate = 5, SyllableCount = 40 };

    private static VoiceFeatures Clone(double pitch = 200, double rate = 5, double seconds = 3, bool clipped = false) =>
        new() { PitchMedian = pitch, ArticulationRate = rate, DurationSeconds = seconds, SyllableCount = 12, IsClipped = clipped, ClippedFraction = clipped ? 0.01 : 0 };

    private const string EightWords = "the birch canoe slid on the smooth planks";

    [Fact]
    public void A_good_clone_passes_every_check()
    {
        var report = CloneValidator.Validate(1, EightWords, Clone(), activeLevelDb: -20, Reference);
        Assert.True(report.Passed);
        Assert.Equal(["not_silent", "not_clipped", "duration_plausible", "pitch_match", "rate_match"], report.Checks.Select(c => c.Name));
        Assert.Null(CloneRetryPolicy.Next(1, Request(), report) is { } next && next.Method.Length > 0 ? (object)next : null);
    }

    [Fact]
    public void Silence_clipping_and_an_implausible_length_are_hard_failures_with_their_own_retries()
    {
        var silent = CloneValidator.Validate(1, EightWords, Clone(), activeLevelDb: -70, Reference);
        Assert.True(silent.HardFailure);
        Assert.Equal("resynthesize", CloneRetryPolicy.Next(1, Request(), silent)!.Value.Method);

        var clipped = CloneValidator.Validate(1, EightWords, Clone(clipped: true), -20, Reference);
        var retry = CloneRetryPolicy.Next(1, Request(), clipped)!.Value;
        Assert.Equal("reduce_gain", retry.Method);
        Assert.Equal(-6, retry.Request.GainCorrectionDb);

        var tooLong = CloneValidator.Validate(1, EightWords, Clone(seconds: 20), -20, Reference);
        Assert.Contains("duration_plausible", tooLong.Failed);
        Assert.True(CloneRetryPolicy.Next(1, Request(), tooLong)!.Value.Request.DurationCorrection < 1);
    }

    [Fact]
    public void A_missed_pitch_or_rate_is_corrected_by_the_measured_miss_and_is_soft()
    {
        var report = CloneValidator.Validate(1, EightWords, Clone(pitch: 220, rate: 5.6), -20, Reference);
        Assert.False(report.Passed);
        Assert.False(report.HardFailure);
        var retry = CloneRetryPolicy.Next(1, Request(), report)!.Value;
        Assert.Equal("feedback_correction", retry.Method);
        Assert.Equal(200.0 / 220, retry.Request.PitchCorrection, 6);
        Assert.Equal(5.6 / 5, retry.Request.DurationCorrection, 6); // too fast: longer
        Assert.Null(CloneRetryPolicy.Next(CloneRetryPolicy.MaxAttemptsForMatchGoals, Request(), report)); // match goals earn one retry
    }

    [Fact]
    public void Rate_is_not_judged_on_a_reference_too_short_to_have_one()
    {
        var twoWords = Reference with { SyllableCount = 3 };
        var report = CloneValidator.Validate(1, EightWords, Clone(rate: 9), -20, twoWords);
        Assert.DoesNotContain(report.Checks, c => c.Name == "rate_match");
        Assert.True(report.Passed);
    }

    [Fact]
    public void No_attempt_follows_the_last()
    {
        var report = CloneValidator.Validate(3, EightWords, Clone(), activeLevelDb: -70, Reference);
        Assert.Null(CloneRetryPolicy.Next(CloneRetryPolicy.MaxAttempts, Request(), report));
        Assert.Equal("resynthesize", CloneRetryPolicy.Next(1, Request(), report: null)!.Value.Method); // engine failure
    }

    private static SynthesisRequest Request() => new(EightWords, new PreparedReference("ref.wav", "", Reference, new EmotionResult(), audio: null));
}
