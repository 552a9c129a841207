namespace VoiceClone.Core.Devices;

/// <summary>
/// A peak programme meter for the recording progress bar: instant rise, then a fall of 20 dB in 1.7 s
/// (the return time of IEC 60268-10 type I meters), so a syllable's peak stays readable between two screen updates.
/// </summary>
internal sealed class LevelMeter
{
    private const double FallDbPerSecond = 20 / 1.7;
    private const double FloorDb = -60;     // the left end of the bar: quieter than this reads as silence
    private const int BarCharacters = 30;
    private double _levelDb = FloorDb;

    public double LevelDb => _levelDb;

    /// <summary>Feeds one block; returns the meter's reading in dB full scale.</summary>
    public double Add(ReadOnlySpan<float> block, int sampleRateHz)
    {
        float peak = 0;
        foreach (float s in block) peak = Math.Max(peak, Math.Abs(s));
        double blockDb = 20 * Math.Log10(Math.Max(peak, 1e-10));
        double fallen = _levelDb - FallDbPerSecond * block.Length / sampleRateHz;
        _levelDb = Math.Max(FloorDb, Math.Max(blockDb, fallen));
        return _levelDb;
    }

    /// <summary>"-23 dBFS [##########..........]", the bar spanning -60 to 0 dBFS.</summary>
    public string Display()
    {
        int filled = (int)Math.Round(BarCharacters * (_levelDb - FloorDb) / -FloorDb);
        filled = Math.Clamp(filled, 0, BarCharacters);
        return $"{_levelDb,4:F0} dBFS [{new string('#', filled)}{new string('.', BarCharacters - filled)}]";
    }
}
