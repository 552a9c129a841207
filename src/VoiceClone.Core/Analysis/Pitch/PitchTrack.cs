namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>A frame-rate pitch contour: frame i is centred at StartSeconds + i * HopSeconds; NaN frequency = unvoiced.</summary>
public sealed class PitchTrack(double hopSeconds, float[] frequencyHz, float[] voicingProbability, double startSeconds = 0)
{
    public double HopSeconds { get; } = hopSeconds;
    public double StartSeconds { get; } = startSeconds;
    public float[] FrequencyHz { get; } = frequencyHz;
    public float[] VoicingProbability { get; } = voicingProbability;
    public int FrameCount => FrequencyHz.Length;

    public double TimeSeconds(int frame) => StartSeconds + frame * HopSeconds;

    /// <summary>
    /// F0 at any time, interpolated linearly in log frequency between the two frames around it; NaN when
    /// either is unvoiced or the time lies outside the track.
    /// </summary>
    public double FrequencyAt(double timeSeconds)
    {
        double position = (timeSeconds - StartSeconds) / HopSeconds;
        int left = (int)Math.Floor(position);
        if (left < 0 || left >= FrameCount) return double.NaN;
        if (left == FrameCount - 1 || position == left) return FrequencyHz[left];
        double fraction = position - left;
        double a = FrequencyHz[left], b = FrequencyHz[left + 1];
        return Math.Exp((1 - fraction) * Math.Log(a) + fraction * Math.Log(b));
    }

    /// <summary>The frame nearest to a time, or -1 outside the track.</summary>
    public int FrameAt(double timeSeconds)
    {
        int frame = (int)Math.Round((timeSeconds - StartSeconds) / HopSeconds);
        return frame >= 0 && frame < FrameCount ? frame : -1;
    }
}
