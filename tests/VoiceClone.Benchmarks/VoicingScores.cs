using VoiceClone.Core.Analysis.Pitch;

namespace VoiceClone.Benchmarks;

/// <summary>
/// Pitch and voicing scores as mir_eval defines them (Salamon et al. 2014; Raffel et al. 2014): raw pitch accuracy over
/// all reference-voiced frames (voiced by the tracker too and within 50 cents), the same over frames voiced in both,
/// gross pitch error (more than 20 % off) over frames voiced in both, and voicing decision error over all frames.
/// A track is read at each reference instant by its nearest frame's voicing, and its frequency interpolated in log
/// frequency when both frames around the instant are voiced (the nearest frame's otherwise). Reading voicing as
/// "both neighbours voiced" instead would favour a tracker whose frames happen to fall on the reference's instants.
/// </summary>
internal sealed class VoicingScores
{
    private const double CentsTolerance = 50;
    private const double GrossRatio = 0.2;

    public long Frames, ReferenceVoiced, VoicedInBoth, Within50Cents, GrossErrors, VoicingErrors;

    public double RawPitchAccuracyAll => Ratio(Within50Cents, ReferenceVoiced);
    public double RawPitchAccuracyBoth => Ratio(Within50Cents, VoicedInBoth);
    public double GrossPitchError => Ratio(GrossErrors, VoicedInBoth);
    public double VoicingDecisionError => Ratio(VoicingErrors, Frames);

    private static double Ratio(long part, long whole) => whole == 0 ? double.NaN : (double)part / whole;

    /// <summary>
    /// Scores <paramref name="track"/> at the reference's instants, frame i at <paramref name="startSeconds"/> + i step
    /// (0 Hz = unvoiced).
    /// </summary>
    public void Add(PitchTrack track, IReadOnlyList<double> referenceHz, double stepSeconds, double startSeconds = 0)
    {
        for (int i = 0; i < referenceHz.Count; i++)
        {
            double time = startSeconds + i * stepSeconds;
            int nearest = track.FrameAt(time);
            if (nearest < 0) continue;
            double truth = referenceHz[i], hz = track.FrequencyAt(time);
            if (double.IsNaN(hz)) hz = track.FrequencyHz[nearest];
            bool referenceVoiced = truth > 0, trackVoiced = !double.IsNaN(hz);
            Frames++;
            if (referenceVoiced) ReferenceVoiced++;
            if (referenceVoiced != trackVoiced) VoicingErrors++;
            if (!(referenceVoiced && trackVoiced)) continue;
            VoicedInBoth++;
            if (Math.Abs(1200 * Math.Log2(hz / truth)) <= CentsTolerance) Within50Cents++;
            if (Math.Abs(hz / truth - 1) > GrossRatio) GrossErrors++;
        }
    }

    public void Add(VoicingScores other)
    {
        Frames += other.Frames; ReferenceVoiced += other.ReferenceVoiced; VoicedInBoth += other.VoicedInBoth;
        Within50Cents += other.Within50Cents; GrossErrors += other.GrossErrors; VoicingErrors += other.VoicingErrors;
    }
}
