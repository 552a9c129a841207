using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Emotion;

/// <summary>
/// Frame-level low-level descriptors for emotion, in the spirit of the INTERSPEECH ComParE and eGeMAPS sets (Eyben
/// et al. 2016): spectral shape (26 log-mel bands relative to the frame level), MFCC 0-12, level, spectral centroid,
/// roll-off, flatness and flux, zero-crossing rate (25 ms Hamming windows every 10 ms at 16 kHz, kept only where the
/// frame is within 35 dB of the loudest), and F0 in semitones from the default pitch tracker.
/// </summary>
internal sealed class EmotionFrameDescriptors
{
    public const int RateHz = 16000;
    public const int MelBands = 26, Cepstra = 13;
    private const int WindowSamples = 400, HopSamples = 160, FftSize = 512; // 25 ms every 10 ms
    // Frames more than 35 dB below the loudest are silence or breath, whatever the recording level.
    private const double SpeechRangeDb = 35;
    private const double RolloffFraction = 0.85;
    private const double SemitoneReferenceHz = 100;

    /// <summary>Descriptor names, in <see cref="Series"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. Enumerable.Range(1, MelBands).Select(m => $"mel{m}_shape_db"),
        .. Enumerable.Range(0, Cepstra).Select(k => $"mfcc{k}"),
        "level_db", "centroid_hz", "rolloff_hz", "flatness", "flux", "zero_crossing_rate", "f0_semitones",
    ];

    /// <summary>One value per kept frame for each descriptor (F0: per 10 ms pitch frame, NaN where unvoiced).</summary>
    public IReadOnlyList<double[]> Series { get; }

    public EmotionFrameDescriptors(AudioBuffer audio)
    {
        float[] x = SincResampler.Resample(audio, RateHz).Samples;
        int frames = Math.Max(0, (x.Length - WindowSamples) / HopSamples + 1);
        var logMel = new double[frames][];
        var mfcc = new double[frames][];
        var levelDb = new double[frames];
        var centroid = new double[frames];
        var rolloff = new double[frames];
        var flatness = new double[frames];
        var flux = new double[frames];
        var zcr = new double[frames];
        var fft = new Fft(FftSize);
        var mel = new MelFilterBank(MelBands, FftSize, RateHz, 20, RateHz / 2);
        var cepstrum = new DctII(MelBands, firstCoefficient: 0, Cepstra, orthonormal: false);
        double[] hamming = Windows.Hamming(WindowSamples);
        var re = new double[FftSize];
        var im = new double[FftSize];
        var power = new double[FftSize / 2 + 1];
        var previousMagnitude = new double[FftSize / 2 + 1];
        var bands = new double[MelBands];
        for (int f = 0; f < frames; f++)
        {
            Array.Clear(re);
            Array.Clear(im);
            int start = f * HopSamples, crossings = 0;
            double sumSquares = 0;
            for (int i = 0; i < WindowSamples; i++)
            {
                double s = x[start + i];
                sumSquares += s * s;
                re[i] = s * hamming[i];
                if (i > 0 && (x[start + i] >= 0) != (x[start + i - 1] >= 0)) crossings++;
            }
            levelDb[f] = 10 * Math.Log10(sumSquares / WindowSamples + 1e-10);
            zcr[f] = crossings / (double)WindowSamples;
            fft.Forward(re, im);
            double total = 0, weighted = 0, logSum = 0, fluxSquares = 0;
            for (int k = 0; k < power.Length; k++)
            {
                power[k] = re[k] * re[k] + im[k] * im[k];
                total += power[k];
                weighted += power[k] * k * RateHz / FftSize;
                logSum += Math.Log(power[k] + 1e-12);
                double magnitude = Math.Sqrt(power[k]);
                fluxSquares += (magnitude - previousMagnitude[k]) * (magnitude - previousMagnitude[k]);
                previousMagnitude[k] = magnitude;
            }
            centroid[f] = total > 0 ? weighted / total : 0;
            flux[f] = Math.Sqrt(fluxSquares) / (Math.Sqrt(total) + 1e-9);
            flatness[f] = Math.Exp(logSum / power.Length) / (total / power.Length + 1e-12);
            double cumulative = 0;
            int bin = 0;
            for (; bin < power.Length; bin++)
            {
                cumulative += power[bin];
                if (cumulative >= RolloffFraction * total) break;
            }
            rolloff[f] = bin * (double)RateHz / FftSize;
            mel.Apply(power, bands);
            logMel[f] = bands.Select(e => 10 * Math.Log10(e + 1e-10)).ToArray();
            mfcc[f] = cepstrum.Transform(logMel[f]);
        }
        double loudestDb = frames > 0 ? levelDb.Max() : 0;
        int[] kept = Enumerable.Range(0, frames).Where(f => levelDb[f] > loudestDb - SpeechRangeDb).ToArray();
        if (kept.Length < 3) kept = Enumerable.Range(0, frames).ToArray();
        double[] Kept(Func<int, double> value) => kept.Select(value).ToArray();

        PitchTrack pitch = YinPitchTracker.Track(new AudioBuffer(x, RateHz), PitchTrackerOptions.Default);
        double[] semitones = pitch.FrequencyHz.Select(hz => float.IsNaN(hz) ? double.NaN : 12 * Math.Log2(hz / SemitoneReferenceHz)).ToArray();

        var series = new List<double[]>();
        for (int m = 0; m < MelBands; m++) series.Add(Kept(f => logMel[f][m] - levelDb[f]));
        for (int k = 0; k < Cepstra; k++) series.Add(Kept(f => mfcc[f][k]));
        series.Add(Kept(f => levelDb[f] - loudestDb));
        series.Add(Kept(f => centroid[f]));
        series.Add(Kept(f => rolloff[f]));
        series.Add(Kept(f => flatness[f]));
        series.Add(Kept(f => flux[f]));
        series.Add(Kept(f => zcr[f]));
        series.Add(semitones);
        Series = series;
    }
}
