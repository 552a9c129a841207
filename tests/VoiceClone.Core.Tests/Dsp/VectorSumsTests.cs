using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

/// <summary>The SIMD sums against the plain double-precision loops they replace, on every length around the vector width.</summary>
public sealed class VectorSumsTests
{
    // Single-precision lanes over a few hundred samples: the sums agree to about 1e-6 of their size.
    private const double RelativeTolerance = 1e-5;

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    private static void Close(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(scale, 1e-30), $"expected {expected}, got {actual}");

    public static TheoryData<int> Lengths => [0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 65, 352, 401];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Each_sum_equals_its_direct_loop(int length)
    {
        float[] a = Random(length, 1), b = Random(length, 2);
        double dot = 0, aa = 0, bb = 0, distance = 0;
        for (int j = 0; j < length; j++)
        {
            dot += (double)a[j] * b[j];
            aa += (double)a[j] * a[j];
            bb += (double)b[j] * b[j];
            distance += ((double)a[j] - b[j]) * ((double)a[j] - b[j]);
        }
        double scale = aa + bb;
        Close(dot, VectorSums.Dot(a, b), scale);
        Close(aa, VectorSums.SumOfSquares(a), scale);
        Close(distance, VectorSums.SquaredDistance(a, b), scale);
        var (pairDistance, energy) = VectorSums.DistanceAndEnergy(a, b);
        Close(distance, pairDistance, scale);
        Close(aa + bb, energy, scale);
        var (cross, energyA, energyB) = VectorSums.Correlation(a, b);
        Close(dot, cross, scale);
        Close(aa, energyA, scale);
        Close(bb, energyB, scale);
        double[] da = a.Select(v => (double)v).ToArray(), db = b.Select(v => (double)v).ToArray();
        Close(dot, VectorSums.Dot(da, db), scale);
    }

    [Fact]
    public void Sums_of_a_shifted_signal_with_itself_see_its_period()
    {
        // A 100-sample period: the squared distance at lag 100 vanishes, at lag 50 it is four times the energy.
        float[] x = Enumerable.Range(0, 500).Select(n => (float)Math.Sin(2 * Math.PI * n / 100)).ToArray();
        Assert.True(VectorSums.SquaredDistance(x.AsSpan(0, 300), x.AsSpan(100, 300)) < 1e-6);
        double energy = VectorSums.SumOfSquares(x.AsSpan(0, 300));
        Assert.Equal(4 * energy, VectorSums.SquaredDistance(x.AsSpan(0, 300), x.AsSpan(50, 300)), 2);
    }
}
