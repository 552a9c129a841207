using VoiceClone.Core.Caching;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>
/// Text tokenizers by model folder: building the real vocabulary's BPE takes a noticeable fraction of a second, so it is
/// built once per version of a folder's tokenizer files and shared by every engine on that folder. Thread-safe.
/// </summary>
public sealed class Qwen3Tokenizers
{
    private readonly OnceCache<string, Qwen3TextTokenizer> _loaded = new(StringComparer.Ordinal);

    public Qwen3TextTokenizer ForFolder(string folder) =>
        _loaded.Get(string.Join("\n", Qwen3TextTokenizer.Files.Select(f => FileVersion.Key(Path.Combine(folder, f)))), _ => Qwen3TextTokenizer.Load(folder));

    public void Clear() => _loaded.Clear();
}
