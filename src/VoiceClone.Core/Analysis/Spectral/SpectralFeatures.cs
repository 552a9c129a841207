using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Spectral;

/// <summary>
/// Spectral functionals of the extended Geneva Minimalistic Acoustic Parameter Set (eGeMAPS; Eyben et al. 2016,
/// IEEE Trans. Affective Computing 7(2)) on 25 ms Hamming frames at 16 kHz: MFCC 1-4 (26 mel bands, DCT-II) over
/// speech frames; alpha ratio, Hammarberg index and the spectral slopes 0-500 Hz and 500-1500 Hz over voiced frames.
/// </summary>
internal sealed class SpectralFeatures
{
    public const int MfccCount = 4;
    private const int FftSize = 512;
    private const int MelBands = 26;
    private const double PowerFloor = 1e-12;

    private readonly Fft _fft = new(FftSize);
    private readonly MelFilterBank _mel = new(MelBands, FftSize, AnalysisFrames.SampleRateHz, 20, AnalysisFrames.SampleRateHz / 2.0);
    private readonly double[] _hamming = Windows.Hamming(AnalysisFrames.WindowSamples);
    private readonly double[] _re = new double[FftSize], _im = new double[FftSize], _power = new double[FftSize / 2 + 1];
    private readonly double[] _melEnergies = new double[MelBands];
    private static readonly DctII Cepstrum = new(MelBands, firstCoefficient: 1, MfccCount, orthonormal: true);
    private readonly double[] _cepstrum = new double[MfccCount];
    private readonly List<double>[] _mfcc = Enumerable.Range(0, MfccCount).Select(_ => new List<double>()).ToArray();
    private readonly List<double> _alpha = [], _hammarberg = [], _slopeLow = [], _slopeHigh = [];

    public void AddFrame(ReadOnlySpan<float> window, bool voiced)
    {
        for (int n = 0; n < FftSize; n++) { _re[n] = n < window.Length ? window[n] * _hamming[n] : 0; _im[n] = 0; }
        _fft.Forward(_re, _im);
        for (int k = 0; k < _power.Length; k++) _power[k] = _re[k] * _re[k] + _im[k] * _im[k];

        _mel.Apply(_power, _melEnergies);
        for (int m = 0; m < MelBands; m++) _melEnergies[m] = Math.Log(Math.Max(_melEnergies[m], PowerFloor));
        Cepstrum.Transform(_melEnergies, _cepstrum);
        for (int c = 0; c < MfccCount; c++) _mfcc[c].Add(_cepstrum[c]);
        if (!voiced) return;
        _alpha.Add(10 * Math.Log10(BandSum(50, 1000) / BandSum(1000, 5000)));
        _hammarberg.Add(10 * Math.Log10(BandMax(0, 2000) / BandMax(2000, 5000)));
        _slopeLow.Add(SlopeDbPerHz(0, 500));
        _slopeHigh.Add(SlopeDbPerHz(500, 1500));
    }

    public double[] MfccMeans => _mfcc.Select(c => Statistics.Mean(c)).ToArray();
    public double[] MfccStdDevs => _mfcc.Select(c => Statistics.StandardDeviation(c)).ToArray();
    public double AlphaRatioDb => Statistics.Mean(_alpha);
    public double HammarbergIndexDb => Statistics.Mean(_hammarberg);
    public double SlopeLow => Statistics.Mean(_slopeLow);
    public double SlopeHigh => Statistics.Mean(_slopeHigh);

    private static int Bin(double hz) => (int)Math.Round(hz * FftSize / AnalysisFrames.SampleRateHz);

    private double BandSum(double lowHz, double highHz)
    {
        double sum = PowerFloor;
        for (int k = Bin(lowHz); k < Bin(highHz); k++) sum += _power[k];
        return sum;
    }

    private double BandMax(double lowHz, double highHz)
    {
        double max = PowerFloor;
        for (int k = Bin(lowHz); k < Bin(highHz); k++) max = Math.Max(max, _power[k]);
        return max;
    }

    /// <summary>Least-squares slope of the log power spectrum (dB) against frequency (Hz) within a band.</summary>
    private double SlopeDbPerHz(double lowHz, double highHz)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0; int n = 0;
        for (int k = Bin(lowHz); k <= Bin(highHz); k++)
        {
            double x = k * (double)AnalysisFrames.SampleRateHz / FftSize, y = 10 * Math.Log10(_power[k] + PowerFloor);
            sx += x; sy += y; sxx += x * x; sxy += x * y; n++;
        }
        double denominator = n * sxx - sx * sx;
        return denominator > 0 ? (n * sxy - sx * sy) / denominator : double.NaN;
    }
}
