using System.Collections.Concurrent;

namespace VoiceClone.Core.Caching;

/// <summary>
/// Values computed once per key and shared by every thread that asks (concurrent callers wait for the one computation).
/// A computation that fails or is cancelled is not kept, so the next call tries again: a model file that was
/// damaged, or a stop, must not stay cached once it is fixed.
/// </summary>
public sealed class OnceCache<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _values = new(comparer);

    public int Count => _values.Count;

    public bool Contains(TKey key) => _values.ContainsKey(key);

    public TValue Get(TKey key, Func<TKey, TValue> create) => Get(key, create, out _);

    /// <param name="cached">False for the caller whose request started the computation.</param>
    public TValue Get(TKey key, Func<TKey, TValue> create, out bool cached)
    {
        // GetOrAdd may run the factory on several racing threads but stores one result: only the caller whose Lazy was
        // stored started the computation.
        Lazy<TValue>? mine = null;
        Lazy<TValue> value = _values.GetOrAdd(key, k => mine = new Lazy<TValue>(() => create(k)));
        cached = !ReferenceEquals(value, mine);
        try
        {
            return value.Value;
        }
        catch
        {
            _values.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, value));
            throw;
        }
    }

    /// <summary>Empties the cache and returns the values that had been computed (for the caller to dispose).</summary>
    public List<TValue> Clear()
    {
        var computed = new List<TValue>();
        foreach (TKey key in _values.Keys.ToArray())
        {
            if (_values.TryRemove(key, out Lazy<TValue>? value) && value.IsValueCreated) computed.Add(value.Value);
        }
        return computed;
    }
}

/// <summary>A key for one version of a file: its full path, size and modification time (an edited file is a new key).</summary>
public static class FileVersion
{
    public static string Key(string path)
    {
        var info = new FileInfo(path);
        // A missing file gets a key of its own; the computation then reports it the way it reports any bad input.
        return info.Exists ? $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : $"{info.FullName}|missing";
    }
}
