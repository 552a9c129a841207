// Two folders that use each other: the cycle rule must reject them (see RulesCatchViolationsTests).
namespace VoiceClone.Architecture.Tests.Fixtures.Cyclic.Alpha
{
    internal sealed class Sender
    {
        public Beta.Receiver? Target { get; set; }
    }
}

namespace VoiceClone.Architecture.Tests.Fixtures.Cyclic.Beta
{
    internal sealed class Receiver
    {
        public Alpha.Sender? Origin { get; set; }
    }
}

namespace VoiceClone.Architecture.Tests.Fixtures.Acyclic.Gamma
{
    internal sealed class Caller
    {
        public Delta.Callee? Target { get; set; }
    }
}

namespace VoiceClone.Architecture.Tests.Fixtures.Acyclic.Delta
{
    internal sealed class Callee;
}
