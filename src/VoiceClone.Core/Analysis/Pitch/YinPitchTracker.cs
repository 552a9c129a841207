using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// The default pitch tracker: YIN candidates (de Cheveigne &amp; Kawahara 2002) decoded with Viterbi (as in pYIN, Mauch
/// &amp; Dixon 2014) with noise-aware voicing (<see cref="PitchPathDecoder"/>), computed at 4 kHz: the 0-1.7 kHz band
/// holds the harmonics that carry the period, keeps 800 Hz below Nyquist, and leaves out most of a white noise's power
/// (on FDA in white noise at 0 dB, 8 kHz analysis found 65 % of the reference-voiced frames, 4 kHz 71 %).
/// <see cref="TrackRefined"/> then re-measures each period on the full-band signal every 4 ms.
/// </summary>
public static class YinPitchTracker
{
    /// <summary>The analysis rate; ceilings above <see cref="AnalysisRateHz"/> / 2.5 are analysed at twice it.</summary>
    public const int AnalysisRateHz = 4000;
    private const int HighAnalysisRateHz = 2 * AnalysisRateHz;
    // The resampler's passband ends at 0.42 of the rate: 2.5 samples a period keeps the fundamental in it.
    private const double SamplesPerPeriodAtCeiling = 2.5;
    // 22 ms integration window: just longer than the longest period searched (20 ms at 50 Hz), short
    // enough to follow fast intonation (on FDA, 32 ms windows scored 90.1 % raw pitch accuracy, 22 ms 92.2 %).
    private const double WindowSeconds = 0.022;
    /// <summary>Frame step of <see cref="TrackRefined"/>: SwiftF0's refined step, which follows fast intonation.</summary>
    public const double RefinedHopSeconds = 0.004;

    /// <summary>
    /// YIN's period is already within a few percent, so the refinement searches +-10 %; voicing is the path's (the
    /// decoder's noise-aware decision), and a refined frame takes it from the nearest decoded frame.
    /// </summary>
    internal static readonly PeriodRefiner.Settings Refinement =
        new(SearchRatio: 1.1, MaxAperiodicity: 1, VoicedBetweenVoicedFramesOnly: false);

    /// <summary>F0 every <see cref="PitchTrackerOptions.HopSeconds"/>: the decoded YIN candidates.</summary>
    public static PitchTrack Track(AudioBuffer audio, PitchTrackerOptions options) => Track(audio, options, guide: null);

    /// <summary>
    /// F0 every 4 ms: <see cref="Track"/>'s path with each period re-measured on a 1.5-period window of the input
    /// (<see cref="PeriodRefiner"/>); the voicing is the path's. This is what Get-VoiceFeature reports.
    /// </summary>
    public static PitchTrack TrackRefined(AudioBuffer audio, PitchTrackerOptions options) => TrackRefined(audio, options, guide: null);

    /// <summary>
    /// <see cref="TrackRefined"/> with another estimator's F0 and confidence as a guide (its unvoiced frames still
    /// carry their F0): the path follows the guide where it is confident, and YIN's periodicity still decides voicing.
    /// </summary>
    internal static PitchTrack TrackRefined(AudioBuffer audio, PitchTrackerOptions options, PitchTrack? guide) =>
        PeriodRefiner.Refine(Track(audio, options, guide), audio.Samples, audio.SampleRateHz, RefinedHopSeconds, Refinement);

    private static PitchTrack Track(AudioBuffer audio, PitchTrackerOptions options, PitchTrack? guide)
    {
        var (frames, hopSeconds) = Candidates(audio, options, guide);
        var (frequency, voicing) = PitchPathDecoder.Decode(frames);
        return new PitchTrack(hopSeconds, frequency, voicing);
    }

    /// <summary>YIN's candidates for every frame, frame i centred on i hops.</summary>
    internal static (PitchCandidateFrame[] Frames, double HopSeconds) Candidates(
        AudioBuffer audio, PitchTrackerOptions options, PitchTrack? guide = null)
    {
        if (options.MinHz <= 0 || options.MaxHz <= options.MinHz || options.MaxHz > HighAnalysisRateHz / SamplesPerPeriodAtCeiling)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"Pitch range {options.MinHz}-{options.MaxHz} Hz is not usable; "
                + $"it must lie within 1-{HighAnalysisRateHz / SamplesPerPeriodAtCeiling} Hz.");
        }
        int rateHz = options.MaxHz <= AnalysisRateHz / SamplesPerPeriodAtCeiling ? AnalysisRateHz : HighAnalysisRateHz;
        int windowSamples = (int)Math.Round(WindowSeconds * rateHz);
        float[] x = SincResampler.Resample(audio, rateHz).Samples;
        var extractor = new YinCandidateExtractor(rateHz, options.MinHz, options.MaxHz, windowSamples);
        int hopSamples = (int)Math.Round(options.HopSeconds * rateHz);
        double hopSeconds = hopSamples / (double)rateHz;
        int frameCount = x.Length / hopSamples + 1;
        var frames = new PitchCandidateFrame[frameCount];
        var span = new float[extractor.SpanSamples];
        for (int i = 0; i < frameCount; i++)
        {
            CopyPadded(x, i * hopSamples - windowSamples / 2, span); // frame i is centred on i * hop
            (frames[i].GuideHz, frames[i].GuideConfidence) = GuideAt(guide, i * hopSeconds, options);
            extractor.Analyze(span, ref frames[i], frames[i].GuideHz);
        }
        return (frames, hopSeconds);
    }

    private static (float Hz, float Confidence) GuideAt(PitchTrack? guide, double timeSeconds, PitchTrackerOptions options)
    {
        if (guide is null) return (float.NaN, 0);
        double hz = guide.FrequencyAt(timeSeconds);
        int nearest = guide.FrameAt(timeSeconds);
        if (!(hz >= options.MinHz && hz <= options.MaxHz) || nearest < 0) return (float.NaN, 0);
        return ((float)hz, guide.VoicingProbability[nearest]);
    }

    private static void CopyPadded(float[] x, int start, Span<float> destination)
    {
        destination.Clear();
        int from = Math.Max(0, start), to = Math.Min(x.Length, start + destination.Length);
        if (to > from) x.AsSpan(from, to - from).CopyTo(destination[(from - start)..]);
    }
}
