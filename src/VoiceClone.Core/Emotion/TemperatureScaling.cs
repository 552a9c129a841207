namespace VoiceClone.Core.Emotion;

/// <summary>
/// Temperature scaling (Guo et al. 2017, "On calibration of modern neural networks"): probabilities p become
/// p^(1/T) renormalised, with the single T that minimises the negative log-likelihood of held-out predictions.
/// Averaging over speed-perturbed views and training on seven times the data leave the classifier overconfident;
/// T fitted on leave-one-speaker-out predictions undoes that without moving any decision.
/// </summary>
public static class TemperatureScaling
{
    private const double MinTemperature = 0.25, MaxTemperature = 8;

    public static float[] Apply(float[] probabilities, double temperature)
    {
        double[] scaled = probabilities.Select(p => Math.Pow(Math.Max(p, 1e-12), 1 / temperature)).ToArray();
        double sum = scaled.Sum();
        return scaled.Select(p => (float)(p / sum)).ToArray();
    }

    /// <summary>The temperature that minimises the mean negative log-likelihood (golden-section search on log T).</summary>
    public static double Fit(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth)
    {
        double Loss(double logT)
        {
            double t = Math.Exp(logT), sum = 0;
            for (int i = 0; i < truth.Count; i++) sum -= Math.Log(Math.Max(Apply(probabilities[i], t)[truth[i]], 1e-12));
            return sum / Math.Max(1, truth.Count);
        }
        double a = Math.Log(MinTemperature), b = Math.Log(MaxTemperature), ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        for (int i = 0; i < 40; i++)
        {
            if (Loss(c) < Loss(d)) b = d; else a = c;
            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }
        return Math.Exp((a + b) / 2);
    }
}
