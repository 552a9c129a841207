using VoiceClone.Core.Audio;
using VoiceClone.Core.Models;
using VoiceClone.Core.Runtime;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Tests.Telemetry;

namespace VoiceClone.Core.Tests.Runtime;

/// <summary>The analysis entry point: the models a batch needs are found and loaded once, or the batch is refused.</summary>
[Collection(ModuleLogCollection.Name)]
public sealed class AnalysisServiceTests : IDisposable
{
    private readonly string? _savedModels = Environment.GetEnvironmentVariable(ModelLocations.EnvironmentVariable);
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, _savedModels);
        _dir.Dispose();
    }

    private string Recording()
    {
        float[] x = Voices.Concat(Voices.Silence(0.5), Voices.Harmonic(_ => 150, 1.0), Voices.Silence(0.5));
        string path = _dir.File("x.wav");
        WavWriter.Write(path, x, Voices.Rate, WavSampleFormat.Pcm16);
        return path;
    }

    [SkippableFact]
    public void Auto_uses_Silero_when_the_model_is_found_and_energy_otherwise()
    {
        string models = SharedData.Require("models");
        string wav = Recording();
        Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, models);
        using (var runtime = new VoiceCloneRuntime(_dir.Path, _dir.File("logs")))
        {
            Assert.Equal("Silero", runtime.Analysis.Prepare(new AnalysisSettings()).Analyze(wav, null).VadMethod);
            Assert.Equal("SwiftF0", runtime.Analysis.Prepare(new AnalysisSettings { PitchAlgorithm = PitchAlgorithm.SwiftF0 }).Analyze(wav, null).PitchAlgorithm);
        }
        Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, Path.Combine(models, "no-such-folder"));
        using (var runtime = new VoiceCloneRuntime(_dir.Path, _dir.File("logs")))
        {
            Assert.Equal("Energy", runtime.Analysis.Prepare(new AnalysisSettings()).Analyze(wav, null).VadMethod);
        }
    }

    [Fact]
    public void A_missing_model_refuses_the_batch_with_ModelFileMissing_listing_every_place_searched()
    {
        Environment.SetEnvironmentVariable(ModelLocations.EnvironmentVariable, "/nonexistent/models");
        using var runtime = new VoiceCloneRuntime(_dir.Path, _dir.File("logs"));
        var e = Assert.Throws<VoiceCloneException>(() => runtime.Analysis.Prepare(new AnalysisSettings { PitchAlgorithm = PitchAlgorithm.SwiftF0 }));
        Assert.Equal("ModelFileMissing", e.ErrorId);
        Assert.Contains("/nonexistent/models", e.Message);
        Assert.Contains(Path.Combine("VoiceClone", "models"), e.Message);
    }

    [Fact]
    public void A_ceiling_below_the_floor_refuses_the_batch()
    {
        using var runtime = new VoiceCloneRuntime(_dir.Path, _dir.File("logs"));
        var e = Assert.Throws<VoiceCloneException>(() => runtime.Analysis.Prepare(new AnalysisSettings { PitchFloorHz = 300, PitchCeilingHz = 200 }));
        Assert.Equal("ConfigurationInvalid", e.ErrorId);
    }
}
