using VoiceClone.Core.Analysis.Activity;

namespace VoiceClone.Core.Tests.Analysis.Activity;

public sealed class PauseStatisticsTests
{
    private static bool[] Frames(params (bool Speech, int Count)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.Speech, r.Count)).ToArray();

    [Fact]
    public void Only_silences_between_the_first_and_last_speech_frame_that_reach_the_minimum_are_pauses()
    {
        bool[] speech = Frames((false, 80), (true, 40), (false, 30), (true, 40), (false, 24), (true, 40), (false, 120), (true, 10), (false, 200));

        double[] pauses = PauseStatistics.Pauses(speech, hopSeconds: 0.01, minimumPauseSeconds: 0.25);

        Assert.Equal([0.3, 1.2], pauses);
    }

    [Fact]
    public void A_recording_without_speech_has_no_pauses() =>
        Assert.Empty(PauseStatistics.Pauses(new bool[300], 0.01, 0.25));

    [Fact]
    public void Entropy_is_0_for_one_kind_of_pause_1_for_all_eight_and_in_between_for_two()
    {
        Assert.Equal(0, PauseStatistics.Entropy([0.3, 0.3, 0.31]));
        Assert.Equal(0, PauseStatistics.Entropy([5.0]));
        Assert.Equal(1, PauseStatistics.Entropy([0.3, 0.4, 0.6, 0.8, 1.2, 1.6, 2.4, 3.5]), 9);
        Assert.Equal(Math.Log(2) / Math.Log(8), PauseStatistics.Entropy([0.3, 3.0]), 9);
    }

    [Fact]
    public void Pauses_past_the_last_edge_share_the_open_bin()
    {
        Assert.Equal(0, PauseStatistics.Entropy([3.0, 10.0, 60.0]));
    }
}
