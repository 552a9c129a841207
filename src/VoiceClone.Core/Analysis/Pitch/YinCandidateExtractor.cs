using System.Runtime.CompilerServices;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// Per-frame period candidates by YIN (de Cheveigne & Kawahara 2002, JASA 111(4)): the difference
/// function d(tau) summed directly over the window (<see cref="VectorSums"/>; for a 22 ms window and lags up to 20 ms
/// this is cheaper than two FFTs), its cumulative mean normalized form d'(tau), local minima refined by parabolic interpolation.
/// Choosing among candidates is <see cref="PitchPathDecoder"/>'s job.
/// </summary>
internal sealed class YinCandidateExtractor
{
    /// <summary>YIN's absolute threshold (the paper uses 0.1-0.15): a dip below it is clearly periodic.</summary>
    public const float AbsoluteThreshold = 0.15f;

    private readonly int _windowSamples;
    private readonly int _minLag;
    private readonly int _maxLag;
    private readonly int _sampleRateHz;
    private readonly double[] _cmnd, _difference;

    public YinCandidateExtractor(int sampleRateHz, double minHz, double maxHz, int windowSamples)
    {
        _sampleRateHz = sampleRateHz;
        _windowSamples = windowSamples;
        _minLag = Math.Max(2, (int)Math.Floor(sampleRateHz / maxHz));
        _maxLag = (int)Math.Ceiling(sampleRateHz / minHz);
        _cmnd = new double[_maxLag + 2];
        _difference = new double[_maxLag + 2];
    }

    /// <summary>Samples the analysis needs from the frame start: the window plus the longest lag.</summary>
    public int SpanSamples => _windowSamples + _maxLag + 1;

    /// <summary>
    /// Fills <paramref name="frame"/> from <paramref name="span"/> (length <see cref="SpanSamples"/>, zero-padded by the
    /// caller at the edges). With a <paramref name="guideHz"/> (another estimator's F0), the deepest dip within
    /// <see cref="GuideSearchRatio"/> of its period is always among the candidates, so the path can follow the guide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Analyze(ReadOnlySpan<float> span, ref PitchCandidateFrame frame, float guideHz = float.NaN)
    {
        ReadOnlySpan<float> window = span[.._windowSamples];
        frame.RmsLinear = (float)Math.Sqrt(VectorSums.SumOfSquares(window) / _windowSamples);

        // d'(tau) = d(tau) * tau / sum_{k<=tau} d(k), with d(tau) = sum_j (x_j - x_{j+tau})^2  (YIN steps 2-3).
        double runningSum = 0;
        _cmnd[0] = 1;
        for (int tau = 1; tau <= _maxLag + 1; tau++)
        {
            double d = VectorSums.SquaredDistance(window, span.Slice(tau, _windowSamples));
            _difference[tau] = d;
            runningSum += d;
            _cmnd[tau] = runningSum > 0 ? d * tau / runningSum : 1;
        }

        frame.Count = 0;
        (float Hz, float Aperiodicity)? firstDip = null;
        for (int tau = _minLag; tau <= _maxLag; tau++)
        {
            if (!(_cmnd[tau] < _cmnd[tau - 1] && _cmnd[tau] <= _cmnd[tau + 1])) continue;
            var candidate = Interpolated(tau);
            firstDip ??= candidate.Item2 < AbsoluteThreshold ? candidate : null;
            Insert(ref frame, candidate.Item1, candidate.Item2);
        }
        // Multiples of the period dip as deeply as the period itself (for a pure tone, deeper): YIN's own choice,
        // the first dip below the threshold, must stay among the candidates whatever its rank.
        if (firstDip is { } dip && !Contains(frame, dip.Hz)) Replace(ref frame, frame.Count - 1, dip.Hz, dip.Aperiodicity);
        if (!float.IsNaN(guideHz)) KeepGuided(ref frame, guideHz, firstDip?.Hz ?? float.NaN);
    }

    /// <summary>
    /// Parabolic interpolation through a minimum and its neighbours (YIN step 5): the period from the raw difference
    /// function, whose parabola is not tilted by the cumulative-mean normalisation (on a 750 Hz tone at 4 kHz the
    /// normalised one is 30 cents off), and the aperiodicity from the normalised one.
    /// </summary>
    private (float Hz, float Aperiodicity) Interpolated(int tau)
    {
        double offset = ParabolaOffset(_difference[tau - 1], _difference[tau], _difference[tau + 1]);
        double left = _cmnd[tau - 1], mid = _cmnd[tau], right = _cmnd[tau + 1];
        double minimum = mid - 0.25 * (left - right) * ParabolaOffset(left, mid, right);
        return ((float)(_sampleRateHz / (tau + offset)), (float)Math.Max(0, minimum));
    }

    /// <summary>Where the parabola through three equally spaced points has its vertex, relative to the middle one.</summary>
    private static double ParabolaOffset(double left, double middle, double right)
    {
        double curvature = left - 2 * middle + right;
        return curvature > 0 ? Math.Clamp(0.5 * (left - right) / curvature, -1, 1) : 0;
    }

    /// <summary>A guide and YIN agree when their periods are within this ratio (two semitones).</summary>
    public const double GuideSearchRatio = 1.1225;

    private void KeepGuided(ref PitchCandidateFrame frame, float guideHz, float keepHz)
    {
        double guideLag = _sampleRateHz / guideHz;
        int from = Math.Max(1, (int)Math.Floor(guideLag / GuideSearchRatio));
        int to = Math.Min(_maxLag, (int)Math.Ceiling(guideLag * GuideSearchRatio));
        if (from > to) return;
        double lowHz = _sampleRateHz / (double)to, highHz = _sampleRateHz / (double)from;
        for (int k = 0; k < frame.Count; k++) if (frame.FrequencyHz[k] >= lowHz && frame.FrequencyHz[k] <= highHz) return;
        int best = from;
        for (int tau = from; tau <= to; tau++) if (_cmnd[tau] < _cmnd[best]) best = tau;
        var (hz, aperiodicity) = best > from && best < to ? Interpolated(best) : (guideHz, (float)_cmnd[best]);
        if (frame.Count < PitchCandidateFrame.MaxCandidates) { Insert(ref frame, hz, aperiodicity); return; }
        int worst = frame.Count - 1;
        if (frame.FrequencyHz[worst] == keepHz) worst--;
        Replace(ref frame, worst, hz, aperiodicity);
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
