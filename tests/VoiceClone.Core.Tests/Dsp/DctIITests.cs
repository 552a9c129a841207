using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class DctIITests
{
    [Fact]
    public void Coefficients_follow_the_textbook_sum_with_orthonormal_scaling()
    {
        const int length = 26;
        var random = new Random(5);
        double[] x = Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10).ToArray();

        double[] c = new DctII(length, firstCoefficient: 1, count: 4, orthonormal: true).Transform(x);

        for (int i = 0; i < 4; i++)
        {
            int k = i + 1;
            double expected = Math.Sqrt(2.0 / length) * Enumerable.Range(0, length).Sum(m => x[m] * Math.Cos(Math.PI * k * (m + 0.5) / length));
            Assert.Equal(expected, c[i], 10);
        }
    }

    [Fact]
    public void A_flat_input_has_no_energy_above_c0_so_a_level_change_does_not_move_the_cepstrum()
    {
        var transform = new DctII(40, firstCoefficient: 1, count: 12, orthonormal: true);
        double[] shape = Enumerable.Range(0, 40).Select(m => Math.Sin(m / 5.0) * 6).ToArray();

        double[] a = transform.Transform(shape);
        double[] b = transform.Transform(shape.Select(v => v + 20).ToArray());
        double[] flat = transform.Transform(Enumerable.Repeat(-30.0, 40).ToArray());

        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(a[i], b[i], 9);
            Assert.Equal(0, flat[i], 9);
        }
    }

    [Fact]
    public void Orthonormal_basis_rows_have_unit_energy()
    {
        const int length = 16;
        var transform = new DctII(length, firstCoefficient: 1, count: length - 1, orthonormal: true);
        for (int k = 1; k < length; k++)
        {
            double[] basis = Enumerable.Range(0, length).Select(m => Math.Cos(Math.PI * k * (m + 0.5) / length)).ToArray();
            double[] c = transform.Transform(basis);
            // Projecting row k on the orthonormal basis gives sqrt(M/2) at k and 0 elsewhere.
            for (int i = 0; i < c.Length; i++) Assert.Equal(i == k - 1 ? Math.Sqrt(length / 2.0) : 0, c[i], 9);
        }
    }
}
