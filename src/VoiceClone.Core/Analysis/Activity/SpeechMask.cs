namespace VoiceClone.Core.Analysis.Activity;

/// <summary>Cleans a frame-level speech mask: gaps shorter than a syllable are bridged, blips shorter than a consonant dropped.</summary>
internal static class SpeechMask
{
    private const int BridgeGapFrames = 10; // 100 ms at a 10 ms hop: the gap inside a word, a stop closure
    private const int DropBurstFrames = 5;  // 50 ms: a click, a breath

    public static void Smooth(bool[] speech)
    {
        FillRuns(speech, value: false, maxLength: BridgeGapFrames);
        FillRuns(speech, value: true, maxLength: DropBurstFrames);
    }

    /// <summary>Flips interior runs of <paramref name="value"/> no longer than <paramref name="maxLength"/>.</summary>
    private static void FillRuns(bool[] mask, bool value, int maxLength)
    {
        int i = 0;
        while (i < mask.Length)
        {
            if (mask[i] != value) { i++; continue; }
            int start = i;
            while (i < mask.Length && mask[i] == value) i++;
            bool interior = start > 0 && i < mask.Length;
            if (interior && i - start <= maxLength) for (int k = start; k < i; k++) mask[k] = !value;
        }
    }
}
