using VoiceClone.Core.Cloning;
using VoiceClone.Core.Engines;

namespace VoiceClone.Core.Tests.Cloning;

public sealed class ValidationTests
{
    private static readonly VoiceFeatures Reference = new() { PitchMedian = 200, ArticulationRate = 5, SyllableCount = 40 };

    private static VoiceFeatures Clone(double pitch = 200, double rate = 5, double seconds = 3, bool clipped = false,
        double voiced = 0.5) =>
        new()
        {
            PitchMedian = pitch, ArticulationRate = rate, DurationSeconds = seconds, SyllableCount = 12, IsClipped = clipped,
            ClippedFraction = clipped ? 0.01 : 0, VoicedFraction = voiced,
        };

    private const string EightWords = "the birch canoe slid on the smooth planks";

    [Fact]
    public void A_good_clone_passes_every_check()
    {
        var report = CloneValidator.Validate(1, EightWords, Clone(), activeLevelDb: -20, Reference);
        Assert.True(report.Passed);
        Assert.Equal(["not_silent", "voiced_speech", "not_clipped", "duration_plausible", "pitch_match", "rate_match"],
            report.Checks.Select(c => c.Name));
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
    public void A_quarter_second_with_no_voiced_speech_for_six_Chinese_syllables_fails_hard_and_asks_for_another_voice()
    {
        // The clone: '今天天气很好。' as 0.24 s without a voiced frame (flite reading Han characters), no pitch to compare.
        const string chinese = "今天天气很好。";
        var nothing = new VoiceFeatures { DurationSeconds = 0.24, VoicedFraction = 0 };
        var report = CloneValidator.Validate(1, chinese, nothing, activeLevelDb: -30, Reference);
        Assert.True(report.HardFailure);
        Assert.Equal(["voiced_speech", "duration_plausible"], report.Failed);
        Assert.Equal("0.5-4 s for 6 Han syllables", report.Checks.Single(c => c.Name == "duration_plausible").Limit);
        var retry = CloneRetryPolicy.Next(1, Request(chinese), report)!.Value;
        Assert.Equal("next_base_voice+retime", retry.Method);
        Assert.Equal(1, retry.Request.BaseVoiceRank);
        Assert.Equal(2, retry.Request.DurationCorrection); // 6 / 5.2 s typical over 0.24 s, at most x2 a step
        Assert.Null(CloneRetryPolicy.Next(CloneRetryPolicy.MaxAttempts, Request(chinese), report)); // then SynthesisFailed

        var spoken = CloneValidator.Validate(1, chinese, Clone(seconds: 1.3), -20, Reference);
        Assert.DoesNotContain("duration_plausible", spoken.Failed);
        Assert.DoesNotContain("voiced_speech", spoken.Failed);
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

    private static SynthesisRequest Request(string text = EightWords) =>
        new(text, new PreparedReference("ref.wav", "", Reference, new EmotionResult(), audio: null));
}
