namespace VoiceClone;

/// <summary>Which pitch tracker Get-VoiceFeature uses.</summary>
public enum PitchAlgorithm
{
    /// <summary>YIN with Viterbi decoding, built in.</summary>
    Default,
    /// <summary>The SwiftF0 neural estimator (ONNX); needs models/swift-f0/model.onnx.</summary>
    SwiftF0,
}

/// <summary>How speech is told from silence.</summary>
public enum VadMethod
{
    /// <summary>Silero VAD when its model file is present, otherwise the energy detector.</summary>
    Auto,
    Silero,
    Energy,
}
