namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// Chooses one candidate or "unvoiced" per frame by Viterbi decoding (Viterbi 1967), in the spirit of pYIN (Mauch &amp;
/// Dixon 2014, ICASSP): transition costs grow with the pitch jump in octaves, and switching voicing has a price.
/// Local costs are made to hold in noise (<see cref="FrameLevels"/>): a periodic voice in noise measures an aperiodicity
/// of about the noise's share of the frame's power, so that share, estimated from the recording's noise floor, is
/// taken out of each candidate's aperiodicity; a frame within a few dB of the floor cannot be voiced; and calling a
/// frame unvoiced costs more the louder it is, since loud frames are vowels far more often than not.
/// </summary>
internal static class PitchPathDecoder
{
    // Cost of a candidate that is not the shortest period whose (noise-corrected) aperiodicity is below
    // FirstDipThreshold (YIN step 4): discourages sub-harmonics, the octave-down errors that noise invites.
    private const float NotFirstDipCost = 0.15f;
    // YIN's absolute threshold is 0.1-0.15 on clean speech; noise-corrected values scatter more, and 0.25 halved
    // the octave-down errors in pink noise at 0 dB on FDA without costing clean accuracy.
    private const float FirstDipThreshold = 0.25f;
    // Cost per octave of pitch change between consecutive frames (10 ms): real intonation moves far less.
    private const float OctaveJumpCost = 1.0f;
    // Cost of switching between voiced and unvoiced; with the level-dependent unvoiced cost below, 0.5 (against the
    // former 0.15) removes flickers in noise where single frames dip under the threshold.
    private const float VoicingSwitchCost = 0.5f;
    // The price of "unvoiced" rises linearly with level, from QuietUnvoicedCost for frames LoudRangeDb or more
    // below the loud end to QuietUnvoicedCost + LoudUnvoicedCostRise at the loud end: a loud frame needs less
    // periodicity to count as voiced. Chosen on FDA with Praat as the bar (see the noisy bench and README).
    private const float QuietUnvoicedCost = 0.15f;
    private const float LoudUnvoicedCostRise = 0.6f;
    private const double LoudRangeDb = 30;
    // A frame less than FloorMarginLowDb above the noise floor cannot be voiced, one more than FloorMarginHighDb
    // above it is judged on periodicity alone, linearly in between: noise alone fluctuates a few dB about its floor.
    private const double FloorMarginLowDb = 3;
    private const double FloorMarginHighDb = 6;
    // The noise share taken out of the aperiodicity is capped: frames where noise is more than 80 % of the power
    // carry too little of the voice to correct for.
    private const float MaxNoiseShare = 0.8f;
    // With a guide (SwiftF0's F0): candidates more than two semitones from it cost GuideDisagreeCost more, those near
    // it GuideAgreeBonus less, each scaled by the guide's confidence above GuideConfidenceFloor (0 there, 1 at 1).
    private const float GuideDisagreeCost = 0.3f;
    private const float GuideAgreeBonus = 0.1f;
    private const float GuideConfidenceFloor = 0.5f;
    private const float Impossible = 1e6f;
    private static readonly float GuideToleranceOctaves = (float)Math.Log2(YinCandidateExtractor.GuideSearchRatio);

    /// <summary>Returns the chosen frequency per frame (NaN = unvoiced) and a voicing probability.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static (float[] FrequencyHz, float[] VoicingProbability) Decode(ReadOnlySpan<PitchCandidateFrame> frames)
    {
        int frameCount = frames.Length;
        var frequency = new float[frameCount];
        var voicing = new float[frameCount];
        if (frameCount == 0) return (frequency, voicing);

        var levels = FrameLevels.Of(frames);
        const int States = PitchCandidateFrame.MaxCandidates + 1; // 0 = unvoiced
        var backPointers = new byte[frameCount * States];
        var unvoicedCost = new float[frameCount];
        Span<float> previous = stackalloc float[States];
        Span<float> current = stackalloc float[States];
        Span<float> local = stackalloc float[States];

        unvoicedCost[0] = LocalCosts(frames[0], levels, local);
        local.CopyTo(previous);
        for (int t = 1; t < frameCount; t++)
        {
            unvoicedCost[t] = LocalCosts(frames[t], levels, local);
            ref readonly PitchCandidateFrame now = ref frames[t];
            ref readonly PitchCandidateFrame before = ref frames[t - 1];
            for (int s = 0; s < States; s++)
            {
                if (local[s] >= Impossible) { current[s] = Impossible; continue; }
                float best = float.MaxValue; int bestFrom = 0;
                for (int p = 0; p < States; p++)
                {
                    if (previous[p] >= Impossible) continue;
                    float cost = previous[p] + Transition(before, p, now, s);
                    if (cost < best) { best = cost; bestFrom = p; }
                }
                current[s] = best + local[s];
                backPointers[t * States + s] = (byte)bestFrom;
            }
            current.CopyTo(previous);
        }

        int state = 0;
        for (int s = 1; s < States; s++) if (previous[s] < previous[state]) state = s;
        for (int t = frameCount - 1; t >= 0; t--)
        {
            ref readonly PitchCandidateFrame f = ref frames[t];
            frequency[t] = state == 0 ? float.NaN : f.FrequencyHz[state - 1];
            voicing[t] = VoicingProbability(f, levels, unvoicedCost[t]);
            if (t > 0) state = backPointers[t * States + state];
        }
        return (frequency, voicing);
    }

    /// <summary>Fills the local costs (state 0 = unvoiced) and returns the unvoiced one.</summary>
    private static float LocalCosts(in PitchCandidateFrame frame, FrameLevels levels, Span<float> local)
    {
        local.Fill(Impossible);
        if (levels.IsSilent(frame.RmsLinear)) return local[0] = 0;
        float noiseShare = Math.Min(MaxNoiseShare, levels.NoiseShare(frame.RmsLinear));
        double aboveFloorDb = levels.AboveFloorDb(frame.RmsLinear);
        double floorGate = Math.Clamp((aboveFloorDb - FloorMarginLowDb) / (FloorMarginHighDb - FloorMarginLowDb), 0, 1);
        local[0] = (float)((QuietUnvoicedCost + LoudUnvoicedCostRise * levels.Loudness(frame.RmsLinear, LoudRangeDb)) * floorGate);

        float firstDipHz = FirstDipBelowThreshold(frame, noiseShare);
        float guideWeight = float.IsNaN(frame.GuideHz)
            ? 0
            : Math.Clamp((frame.GuideConfidence - GuideConfidenceFloor) / (1 - GuideConfidenceFloor), 0, 1);
        for (int k = 0; k < frame.Count; k++)
        {
            float cost = Corrected(frame.Aperiodicity[k], noiseShare);
            if (!float.IsNaN(firstDipHz) && frame.FrequencyHz[k] < firstDipHz) cost += NotFirstDipCost;
            if (guideWeight > 0)
            {
                bool agrees = MathF.Abs(MathF.Log2(frame.FrequencyHz[k] / frame.GuideHz)) <= GuideToleranceOctaves;
                cost = agrees ? Math.Max(0, cost - GuideAgreeBonus * guideWeight) : cost + GuideDisagreeCost * guideWeight;
            }
            local[k + 1] = cost;
        }
        return local[0];
    }

    /// <summary>Aperiodicity with the noise's share of the power taken out: (a - n) / (1 - n), at least 0.</summary>
    private static float Corrected(float aperiodicity, float noiseShare) => Math.Max(0, (aperiodicity - noiseShare) / (1 - noiseShare));

    /// <summary>Frequency of the shortest-period candidate below the threshold after noise correction (YIN step 4), or NaN.</summary>
    private static float FirstDipBelowThreshold(in PitchCandidateFrame frame, float noiseShare)
    {
        float best = float.NaN;
        for (int k = 0; k < frame.Count; k++)
        {
            if (Corrected(frame.Aperiodicity[k], noiseShare) < FirstDipThreshold && !(frame.FrequencyHz[k] <= best))
            {
                best = frame.FrequencyHz[k];
            }
        }
        return best;
    }

    /// <summary>0.5 where the best candidate costs as much as "unvoiced", rising to 1 as it gets cheaper; 0 in silence.</summary>
    private static float VoicingProbability(in PitchCandidateFrame frame, FrameLevels levels, float unvoicedCost)
    {
        if (frame.Count == 0 || levels.IsSilent(frame.RmsLinear)) return 0;
        float noiseShare = Math.Min(MaxNoiseShare, levels.NoiseShare(frame.RmsLinear));
        float best = float.MaxValue;
        for (int k = 0; k < frame.Count; k++) best = Math.Min(best, Corrected(frame.Aperiodicity[k], noiseShare));
        return Math.Clamp(0.5f + unvoicedCost - best, 0, 1);
    }

    private static float Transition(in PitchCandidateFrame from, int fromState, in PitchCandidateFrame to, int toState)
    {
        if (fromState == 0 && toState == 0) return 0;
        if (fromState == 0 || toState == 0) return VoicingSwitchCost;
        float octaves = MathF.Abs(MathF.Log2(to.FrequencyHz[toState - 1] / from.FrequencyHz[fromState - 1]));
        return OctaveJumpCost * octaves;
    }
}
