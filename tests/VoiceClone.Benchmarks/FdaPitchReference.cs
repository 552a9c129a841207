using System.Globalization;

namespace VoiceClone.Benchmarks;

/// <summary>The FDA (Bagshaw et al. 1993) laryngograph-derived reference: one F0 per line every 15 ms, 0 = unvoiced.</summary>
internal sealed record FdaPitchReference(string Name, string WavPath, double[] FrequencyHz)
{
    public const double StepSeconds = 0.015;

    public static IReadOnlyList<FdaPitchReference> Load(string folder) =>
        Directory.GetFiles(folder, "*.f0ref").Order(StringComparer.Ordinal)
            .Select(f => new FdaPitchReference(Path.GetFileNameWithoutExtension(f), Path.ChangeExtension(f, ".wav"),
                File.ReadAllLines(f).Where(l => l.Trim().Length > 0)
                    .Select(l => double.Parse(l.Trim(), CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
}
