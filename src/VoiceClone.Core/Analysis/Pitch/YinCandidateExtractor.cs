using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// Per-frame period candidates by YIN (de Cheveigne & Kawahara 2002, JASA 111(4)): the difference
/// function d(tau) computed through FFT cross-correlation, its cumulative mean normalized form d'(tau),
/// local minima refined by parabolic interpolation. Choosing among candidates is <see cref="PitchPathDecoder"/>'s job.
/// </summary>
internal sealed class YinCandidateExtractor
{
    /// <summary>YIN's absolute threshold (the paper uses 0.1-0.15): a dip below it is clearly periodic.</summary>
    public const float AbsoluteThreshold = 0.15f;

    private readonly int _windowSamples;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _sampleRateHz;
    private readonly Fft _fft;
    private readonly double[] _re, _im, _prodRe, _prodIm, _energyPrefix, _cmnd;

    public YinCandidateExtractor(int sampleRateHz, double minHz, double maxHz, int windowSamples)
    {
        _sampleRateHz = sampleRateHz;
        _windowSamples = windowSamples;
        _minLag = Math.Max(2, (int)Math.Floor(sampleRateHz / maxHz));
        _maxLag = (int)Math.Ceiling(sampleRateHz / minHz);
        int fftSize = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(windowSamples + _maxLag + 1));
        _fft = new Fft(fftSize);
        _re = new double[fftSize]; _im = new double[fftSize];
        _prodRe = new double[fftSize]; _prodIm = new double[fftSize];
        _energyPrefix = new double[windowSamples + _maxLag + 2];
        _cmnd = new double[_maxLag + 2];
    }

    /// <summary>Samples the analysis needs from the frame start: the window plus the longest lag.</summary>
    public int SpanSamples => _windowSamples + _maxLag + 1;

    /// <summary>Fills <paramref name="frame"/> from <paramref name="span"/> (length <see cref="SpanSamples"/>, zero-padded by the caller at the edges).</summary>
    public void Analyze(ReadOnlySpan<float> span, ref PitchCandidateFrame frame)
    {
        int n = _fft.Size, w = _windowSamples;
        // Pack the two real sequences a = span[0..W) and b = span[0..W+maxLag] into one complex FFT: z = a + i b.
        for (int i = 0; i < n; i++)
        {
            _re[i] = i < w ? span[i] : 0;
            _im[i] = i < span.Length ? span[i] : 0;
        }
        _fft.Forward(_re, _im);
        // A_k = (Z_k + conj Z_{N-k}) / 2, B_k = (Z_k - conj Z_{N-k}) / 2i; cross-correlation spectrum conj(A_k) B_k.
        for (int k = 0; k < n; k++)
        {
            int m = (n - k) & (n - 1);
            double ar = (_re[k] + _re[m]) / 2, ai = (_im[k] - _im[m]) / 2;
            double br = (_im[k] + _im[m]) / 2, bi = -(_re[k] - _re[m]) / 2;
            _prodRe[k] = ar * br + ai * bi;
            _prodIm[k] = ar * bi - ai * br;
        }
        _fft.Inverse(_prodRe, _prodIm); // _prodRe[tau] = sum_j a[j] b[j + tau]

        _energyPrefix[0] = 0;
        for (int i = 0; i < span.Length; i++) _energyPrefix[i + 1] = _energyPrefix[i] + (double)span[i] * span[i];
        double e0 = _energyPrefix[w];
        frame.RmsLinear = (float)Math.Sqrt(e0 / w);

        // d'(tau) = d(tau) * tau / sum_{k<=tau} d(k), with d(tau) = e0 + e_tau - 2 r(tau)  (YIN steps 2-3).
        double runningSum = 0;
        _cmnd[0] = 1;
        for (int tau = 1; tau <= _maxLag + 1; tau++)
        {
            double energyTau = _energyPrefix[tau + w] - _energyPrefix[tau];
            double d = Math.Max(0, e0 + energyTau - 2 * _prodRe[tau]);
            runningSum += d;
            _cmnd[tau] = runningSum > 0 ? d * tau / runningSum : 1;
        }

        frame.Count = 0;
        (float Hz, float Aperiodicity)? firstDip = null;
        for (int tau = _minLag; tau <= _maxLag; tau++)
        {
            if (!(_cmnd[tau] < _cmnd[tau - 1] && _cmnd[tau] <= _cmnd[tau + 1])) continue;
            // Parabolic interpolation through the minimum and its neighbours (YIN step 5).
            double left = _cmnd[tau - 1], mid = _cmnd[tau], right = _cmnd[tau + 1];
            double denominator = left - 2 * mid + right;
            double offset = denominator > 0 ? 0.5 * (left - right) / denominator : 0;
            double refinedMin = mid - 0.25 * (left - right) * offset;
            var candidate = ((float)(_sampleRateHz / (tau + offset)), (float)Math.Max(0, refinedMin));
            firstDip ??= candidate.Item2 < AbsoluteThreshold ? candidate : null;
            Insert(ref frame, candidate.Item1, candidate.Item2);
        }
        // Multiples of the period dip as deeply as the period itself (for a pure tone, deeper): YIN's own choice,
        // the first dip below the threshold, must stay among the candidates whatever its rank.
        if (firstDip is { } dip && !Contains(frame, dip.Hz)) Replace(ref frame, frame.Count - 1, dip.Hz, dip.Aperiodicity);
    }

    private static bool Contains(in PitchCandidateFrame frame, float hz)
    {
        for (int k = 0; k < frame.Count; k++) if (frame.FrequencyHz[k] == hz) return true;
        return false;
    }

    private static void Replace(ref PitchCandidateFrame frame, int index, float hz, float aperiodicity)
    {
        frame.FrequencyHz[index] = hz;
        frame.Aperiodicity[index] = aperiodicity;
    }

    private static void Insert(ref PitchCandidateFrame frame, float frequencyHz, float aperiodicity)
    {
        int count = frame.Count;
        if (count == PitchCandidateFrame.MaxCandidates && aperiodicity >= frame.Aperiodicity[count - 1]) return;
        int i = Math.Min(count, PitchCandidateFrame.MaxCandidates - 1);
        while (i > 0 && frame.Aperiodicity[i - 1] > aperiodicity)
        {
            frame.Aperiodicity[i] = frame.Aperiodicity[i - 1];
            frame.FrequencyHz[i] = frame.FrequencyHz[i - 1];
            i--;
        }
        frame.Aperiodicity[i] = aperiodicity;
        frame.FrequencyHz[i] = frequencyHz;
        if (count < PitchCandidateFrame.MaxCandidates) frame.Count++;
    }
}
