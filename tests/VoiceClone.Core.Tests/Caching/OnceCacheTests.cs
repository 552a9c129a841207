using VoiceClone.Core.Caching;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Caching;

public sealed class OnceCacheTests
{
    [Fact]
    public async Task Concurrent_callers_share_one_computation_and_only_the_first_is_told_it_computed()
    {
        var cache = new OnceCache<string, int>();
        int computations = 0;
        using var gate = new ManualResetEventSlim();
        int Slow(string _) { Interlocked.Increment(ref computations); gate.Wait(); return 42; }
        var callers = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => (Value: cache.Get("k", Slow, out bool cached), Cached: cached)))
            .ToArray();
        await Task.Delay(100);
        gate.Set();
        var results = await Task.WhenAll(callers);
        Assert.Equal(1, computations);
        Assert.All(results, r => Assert.Equal(42, r.Value));
        Assert.Single(results, r => !r.Cached);
    }

    [Fact]
    public void A_failed_computation_is_forgotten_and_tried_again()
    {
        var cache = new OnceCache<string, int>();
        Assert.Throws<InvalidOperationException>(() => cache.Get("k", _ => throw new InvalidOperationException("damaged")));
        Assert.False(cache.Contains("k"));
        Assert.Equal(7, cache.Get("k", _ => 7));
        Assert.Equal(7, cache.Get("k", _ => 8)); // now cached
        Assert.Equal([7], cache.Clear());
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_file_version_key_changes_when_the_file_does()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("a.wav", [1, 2, 3]);
        string before = FileVersion.Key(path);
        Assert.Equal(before, FileVersion.Key(path));
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        Assert.NotEqual(before, FileVersion.Key(path));
    }
}
