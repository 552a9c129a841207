using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Tests.Dsp;

public sealed class StatisticsTests
{
    [Fact]
    public void NaN_values_are_skipped_and_nothing_left_gives_NaN()
    {
        double[] values = [1, double.NaN, 3, double.NaN, 5];

        Assert.Equal(3, Statistics.Mean(values));
        Assert.Equal(2, Statistics.StandardDeviation(values), 12);
        Assert.Equal(3, Statistics.Percentile(values, 50));
        Assert.True(double.IsNaN(Statistics.Mean([double.NaN])));
        Assert.True(double.IsNaN(Statistics.StandardDeviation([4.0])));
        Assert.True(double.IsNaN(Statistics.Percentile([], 50)));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(100, 40)]
    [InlineData(50, 25)]
    [InlineData(10, 13)]
    [InlineData(90, 37)]
    public void Percentiles_interpolate_linearly_between_the_sorted_values(double percent, double expected) =>
        Assert.Equal(expected, Statistics.Percentile([40, 10, 30, 20], percent), 9);
}
