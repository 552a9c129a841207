using VoiceClone.Core.Models;

namespace VoiceClone.Core.Engines.Qwen3;

/// <summary>Where a Qwen3-TTS model folder's files come from.</summary>
public static class Qwen3Downloads
{
    /// <summary>
    /// The files of a named model. Without a mirror: the text files from Qwen/&lt;name&gt; and the graphs from
    /// onnx-community/&lt;name&gt;-ONNX/&lt;precision&gt; on Hugging Face; with one, every file from mirror/&lt;relative path&gt;.
    /// </summary>
    public static List<ModelFile> Plan(string name, string precision, Uri? mirror)
    {
        Uri text = mirror is null ? Folder($"https://huggingface.co/Qwen/{name}/resolve/main") : Folder(mirror.ToString());
        Uri graphs = mirror is null ? Folder($"https://huggingface.co/onnx-community/{name}-ONNX/resolve/main/{precision}")
            : new Uri(Folder(mirror.ToString()), precision + "/");
        return
        [
            .. Qwen3Model.FolderFiles.Select(f => new ModelFile(f, new Uri(text, f))),
            .. Qwen3Model.GraphNames.Select(g => new ModelFile($"{precision}/{g}.onnx", new Uri(graphs, g + ".onnx"))),
        ];
    }

    private static Uri Folder(string url) => new(url.EndsWith('/') ? url : url + "/");
}
