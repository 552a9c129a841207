using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Spectral;

/// <summary>
/// A voice's long-term spectral envelope: the mean over active frames of the log mel-band energies (dB), and the
/// timbre distance between two voices as the Euclidean distance of its MFCC 1-12 (DCT-II of those dB values,
/// c0 = level left out), as in the mel-cepstral distances of voice-conversion work (Kubichek 1993).
/// </summary>
public sealed class LongTermSpectrum
{
    public const int BandCount = 40;
    public const int CepstrumCount = 12;
    public const double LowHz = 60;
    /// <summary>Highest band edge: below the 8 kHz Nyquist frequency of a 16 kHz voice, with a guard band.</summary>
    public const double HighestHz = 7600;
    // Frames quieter than this below the loudest frame are silence and left out.
    private const double ActiveRangeDb = 35;
    // Power floor so log() of a silent band is finite: -150 dB re full scale.
    private const double PowerFloor = 1e-15;

    private LongTermSpectrum(double highHz, double[] bandDb, double activeLevelDb)
    {
        HighHz = highHz;
        BandDb = bandDb;
        ActiveLevelDb = activeLevelDb;
    }

    /// <summary>Mean power of the active (non-silent) frames, dB re full scale: the loudness to match.</summary>
    public double ActiveLevelDb { get; }

    public double HighHz { get; }
    /// <summary>Mean log energy per mel band, dB; band centres from <see cref="BandCentresHz"/>.</summary>
    public double[] BandDb { get; }

    /// <summary>The upper band edge both signals can be compared up to (a guard band below the lower Nyquist frequency).</summary>
    public static double CommonHighHz(int sampleRateHzA, int sampleRateHzB) =>
        Math.Min(HighestHz, 0.475 * Math.Min(sampleRateHzA, sampleRateHzB));

    /// <summary>A spectrum measured earlier and stored (in a voice profile).</summary>
    public static LongTermSpectrum FromStored(double highHz, double[] bandDb, double activeLevelDb) =>
        bandDb.Length == BandCount ? new LongTermSpectrum(highHz, bandDb, activeLevelDb)
            : throw new ArgumentException($"A stored spectrum has {BandCount} bands, not {bandDb.Length}.", nameof(bandDb));

    public static LongTermSpectrum Measure(AudioBuffer audio, double highHz)
    {
        int frameSamples = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, 0.025 * audio.SampleRateHz));
        int hop = frameSamples / 2;
        var fft = new Fft(frameSamples);
        var bank = new MelFilterBank(BandCount, frameSamples, audio.SampleRateHz, LowHz, highHz);
        var re = new double[frameSamples];
        var im = new double[frameSamples];
        var power = new double[frameSamples / 2 + 1];
        double[] hann = Windows.Hann(frameSamples);
        var energies = new double[BandCount];
        var frames = new List<(double EnergyDb, double MeanSquare, double[] BandDb)>();
        float[] x = audio.Samples;
        for (int start = 0; start + frameSamples <= x.Length; start += hop)
        {
            double frameEnergy = 0, meanSquare = 0;
            for (int i = 0; i < frameSamples; i++)
            {
                meanSquare += (double)x[start + i] * x[start + i] / frameSamples;
                re[i] = x[start + i] * hann[i];
                im[i] = 0;
                frameEnergy += re[i] * re[i];
            }
            fft.Forward(re, im);
            for (int k = 0; k < power.Length; k++) power[k] = re[k] * re[k] + im[k] * im[k];
            bank.Apply(power, energies);
            frames.Add((10 * Math.Log10(frameEnergy + PowerFloor), meanSquare, energies.Select(e => 10 * Math.Log10(e + PowerFloor)).ToArray()));
        }
        var mean = new double[BandCount];
        double activeLevelDb = double.NaN;
        if (frames.Count > 0)
        {
            double loudest = frames.Max(f => f.EnergyDb);
            var active = frames.Where(f => f.EnergyDb >= loudest - ActiveRangeDb).ToList();
            for (int m = 0; m < BandCount; m++) mean[m] = active.Average(f => f.BandDb[m]);
            activeLevelDb = 10 * Math.Log10(active.Average(f => f.MeanSquare) + PowerFloor);
        }
        return new LongTermSpectrum(highHz, mean, activeLevelDb);
    }

    /// <summary>Band centre frequencies for a given upper edge (the centres of the <see cref="MelFilterBank"/> it is measured with).</summary>
    public static double[] BandCentresHz(double highHz) => MelFilterBank.CentresHz(BandCount, LowHz, highHz);

    private static readonly DctII CepstrumTransform = new(BandCount, firstCoefficient: 1, CepstrumCount, orthonormal: true);

    /// <summary>MFCC 1..12 of this envelope: orthonormal DCT-II of the band dB values.</summary>
    public double[] Cepstrum() => CepstrumTransform.Transform(BandDb);

    /// <summary>Euclidean distance of MFCC 1-12 (dB); level differences do not count.</summary>
    public double TimbreDistance(LongTermSpectrum other)
    {
        if (other.HighHz != HighHz) throw new ArgumentException("Spectra measured over different bands cannot be compared.", nameof(other));
        double[] a = Cepstrum(), b = other.Cepstrum();
        return Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
    }
}
