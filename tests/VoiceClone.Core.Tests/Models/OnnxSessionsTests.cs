using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;

namespace VoiceClone.Core.Tests.Models;

public sealed class OnnxSessionsTests
{
    [SkippableFact]
    public void One_warm_session_per_model_is_shared_and_released()
    {
        string model = SharedData.Require("models/swift-f0/model.onnx");
        var store = new OnnxSessions();
        var sessions = Enumerable.Range(0, 8).AsParallel().Select(_ => store.Get(model)).Distinct().ToArray();
        Assert.Single(sessions);
        store.Dispose();
        Assert.Equal(0, store.Count);
        Assert.NotSame(sessions[0], store.Get(model));
        store.Dispose();
    }

    [Fact]
    public void A_damaged_model_file_is_a_clear_error_and_is_not_cached()
    {
        using var dir = new TempDirectory();
        string path = dir.File("model.onnx");
        File.WriteAllText(path, "not an onnx graph");
        using var store = new OnnxSessions();
        Assert.Equal("ModelFileMissing", Assert.Throws<VoiceCloneException>(() => store.Get(path)).ErrorId);
        Assert.Equal("ModelFileMissing", Assert.Throws<VoiceCloneException>(() => store.Get(path)).ErrorId);
        Assert.False(store.Contains(path), "a failed load is not cached");
    }
}
