using VoiceClone.Core.Runs;

namespace VoiceClone.Core.Tests.Runs;

public sealed class RunComparerTests
{
    private static IReadOnlyDictionary<string, double> M(double rtf, double pass, double speech, double io = 0) =>
        new Dictionary<string, double> { ["rtf"] = rtf, ["validation_pass_rate"] = pass, ["speech_fraction_median"] = speech, ["errors.io"] = io };

    [Fact]
    public void Each_metric_gets_its_delta_and_a_verdict_in_its_own_better_direction()
    {
        var rows = RunComparer.Compare([M(0.40, 0.90, 0.80)], [M(0.20, 0.70, 0.60)]).ToDictionary(r => r.Metric);
        Assert.Equal(-0.20, rows["rtf"].Delta, 12);
        Assert.Equal(-0.5, rows["rtf"].RelativeChange, 12);
        Assert.Equal(("lower", "better"), (rows["rtf"].Better, rows["rtf"].Verdict));
        Assert.Equal(("higher", "worse"), (rows["validation_pass_rate"].Better, rows["validation_pass_rate"].Verdict));
        Assert.Equal(("neither", "changed"), (rows["speech_fraction_median"].Better, rows["speech_fraction_median"].Verdict));
        Assert.False(rows.ContainsKey("errors.io")); // neither side had one
        Assert.Equal("rtf", RunComparer.Compare([M(1, 1, 1)], [M(1, 1, 1)])[0].Metric); // cost first
    }

    [Fact]
    public void Groups_compare_by_their_medians_and_small_changes_are_unchanged()
    {
        var before = new[] { M(0.40, 0.9, 0.8), M(0.42, 0.9, 0.8), M(5.0, 0.9, 0.8) }; // one outlier does not move a median
        var after = new[] { M(0.415, 0.9, 0.8, io: 0.1), M(0.415, 0.9, 0.8) };
        var rows = RunComparer.Compare(before, after).ToDictionary(r => r.Metric);
        Assert.Equal(0.42, rows["rtf"].Reference, 12);
        Assert.Equal(0.415, rows["rtf"].Difference, 12);
        Assert.Equal("unchanged", rows["rtf"].Verdict);
        Assert.Equal((3, 2), (rows["rtf"].ReferenceRuns, rows["rtf"].DifferenceRuns));
        Assert.Equal("worse", rows["errors.io"].Verdict);
    }
}
