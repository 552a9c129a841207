using VoiceClone.Core.Analysis.Pitch;

namespace VoiceClone.Benchmarks;

/// <summary>
/// Standard pitch-tracking scores against a reference: raw pitch accuracy (within 50 cents) and gross
/// pitch error (more than 20 % off) over frames voiced in both, and voicing decision error over all frames.
/// </summary>
internal sealed class PitchScores
{
    public int VoicedInBoth, Within50Cents, GrossErrors, VoicingDisagreements, Frames;

    public double RawPitchAccuracy => (double)Within50Cents / Math.Max(1, VoicedInBoth);
    public double GrossPitchError => (double)GrossErrors / Math.Max(1, VoicedInBoth);
    public double VoicingDecisionError => (double)VoicingDisagreements / Math.Max(1, Frames);

    /// <summary>
    /// Scores a track against reference values sampled every <paramref name="stepSeconds"/>,
    /// shifted by <paramref name="offsetSeconds"/>.
    /// </summary>
    public void Add(PitchTrack track, double[] referenceHz, double stepSeconds, double offsetSeconds)
    {
        for (int i = 0; i < referenceHz.Length; i++)
        {
            double time = i * stepSeconds + offsetSeconds;
            if (track.FrameAt(time) < 0) continue;
            double ours = track.FrequencyAt(time);
            bool refVoiced = referenceHz[i] > 0, ourVoiced = !double.IsNaN(ours);
            Frames++;
            if (refVoiced != ourVoiced) VoicingDisagreements++;
            if (!(refVoiced && ourVoiced)) continue;
            VoicedInBoth++;
            if (Math.Abs(1200 * Math.Log2(ours / referenceHz[i])) <= 50) Within50Cents++;
            if (Math.Abs(ours / referenceHz[i] - 1) > 0.2) GrossErrors++;
        }
    }
}
