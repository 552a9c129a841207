namespace VoiceClone.Core.Tests.Telemetry;

/// <summary>The module logger and its environment variable are process-wide: these tests run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ModuleLogCollection
{
    public const string Name = "Module logger";
}
