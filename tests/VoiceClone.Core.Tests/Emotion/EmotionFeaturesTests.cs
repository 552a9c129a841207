using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Emotion;

/// <summary>The emotion feature vector: its functionals, the speed-perturbed views and the calibration step.</summary>
public sealed class EmotionFeaturesTests
{
    [Fact]
    public void Functionals_of_a_ramp_are_its_known_statistics()
    {
        double[] ramp = Enumerable.Range(0, 101).Select(i => (double)i).Append(double.NaN).ToArray();
        var features = new List<float>();
        Functionals.Append(ramp, features);
        var byName = Functionals.Names.Zip(features).ToDictionary(x => x.First, x => (double)x.Second);
        Assert.Equal(50, byName["mean"], 4);
        Assert.Equal(Math.Sqrt((101.0 * 101 - 1) / 12), byName["std"], 3);
        Assert.Equal(10, byName["p10"], 4);
        Assert.Equal(90, byName["p90"], 4);
        Assert.Equal(50, byName["iqr"], 4);
        Assert.Equal(0, byName["skewness"], 4);
        Assert.Equal(100, byName["slope"], 3); // one unit per 10 ms frame
        Assert.All(Functionals.Delta(ramp).Skip(2).Take(97), d => Assert.Equal(1, d, 9));
    }

    [Fact]
    public void Too_few_values_give_NaN_features_not_an_error()
    {
        var features = new List<float>();
        Functionals.Append([1, double.NaN], features);
        Assert.Equal(Functionals.Names.Count, features.Count);
        Assert.All(features, f => Assert.True(float.IsNaN(f)));
    }

    [Fact]
    public void Speed_perturbation_raises_pitch_and_shortens_the_clip_by_its_factor()
    {
        var audio = new AudioBuffer(Voices.Harmonic(_ => 200, 2.0), Voices.Rate);
        AudioBuffer faster = SpeedPerturbation.Apply(audio, 1.1, 16000);
        Assert.Equal(2.0 / 1.1, faster.DurationSeconds, 2);
        float[] f0 = YinPitchTracker.Track(faster, PitchTrackerOptions.Default).FrequencyHz.Where(f => !float.IsNaN(f)).ToArray();
        Assert.Equal(220, f0.Order().ElementAt(f0.Length / 2), 0);
    }

    [Fact]
    public void Every_view_has_one_value_per_named_feature()
    {
        var audio = new AudioBuffer(Voices.Concat(Voices.Vowel(140, 0.8), Voices.Silence(0.3), Voices.Vowel(170, 0.8)), Voices.Rate);
        float[][] views = EmotionFeatures.Views(audio).Views;
        Assert.Equal(SpeedPerturbation.Factors.Count + 1, views.Length);
        Assert.All(views, v => Assert.Equal(EmotionFeatures.Names.Count, v.Length));
        Assert.Equal(EmotionFeatures.Names.Count, EmotionFeatures.Names.Distinct().Count());
        int meanF0 = EmotionFeatures.Names.ToList().IndexOf("f0_semitones_mean");
        Assert.True(views[^1][meanF0] > views[0][meanF0] + 2, "the 1.15x view sounds about 2.4 semitones higher");
    }

    [Fact]
    public void A_clip_is_read_at_the_analysis_rate_as_it_decodes_with_the_samples_of_whole_signal_resampling()
    {
        const int fileRateHz = 48000;
        float[] recorded = Voices.Harmonic(t => 120 + 40 * t, 1.5, amplitude: 0.2);
        float[] at48k = SincResampler.Resample(recorded, Voices.Rate, fileRateHz);
        using var folder = new TempDirectory();
        string path = folder.File("clip48k.wav");
        WavWriter.Write(path, at48k, fileRateHz, WavSampleFormat.Float32);

        AudioBuffer clip = EmotionFeatures.ReadClip(path);
        float[] whole = SincResampler.Resample(at48k, fileRateHz, Voices.Rate);
        Assert.Equal(Voices.Rate, clip.SampleRateHz);
        Assert.Equal(whole.Length, clip.Samples.Length);
        Assert.Equal(0, whole.Zip(clip.Samples, (a, b) => Math.Abs(a - b)).Max(), 6);
    }

    [Fact]
    public void Temperature_scaling_recovers_the_temperature_that_made_scores_overconfident()
    {
        var random = new Random(7);
        var truth = new List<int>();
        var overconfident = new List<float[]>();
        for (int i = 0; i < 3000; i++)
        {
            double[] logits = Enumerable.Range(0, 7).Select(_ => random.NextDouble() * 3).ToArray();
            double[] p = Softmax(logits);
            double u = random.NextDouble(), cumulative = 0;
            int label = 0;
            while (label < 6 && (cumulative += p[label]) < u) label++;
            truth.Add(label); // drawn from the calibrated probabilities
            overconfident.Add(Softmax(logits.Select(l => l * 2.5).ToArray()).Select(v => (float)v).ToArray());
        }
        double temperature = TemperatureScaling.Fit(overconfident, truth);
        Assert.InRange(temperature, 2.2, 2.8);
        float[] calibrated = TemperatureScaling.Apply(overconfident[0], temperature);
        Assert.Equal(1, calibrated.Sum(), 4);
        Assert.Equal(EmotionMetrics.ArgMax(overconfident[0]), EmotionMetrics.ArgMax(calibrated));
    }

    private static double[] Softmax(double[] logits)
    {
        double max = logits.Max();
        double[] e = logits.Select(l => Math.Exp(l - max)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }
}
