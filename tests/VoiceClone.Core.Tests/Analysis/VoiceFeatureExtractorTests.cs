using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Telemetry;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Tests.Telemetry;

namespace VoiceClone.Core.Tests.Analysis;

[Collection(ModuleLogCollection.Name)]
public sealed class VoiceFeatureExtractorTests
{
    private static VoiceFeatures Analyze(float[] x, VoiceFeatureOptions? options = null) =>
        VoiceFeatureExtractor.Analyze(new AudioBuffer(x, Voices.Rate), "synthetic.wav", options ?? new VoiceFeatureOptions());

    /// <summary>A "syllable": 150 ms of voice at <paramref name="hz"/>, rising and falling in level.</summary>
    private static float[] Syllable(double hz = 150)
    {
        float[] x = Voices.Harmonic(_ => hz, 0.15);
        for (int i = 0; i < x.Length; i++) x[i] *= (float)Math.Sin(Math.PI * i / x.Length);
        return x;
    }

    private static float[] Phrase(int syllables) =>
        Voices.Concat(Enumerable.Range(0, syllables).SelectMany(_ => new[] { Syllable(), Voices.Silence(0.06) }).ToArray());

    [Fact]
    public void Pitch_summary_matches_a_known_voice()
    {
        VoiceFeatures f = Analyze(Voices.Concat(Voices.Silence(0.3), Voices.Harmonic(t => 150 * Math.Pow(2, t / 2), 2.0), Voices.Silence(0.3)));
        Assert.InRange(f.PitchMedian, 150 * Math.Pow(2, 0.5) * 0.98, 150 * Math.Pow(2, 0.5) * 1.02);
        Assert.InRange(f.PitchRangeLow, 150, 160);   // 5th percentile of a 150 -> 300 Hz glide
        Assert.InRange(f.PitchRangeHigh, 280, 300);
        Assert.InRange(f.PitchStdSemitones, 3.0, 4.0); // uniform over 12 semitones: 12 / sqrt(12) = 3.46
        Assert.InRange(f.VoicedFraction, 0.7, 0.8);  // 2.0 of 2.6 s
        Assert.Equal("YIN+Viterbi", f.PitchAlgorithm);
    }

    [Fact]
    public void Syllables_pauses_and_rates_are_counted()
    {
        // 3 phrases of 5 syllables separated by pauses of 0.3, 0.6 and 1.2 s (three different entropy bins).
        float[] x = Voices.Concat(Phrase(5), Voices.Silence(0.3), Phrase(5), Voices.Silence(0.6), Phrase(5), Voices.Silence(1.2), Phrase(5));
        VoiceFeatures f = Analyze(x);
        Assert.InRange(f.SyllableCount, 19, 21);
        Assert.Equal(3, f.PauseCount);
        Assert.Equal([0.3, 0.6, 1.2], f.PauseDurations.Select(p => Math.Round(p, 1)));
        Assert.Equal(Math.Log(3) / Math.Log(8), f.PauseEntropy, 6);
        Assert.InRange(f.ArticulationRate, f.SyllablesPerSecond, 10);
        Assert.Equal("Estimated", f.WpmSource);
    }

    [Fact]
    public void Wpm_is_exact_when_the_text_is_given()
    {
        float[] x = Voices.Concat(Voices.Silence(0.5), Phrase(10), Voices.Silence(0.5));
        VoiceFeatures f = Analyze(x, new VoiceFeatureOptions { Text = "one two three four five six" });
        Assert.Equal("Text", f.WpmSource);
        // 6 words over the span from first to last speech frame (about 10 x 0.21 s)
        Assert.InRange(f.Wpm, 6 / 2.2 * 60, 6 / 1.9 * 60);
    }

    [Fact]
    public void Jitter_and_shimmer_grow_with_real_perturbation()
    {
        // 125 Hz = exactly 128 samples at 16 kHz: pulses on whole samples, so "steady" really has no jitter.
        VoiceFeatures steady = Analyze(Voices.Vowel(125, 1.5, jitter: 0));
        VoiceFeatures shaky = Analyze(Voices.Vowel(125, 1.5, jitter: 0.02, shimmer: 0.1));
        Assert.InRange(steady.JitterLocal, 0, 0.001);
        Assert.InRange(shaky.JitterLocal, 0.008, 0.03); // uniform +-2 %: mean |T_i - T_i+1| / T is about 1.3 %
        Assert.True(shaky.JitterLocal > 3 * steady.JitterLocal);
        Assert.InRange(steady.ShimmerLocalDb, 0, 0.1);
        Assert.InRange(shaky.ShimmerLocalDb, 0.4, 2.0); // +-10 % amplitude: mean |20 log10(A_i+1 / A_i)| is about 1 dB
    }

    [Fact]
    public void Hnr_is_high_for_a_clean_voice_and_falls_with_noise()
    {
        float[] voice = Voices.Harmonic(_ => 140, 1.5);
        double clean = Analyze(voice).HnrDb;
        double noisy = Analyze(Voices.Add(voice, Voices.WhiteNoise(voice.Length, Signals.Rms(voice) / Math.Pow(10, 10 / 20.0)))).HnrDb;
        Assert.True(clean > 25, $"clean {clean:F1} dB");
        Assert.InRange(noisy, 0, 15);
    }

    [Fact]
    public void Formants_of_a_synthetic_vowel_are_found()
    {
        VoiceFeatures f = Analyze(Voices.Vowel(110, 1.5, formantsHz: [700, 1220, 2600]));
        Assert.InRange(f.F1Hz, 700 * 0.9, 700 * 1.1);
        Assert.InRange(f.F2Hz, 1220 * 0.9, 1220 * 1.1);
        Assert.InRange(f.F3Hz, 2600 * 0.9, 2600 * 1.1);
    }

    [Fact]
    public void Silence_warns_no_voiced_segments_and_still_returns_an_object()
    {
        var logs = new LogForwarding();
        VoiceFeatures f;
        using (logs.Activate()) f = Analyze(Voices.Add(Voices.Silence(1.0), Voices.WhiteNoise(Voices.Rate, 1e-5)));
        Assert.True(double.IsNaN(f.Pitch));
        Assert.True(double.IsNaN(f.JitterLocal));
        Assert.Equal(0, f.SyllableCount);
        Assert.Contains(logs.Drain(), e => e.Level == ModuleLogLevel.Warning && e.Source == "feature_extractor" && e.Message.Contains("No voiced segments"));
    }

    [Fact]
    public void Recordings_under_half_a_second_are_refused()
    {
        var e = Assert.Throws<VoiceCloneException>(() => Analyze(Voices.Harmonic(_ => 150, 0.4)));
        Assert.Equal("AudioTooShort", e.ErrorId);
    }

    [Fact]
    public void Clipping_is_detected()
    {
        float[] loud = Voices.Harmonic(_ => 150, 1.0, amplitude: 3).Select(v => Math.Clamp(v, -1f, 1f)).ToArray();
        Assert.True(Analyze(loud).IsClipped);
        Assert.False(Analyze(Voices.Harmonic(_ => 150, 1.0)).IsClipped);
    }

    [Fact]
    public void Other_rates_are_resampled_and_give_the_same_pitch()
    {
        float[] at16k = Voices.Harmonic(_ => 190, 1.0);
        float[] at44k = SincResampler.Resample(at16k, 16000, 44100);
        double a = Analyze(at16k).PitchMedian;
        double b = VoiceFeatureExtractor.Analyze(new AudioBuffer(at44k, 44100), "x.wav", new()).PitchMedian;
        Assert.Equal(a, b, 0.5);
    }

    [Fact]
    public void A_file_streamed_and_resampled_as_it_is_read_gives_the_features_of_the_recording_in_memory()
    {
        using var folder = new TempDirectory();
        const int rateHz = 192000;
        // A phrase whose loudest stretch clips: clipping is counted on the file's own samples, not the resampled ones.
        float[] x = SincResampler.Resample(Phrase(8), Voices.Rate, rateHz).Select((v, i) => i % 4000 == 0 ? 1f : v).ToArray();
        string path = folder.File("phrase-192k.wav");
        WavWriter.Write(path, x, rateHz, WavSampleFormat.Float32);

        VoiceFeatures streamed = VoiceFeatureExtractor.Analyze(path, new VoiceFeatureOptions());
        VoiceFeatures inMemory = VoiceFeatureExtractor.Analyze(new AudioBuffer(x, rateHz), path, new VoiceFeatureOptions());

        Assert.Equal(inMemory.FeatureVector, streamed.FeatureVector);
        Assert.Equal(rateHz, streamed.SampleRateHz);
        Assert.Equal((double)x.Length / rateHz, streamed.DurationSeconds, 9);
        Assert.Equal(x.Count(v => v >= 0.999f) / (double)x.Length, streamed.ClippedFraction, 12);
    }

    [Fact]
    public void The_feature_vector_has_a_fixed_named_order()
    {
        VoiceFeatures f = Analyze(Phrase(8));
        Assert.Equal(VoiceFeatureExtractor.FeatureNames.Count, f.FeatureVector.Length);
        Assert.Equal(f.Pitch, f.FeatureVector[0]);
        var names = VoiceFeatureExtractor.FeatureNames.ToList();
        Assert.Equal(f.MfccStdDevs[3], f.FeatureVector[names.IndexOf("mfcc4_std")]);
        Assert.Equal(f.HnrDb, f.FeatureVector[names.IndexOf("hnr_db")]);
        Assert.Equal(f.MfccStdDevs[3], f.FeatureVector[^1]);
        Assert.Equal(VoiceFeatureExtractor.FeatureNames.Count, VoiceFeatureExtractor.FeatureNames.Distinct().Count());
    }

    [Fact]
    public void The_contour_is_only_included_when_asked()
    {
        Assert.Null(Analyze(Phrase(3)).Contour);
        var contour = Analyze(Phrase(3), new VoiceFeatureOptions { IncludeContour = true }).Contour!;
        Assert.Contains(contour, p => Math.Abs(p.FrequencyHz - 150) < 3 && p.VoicingProbability > 0.5);
        Assert.Equal(0.01, contour[1].TimeSeconds - contour[0].TimeSeconds, 6);
    }
}
