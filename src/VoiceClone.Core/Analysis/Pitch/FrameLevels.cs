namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// A recording's level landmarks for voicing decisions, from its frames' RMS: the noise floor (the 10th percentile:
/// pauses, breaths and closures, which hold the background noise; a recording with almost no noise-like frames, a
/// held vowel or a test tone, has no floor to speak of), the loud end (the 99th percentile, so one click does not set
/// the scale) and the silence threshold below which nothing is voiced.
/// </summary>
internal sealed class FrameLevels
{
    private const double FloorPercentile = 10;
    // Frames whose best aperiodicity reaches this are noise-like: a voice in noise at 0 dB SNR measures about 0.5,
    // a clean vowel under 0.2, noise alone 0.5-1 (pink noise's low end correlates over short lags).
    private const float NoiseLikeAperiodicity = 0.4f;
    // Fewer noise-like frames than this (100 ms at a 10 ms hop) give no floor: the recording is all voice.
    private const int MinNoiseFrames = 10;
    private const double LoudPercentile = 99;
    // Frames quieter than this, relative to the loud end of the recording, cannot be voiced.
    private const double SilenceBelowLoudDb = 40;
    // Absolute floor (-80 dBFS): quantization noise of 16-bit audio is never voiced.
    private const double SilenceFloorRms = 1e-4;
    // Powers are floored here (-200 dB) so digital silence has a finite level.
    private const double PowerFloor = 1e-20;

    private readonly double _floorPower, _loudPower, _silenceRms;

    private FrameLevels(double floorRms, double loudRms)
    {
        _floorPower = Math.Max(floorRms * floorRms, PowerFloor);
        _loudPower = Math.Max(loudRms * loudRms, PowerFloor);
        _silenceRms = Math.Max(SilenceFloorRms, loudRms * Math.Pow(10, -SilenceBelowLoudDb / 20));
    }

    public static FrameLevels Of(ReadOnlySpan<PitchCandidateFrame> frames)
    {
        var rms = new float[frames.Length];
        int noiseLike = 0;
        for (int i = 0; i < frames.Length; i++)
        {
            rms[i] = frames[i].RmsLinear;
            if (BestAperiodicity(frames[i]) >= NoiseLikeAperiodicity) noiseLike++;
        }
        Array.Sort(rms);
        double At(double percent) => rms[(int)(percent / 100 * (rms.Length - 1))];
        return new FrameLevels(noiseLike < MinNoiseFrames ? 0 : At(FloorPercentile), At(LoudPercentile));
    }

    private static float BestAperiodicity(in PitchCandidateFrame frame)
    {
        float best = 1;
        for (int k = 0; k < frame.Count; k++) best = Math.Min(best, frame.Aperiodicity[k]);
        return best;
    }

    public bool IsSilent(float rms) => rms < _silenceRms;

    /// <summary>The noise floor's share of a frame's power, 0-1: about the aperiodicity noise gives a periodic voice.</summary>
    public float NoiseShare(float rms) => (float)Math.Min(1, _floorPower / Math.Max((double)rms * rms, PowerFloor));

    public double AboveFloorDb(float rms) => 10 * Math.Log10(Math.Max((double)rms * rms, PowerFloor) / _floorPower);

    /// <summary>0 for frames <paramref name="rangeDb"/> or more below the loud end, rising linearly to 1 at it.</summary>
    public double Loudness(float rms, double rangeDb) =>
        Math.Clamp(1 + 10 * Math.Log10(Math.Max((double)rms * rms, PowerFloor) / _loudPower) / rangeDb, 0, 1);
}
