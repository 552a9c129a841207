namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>One analysis frame's periodicity candidates (best first by YIN's cumulative mean normalized difference).</summary>
internal struct PitchCandidateFrame
{
    public const int MaxCandidates = 5;

    public float RmsLinear;
    public int Count;
    public CandidateArray FrequencyHz;
    public CandidateArray Aperiodicity;

    [System.Runtime.CompilerServices.InlineArray(MaxCandidates)]
    public struct CandidateArray
    {
        private float _element;
    }
}
