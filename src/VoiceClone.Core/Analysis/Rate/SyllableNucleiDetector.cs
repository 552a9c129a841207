using VoiceClone.Core.Analysis.Pitch;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Rate;

/// <summary>
/// Syllable nuclei as in de Jong & Wempe (2009, Behavior Research Methods 41(2)): peaks of the intensity contour
/// that rise above a threshold set from the loud end of the recording, stand at least 2 dB above the dips on
/// either side, and are voiced.
/// </summary>
internal static class SyllableNucleiDetector
{
    // de Jong & Wempe's "silence threshold": peaks must be within 25 dB of the 99th-percentile intensity.
    private const double SilenceBelowLoudDb = 25;
    // Their "minimum dip": a peak counts only if intensity falls at least 2 dB between it and its neighbours.
    private const double MinimumDipDb = 2;
    // Frames averaged before peak picking; 1 = none: the 25 ms level windows overlapping at a 10 ms hop are smooth enough.
    private const int SmoothingFrames = 1;

    /// <summary>Frame indices of the nuclei.</summary>
    public static List<int> Detect(double[] levelsDb, PitchTrack pitch, double hopSeconds)
    {
        double[] level = Smooth(levelsDb);
        double threshold = Statistics.Percentile(level, 99) - SilenceBelowLoudDb;
        var peaks = new List<int>();
        for (int i = 1; i < level.Length - 1; i++)
        {
            if (level[i] > level[i - 1] && level[i] >= level[i + 1] && level[i] > threshold) peaks.Add(i);
        }

        var nuclei = new List<int>();
        int current = -1; // the peak of the syllable being built
        foreach (int peak in peaks)
        {
            if (current < 0) { current = peak; continue; }
            double dip = double.MaxValue;
            for (int i = current; i <= peak; i++) dip = Math.Min(dip, level[i]);
            bool separated = level[current] - dip >= MinimumDipDb && level[peak] - dip >= MinimumDipDb;
            if (separated)
            {
                nuclei.Add(current);
                current = peak;
            }
            else if (level[peak] > level[current])
            {
                current = peak; // same syllable, higher peak
            }
        }
        if (current >= 0) nuclei.Add(current);
        nuclei.RemoveAll(frame => !VoicedNear(pitch, frame * hopSeconds));
        return nuclei;
    }

    // Intensity peaks and the pitch track's voicing can sit a frame or two apart at syllable edges.
    private const double VoicingToleranceSeconds = 0.020;

    private static bool VoicedNear(PitchTrack pitch, double timeSeconds)
    {
        int from = pitch.FrameAt(Math.Max(0, timeSeconds - VoicingToleranceSeconds));
        int to = pitch.FrameAt(Math.Min((pitch.FrameCount - 1) * pitch.HopSeconds, timeSeconds + VoicingToleranceSeconds));
        for (int i = Math.Max(0, from); i <= to; i++) if (!float.IsNaN(pitch.FrequencyHz[i])) return true;
        return false;
    }

    private static double[] Smooth(double[] x)
    {
        var y = new double[x.Length];
        int half = SmoothingFrames / 2;
        for (int i = 0; i < x.Length; i++)
        {
            double sum = 0; int n = 0;
            for (int k = Math.Max(0, i - half); k <= Math.Min(x.Length - 1, i + half); k++) { sum += x[k]; n++; }
            y[i] = sum / n;
        }
        return y;
    }
}
