namespace VoiceClone;

/// <summary>
/// The "voice DNA" of one recording, as Get-VoiceFeature reports it. Frequencies in Hz, times in seconds,
/// levels in dB; a value that could not be measured (no voiced speech, say) is NaN.
/// </summary>
public sealed record VoiceFeatures
{
    public string Path { get; init; } = "";
    public double DurationSeconds { get; init; }
    public int SampleRateHz { get; init; }

    // Pitch (F0)
    public string PitchAlgorithm { get; init; } = "";
    /// <summary>Mean F0 over voiced frames, Hz.</summary>
    public double Pitch { get; init; } = double.NaN;
    public double PitchMedian { get; init; } = double.NaN;
    /// <summary>5th percentile of voiced F0, Hz.</summary>
    public double PitchRangeLow { get; init; } = double.NaN;
    /// <summary>95th percentile of voiced F0, Hz.</summary>
    public double PitchRangeHigh { get; init; } = double.NaN;
    /// <summary>Standard deviation of F0 in semitones (scale-free intonation range).</summary>
    public double PitchStdSemitones { get; init; } = double.NaN;
    public double VoicedFraction { get; init; }

    // Energy and stress
    /// <summary>Mean RMS amplitude of speech frames, full scale = 1 (the seed system's measure; depends on recording level).</summary>
    public double StressEnergy { get; init; } = double.NaN;
    /// <summary>Standard deviation of voiced-frame level in dB: how strongly syllables are emphasised, independent of recording level.</summary>
    public double StressContrastDb { get; init; } = double.NaN;
    public double EnergyMeanDb { get; init; } = double.NaN;

    // Voice activity and pauses
    public string VadMethod { get; init; } = "";
    public double SpeechSeconds { get; init; }
    public int PauseCount { get; init; }
    public double[] PauseDurations { get; init; } = [];
    public double MeanPauseSeconds { get; init; } = double.NaN;
    /// <summary>Normalised Shannon entropy (0-1) of the pause-duration histogram; see the help for its bins.</summary>
    public double PauseEntropy { get; init; } = double.NaN;

    // Speaking rate
    public int SyllableCount { get; init; }
    /// <summary>Syllables per second of the whole recording (speech rate, de Jong and Wempe 2009).</summary>
    public double SyllablesPerSecond { get; init; } = double.NaN;
    /// <summary>Syllables per second of speaking time (pauses excluded).</summary>
    public double ArticulationRate { get; init; } = double.NaN;
    public double Wpm { get; init; } = double.NaN;
    /// <summary>"Text" when -Text gave the words, otherwise "Estimated" from syllables.</summary>
    public string WpmSource { get; init; } = "";

    // Voice quality (eGeMAPS-style functionals)
    public double JitterLocal { get; init; } = double.NaN;
    public double ShimmerLocalDb { get; init; } = double.NaN;
    public double HnrDb { get; init; } = double.NaN;
    public double F1Hz { get; init; } = double.NaN;
    public double F2Hz { get; init; } = double.NaN;
    public double F3Hz { get; init; } = double.NaN;
    public double AlphaRatioDb { get; init; } = double.NaN;
    public double HammarbergIndexDb { get; init; } = double.NaN;
    public double SpectralSlope0To500 { get; init; } = double.NaN;
    public double SpectralSlope500To1500 { get; init; } = double.NaN;
    public double[] MfccMeans { get; init; } = [];
    public double[] MfccStdDevs { get; init; } = [];

    // Signal condition
    /// <summary>Fraction of samples at or beyond full scale.</summary>
    public double ClippedFraction { get; init; }
    public bool IsClipped { get; init; }

    /// <summary>Frame contour, only with -IncludeContour.</summary>
    public PitchContourPoint[]? Contour { get; init; }

    /// <summary>Every numeric feature in the fixed order of <see cref="FeatureNames"/>, for models of your own (the shipped emotion model uses its own frame-level functionals).</summary>
    public double[] FeatureVector { get; init; } = [];
    public IReadOnlyList<string> FeatureNames { get; init; } = [];
}

/// <summary>One frame of the pitch contour.</summary>
public readonly record struct PitchContourPoint(double TimeSeconds, double FrequencyHz, double VoicingProbability);

/// <summary>One frame of a recording's pitch contour as a table row (ConvertTo-VoiceContour), for CSV and Praat users.</summary>
public sealed class PitchContourRow
{
    public string Path { get; init; } = "";
    public double TimeSeconds { get; init; }
    /// <summary>F0 in Hz; NaN where the frame is unvoiced.</summary>
    public double FrequencyHz { get; init; }
    public double VoicingProbability { get; init; }
}
