namespace VoiceClone.Core.Runs;

/// <summary>
/// Tail probabilities of the count X of successes in n new trials, given s successes and f failures seen before: the
/// beta-binomial predictive distribution with Jeffreys' prior, p ~ Beta(s + 1/2, f + 1/2), X | p ~ B(n, p). A baseline of
/// 60 trials leaves its rate uncertain and widens the tails; a baseline of thousands approaches the plain binomial.
/// Masses from the recurrence P(k+1)/P(k) = (n-k)/(k+1) (k+a)/(n-k-1+b) in log space, each tail summed itself. O(n).
/// </summary>
public static class BetaBinomialTail
{
    /// <summary>P(X &lt;= k) for k = 0..n.</summary>
    public static double[] AtMost(int n, double successes, double failures) => Cumulative(Masses(n, successes, failures));

    /// <summary>P(X &gt;= k) for k = 0..n.</summary>
    public static double[] AtLeast(int n, double successes, double failures)
    {
        double[] masses = Masses(n, successes, failures);
        Array.Reverse(masses);
        double[] tails = Cumulative(masses);
        Array.Reverse(tails);
        return tails;
    }

    /// <summary>The masses scaled so that the largest is 1 (they are normalised by their sum later).</summary>
    private static double[] Masses(int n, double successes, double failures)
    {
        // Jeffreys' prior: half a success and half a failure before any were seen.
        double a = Math.Max(0, successes) + 0.5, b = Math.Max(0, failures) + 0.5;
        var masses = new double[n + 1];
        double log = 0;
        for (int k = 0; k <= n; k++)
        {
            masses[k] = log;
            if (k < n) log += Math.Log(n - k) - Math.Log(k + 1) + Math.Log(k + a) - Math.Log(n - k - 1 + b);
        }
        double max = masses.Max();
        for (int k = 0; k <= n; k++) masses[k] = Math.Exp(masses[k] - max);
        return masses;
    }

    private static double[] Cumulative(double[] masses)
    {
        double total = masses.Sum(), sum = 0;
        var cumulative = new double[masses.Length];
        for (int k = 0; k < masses.Length; k++) cumulative[k] = Math.Min(1, (sum += masses[k]) / total);
        return cumulative;
    }
}
