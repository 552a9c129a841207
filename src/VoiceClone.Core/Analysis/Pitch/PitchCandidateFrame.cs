namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>One analysis frame's periodicity candidates (best first by YIN's cumulative mean normalized difference).</summary>
internal struct PitchCandidateFrame
{
    public const int MaxCandidates = 5;

    public float RmsLinear;
    /// <summary>Another estimator's F0 for this frame (NaN: none) and its confidence (0-1).</summary>
    public float GuideHz;
    public float GuideConfidence;
    public int Count;
    public CandidateArray FrequencyHz;
    public CandidateArray Aperiodicity;

    [System.Runtime.CompilerServices.InlineArray(MaxCandidates)]
    public struct CandidateArray
    {
        private float _element;
    }
}
