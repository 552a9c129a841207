using System.Numerics;
using VoiceClone.Core.Analysis.Quality;

namespace VoiceClone.Core.Tests.Analysis.Quality;

/// <summary>Durand-Kerner roots of an LPC-like polynomial, from the default start and from a neighbour's roots.</summary>
public sealed class PolynomialRootsTests
{
    // Resonances as an order-6 predictor has them: three conjugate pairs inside the unit circle.
    private static readonly Complex[] Truth =
    [
        Complex.FromPolarCoordinates(0.97, 0.30), Complex.FromPolarCoordinates(0.95, 1.10), Complex.FromPolarCoordinates(0.90, 2.00),
    ];

    private static double[] Coefficients(IEnumerable<Complex> pairs)
    {
        // prod (z - r)(z - conj r), expanded: c[0] = 1.
        Complex[] c = [1];
        foreach (Complex root in pairs.SelectMany(r => new[] { r, Complex.Conjugate(r) }))
        {
            var next = new Complex[c.Length + 1];
            for (int k = 0; k < c.Length; k++) { next[k] += c[k]; next[k + 1] -= c[k] * root; }
            c = next;
        }
        return c.Select(z => z.Real).ToArray();
    }

    private static void AssertRoots(Complex[] found)
    {
        Assert.Equal(2 * Truth.Length, found.Length);
        foreach (Complex root in Truth)
        {
            Assert.Contains(found, z => (z - root).Magnitude < 1e-7);
            Assert.Contains(found, z => (z - Complex.Conjugate(root)).Magnitude < 1e-7);
        }
    }

    [Fact]
    public void Finds_every_root_from_the_default_start() => AssertRoots(PolynomialRoots.DurandKerner(Coefficients(Truth)));

    [Fact]
    public void Finds_the_same_roots_from_a_neighbouring_frames_roots()
    {
        // The previous frame's formants, a little off: the warm start must land on this frame's roots, not stay put.
        Complex[] neighbour = PolynomialRoots.DurandKerner(Coefficients(Truth.Select(r => r * Complex.FromPolarCoordinates(0.99, 0.05))));
        Complex[] before = (Complex[])neighbour.Clone();
        AssertRoots(PolynomialRoots.DurandKerner(Coefficients(Truth), neighbour));
        Assert.Equal(before, neighbour); // the start is left untouched
    }

    [Fact]
    public void A_start_of_the_wrong_size_falls_back_to_the_default() =>
        AssertRoots(PolynomialRoots.DurandKerner(Coefficients(Truth), [new Complex(0.5, 0.5)]));
}
