using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

public sealed class BetaBinomialTailTests
{
    [Fact]
    public void A_long_history_gives_the_binomial_tails()
    {
        // 9,500 passes in 10,000: p is 0.95 to within 0.5 %. B(12, 0.95): P(12) = 0.54036, P(11) = 0.34128, P(10) = 0.09879.
        double[] atMost = BetaBinomialTail.AtMost(12, 9_500, 500), atLeast = BetaBinomialTail.AtLeast(12, 9_500, 500);
        Assert.Equal(1 - 0.54036 - 0.34128 - 0.09879, atMost[9], 3);
        Assert.Equal(0.54036, atLeast[12], 2);
        Assert.Equal(1.0, atMost[12], 12);
        Assert.Equal(1.0, atLeast[0], 12);
    }

    [Fact]
    public void A_short_history_widens_the_tails()
    {
        // 59 of 60 passed: a rate of 0.983 is far from certain, so 9 of 12 is not very unlikely.
        double shortHistory = BetaBinomialTail.AtMost(12, 59, 1)[9], longHistory = BetaBinomialTail.AtMost(12, 59_000, 1_000)[9];
        Assert.True(shortHistory > 3 * longHistory, $"{shortHistory} vs {longHistory}");
    }

    [Fact]
    public void Large_counts_and_one_sided_histories_neither_underflow_nor_divide_by_zero()
    {
        double[] upper = BetaBinomialTail.AtLeast(10_000, 100_000, 9_900_000); // p = 0.01, n = 10,000: mean 100, sd 10
        Assert.InRange(upper[100], 0.45, 0.55);
        Assert.InRange(upper[200], 1e-40, 1e-10);
        Assert.InRange(BetaBinomialTail.AtLeast(12, 0, 240)[3], 0, 1e-4); // never an error in 240 items: three in 12 is very unlikely
        Assert.True(BetaBinomialTail.AtMost(12, 240, 0)[9] < 1e-3);
    }
}
