using System.Numerics;
using System.Runtime.CompilerServices;

namespace VoiceClone.Core.Dsp;

/// <summary>
/// The sums every frame analysis repeats (dot products, energies, squared differences), vectorised with
/// <see cref="Vector{T}"/>: lanes accumulate in single precision over one window (a few hundred samples, so rounding
/// stays near 1e-6 of the sum), the lanes and the tail are added in double. Compiled fully optimised on first call:
/// at tier 0 vector code runs many times slower, and a module is judged by its first batch.
/// </summary>
internal static class VectorSums
{
    /// <summary>sum_j a_j b_j over equal-length spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int width = Vector<float>.Count, j = 0;
        for (; j <= a.Length - width; j += width) sum += new Vector<float>(a[j..]) * new Vector<float>(b[j..]);
        double total = Vector.Sum(sum);
        for (; j < a.Length; j++) total += (double)a[j] * b[j];
        return total;
    }

    /// <summary>sum_j x_j^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SumOfSquares(ReadOnlySpan<float> x) => Dot(x, x);

    /// <summary>sum_j (a_j - b_j)^2 over equal-length spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int width = Vector<float>.Count, j = 0;
        for (; j <= a.Length - width; j += width)
        {
            Vector<float> difference = new Vector<float>(a[j..]) - new Vector<float>(b[j..]);
            sum += difference * difference;
        }
        double total = Vector.Sum(sum);
        for (; j < a.Length; j++)
        {
            double difference = a[j] - b[j];
            total += difference * difference;
        }
        return total;
    }

    /// <summary>sum (a_j - b_j)^2 and sum (a_j^2 + b_j^2) in one pass over equal-length spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SquaredDistance, double Energy) DistanceAndEnergy(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Vector<float> distance = Vector<float>.Zero, energy = Vector<float>.Zero;
        int width = Vector<float>.Count, j = 0;
        for (; j <= a.Length - width; j += width)
        {
            var va = new Vector<float>(a[j..]);
            var vb = new Vector<float>(b[j..]);
            var difference = va - vb;
            distance += difference * difference;
            energy += va * va + vb * vb;
        }
        double sumDistance = Vector.Sum(distance), sumEnergy = Vector.Sum(energy);
        for (; j < a.Length; j++)
        {
            double difference = a[j] - b[j];
            sumDistance += difference * difference;
            sumEnergy += (double)a[j] * a[j] + (double)b[j] * b[j];
        }
        return (sumDistance, sumEnergy);
    }

    /// <summary>sum a_j b_j, sum a_j^2 and sum b_j^2 in one pass over equal-length spans.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double Cross, double EnergyA, double EnergyB) Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Vector<float> cross = Vector<float>.Zero, energyA = Vector<float>.Zero, energyB = Vector<float>.Zero;
        int width = Vector<float>.Count, j = 0;
        for (; j <= a.Length - width; j += width)
        {
            var va = new Vector<float>(a[j..]);
            var vb = new Vector<float>(b[j..]);
            cross += va * vb;
            energyA += va * va;
            energyB += vb * vb;
        }
        double ab = Vector.Sum(cross), aa = Vector.Sum(energyA), bb = Vector.Sum(energyB);
        for (; j < a.Length; j++)
        {
            ab += (double)a[j] * b[j];
            aa += (double)a[j] * a[j];
            bb += (double)b[j] * b[j];
        }
        return (ab, aa, bb);
    }

    /// <summary>sum_j a_j b_j in double precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        int width = Vector<double>.Count, j = 0;
        for (; j <= a.Length - width; j += width) sum += new Vector<double>(a[j..]) * new Vector<double>(b[j..]);
        double total = Vector.Sum(sum);
        for (; j < a.Length; j++) total += a[j] * b[j];
        return total;
    }
}
