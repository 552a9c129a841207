using System.Text;
using VoiceClone.Core.Batches;

namespace VoiceClone.Core.Tests.Batches;

/// <summary>Who does what in a sharded batch: every input in exactly one shard, decided by the input alone.</summary>
public sealed class ShardAssignmentTests
{
    private static readonly string[] Keys = Enumerable.Range(0, 10_000).Select(i => $"calls/{i / 100:D3}/call-{i:D5}.wav").ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Every_key_and_every_row_belongs_to_exactly_one_of_the_shards(int count)
    {
        ShardAssignment[] shards = Enumerable.Range(0, count).Select(i => ShardAssignment.Create(i, count)).ToArray();
        Assert.All(Keys, key => Assert.Single(shards, s => s.TakesKey(key)));
        Assert.All(Enumerable.Range(0, 1000), row => Assert.Single(shards, s => s.TakesRow(row)));
    }

    [Fact]
    public void The_shard_is_the_first_eight_bytes_of_the_keys_SHA256_modulo_the_count_as_any_language_can_compute_it()
    {
        // python3: int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], 'big') % n
        Assert.Equal(7, ShardAssignment.Of("calls/a.wav", 8));
        Assert.Equal(1, ShardAssignment.Of("calls/b.wav", 8));
        Assert.Equal(167, ShardAssignment.Of("calls/a.wav", 1000));
        Assert.Equal(569, ShardAssignment.Of("calls/b.wav", 1000));
    }

    [Fact]
    public void The_assignment_does_not_depend_on_the_order_inputs_arrive_in()
    {
        var shard = ShardAssignment.Create(2, 5);
        string[] forward = Keys.Where(shard.TakesKey).ToArray();
        string[] shuffled = Keys.OrderBy(k => ShardAssignment.Of(k + "salt", 1 << 20)).Where(shard.TakesKey).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(forward.Order(StringComparer.Ordinal), shuffled);
    }

    [Fact]
    public void Hashed_shards_are_even_within_a_few_percent_on_ten_thousand_paths()
    {
        int[] sizes = Enumerable.Range(0, 8).Select(i => Keys.Count(ShardAssignment.Create(i, 8).TakesKey)).ToArray();
        Assert.All(sizes, size => Assert.InRange(size, 1250 * 0.92, 1250 * 1.08));
    }

    [Fact]
    public void A_key_is_the_path_relative_to_the_root_with_forward_slashes_and_composed_unicode()
    {
        string root = Path.Combine(Path.GetTempPath(), "batch-root");
        Assert.Equal("calls/a.wav", ShardAssignment.KeyOf(Path.Combine(root, "calls", "a.wav"), root));
        Assert.Equal("calls/a.wav", ShardAssignment.KeyOf(Path.Combine(root, "calls", ".", "a.wav"), root + Path.DirectorySeparatorChar));
        string decomposed = ShardAssignment.KeyOf(Path.Combine(root, "a", "e\u0301.wav"), root);
        Assert.Equal("a/\u00e9.wav", decomposed);
        Assert.Equal(5, ShardAssignment.Of(decomposed, 8)); // python3 over the UTF-8 of 'a/é.wav' (composed)
        Assert.Equal(Encoding.UTF8.GetBytes("a/\u00e9.wav"), Encoding.UTF8.GetBytes(decomposed));
    }

    [Fact]
    public void A_key_outside_the_root_is_recognised()
    {
        string root = Path.Combine(Path.GetTempPath(), "batch-root");
        Assert.True(ShardAssignment.IsOutsideRoot(ShardAssignment.KeyOf(Path.Combine(Path.GetTempPath(), "elsewhere.wav"), root)));
        Assert.False(ShardAssignment.IsOutsideRoot(ShardAssignment.KeyOf(Path.Combine(root, "..x", "a.wav"), root)));
        Assert.False(ShardAssignment.IsOutsideRoot("calls/a.wav"));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(0, 1, true)]
    [InlineData(3, 4, true)]
    [InlineData(0, null, false)]
    [InlineData(null, 4, false)]
    [InlineData(4, 4, false)]
    [InlineData(-1, 4, false)]
    [InlineData(0, 0, false)]
    public void Only_an_index_from_0_to_count_minus_1_is_taken(int? index, int? count, bool valid)
    {
        if (valid)
        {
            ShardAssignment shard = ShardAssignment.Create(index, count);
            Assert.Equal(index ?? 0, shard.Index);
            Assert.Equal(count ?? 1, shard.Count);
            return;
        }
        var e = Assert.Throws<VoiceCloneException>(() => ShardAssignment.Create(index, count));
        Assert.Equal("BatchShardInvalid", e.ErrorId);
    }

    [Fact]
    public void The_messages_say_how_to_number_array_tasks()
    {
        Assert.Contains("--array=0-3", Assert.Throws<VoiceCloneException>(() => ShardAssignment.Create(4, 4)).Message);
        Assert.Contains("SLURM_ARRAY_TASK_ID", Assert.Throws<VoiceCloneException>(() => ShardAssignment.Create(null, 4)).Message);
    }
}
