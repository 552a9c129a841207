using Microsoft.ML.OnnxRuntime;

namespace VoiceClone.Core.Analysis.Activity;

/// <summary>
/// Speech/non-speech per frame from the Silero VAD model (v5/v6, MIT): 32 ms windows at 16 kHz, each fed with the
/// previous 64 samples as context and the recurrent state carried over; a window is speech from probability 0.5 up,
/// and stays speech until it drops below 0.35 (the hysteresis of Silero's own get_speech_timestamps).
/// </summary>
internal static class SileroVoiceActivityDetector
{
    public const int RateHz = 16000;
    private const int WindowSamples = 512;
    private const int ContextSamples = 64;
    private const int StateSize = 2 * 128;
    private const float SpeechStarts = 0.5f;
    private const float SpeechEnds = 0.35f;

    public static bool[] Detect(float[] x16, int frameCount, double hopSeconds, InferenceSession session)
    {
        var (audioName, stateName, rateName) = InputRoles(session);
        var (probabilityName, nextStateName) = OutputRoles(session);

        var state = new float[StateSize];
        var input = new float[ContextSamples + WindowSamples];
        int windows = (x16.Length + WindowSamples - 1) / WindowSamples;
        var speechWindow = new bool[windows];
        bool speaking = false;
        using var rate = OrtValue.CreateTensorValueFromMemory(new long[] { RateHz }, []);
        using var runOptions = new RunOptions();
        for (int w = 0; w < windows; w++)
        {
            input.AsSpan(WindowSamples, ContextSamples).CopyTo(input); // the last 64 samples become the context
            Array.Clear(input, ContextSamples, WindowSamples);
            int start = w * WindowSamples, count = Math.Min(WindowSamples, x16.Length - start);
            x16.AsSpan(start, count).CopyTo(input.AsSpan(ContextSamples));
            using var audio = OrtValue.CreateTensorValueFromMemory(input, [1, input.Length]);
            using var stateIn = OrtValue.CreateTensorValueFromMemory(state, [2, 1, 128]);
            using var outputs = session.Run(runOptions,
                new Dictionary<string, OrtValue> { [audioName] = audio, [stateName] = stateIn, [rateName] = rate }, [probabilityName, nextStateName]);
            float probability = outputs[0].GetTensorDataAsSpan<float>()[0];
            outputs[1].GetTensorDataAsSpan<float>().CopyTo(state);
            speaking = speaking ? probability >= SpeechEnds : probability >= SpeechStarts;
            speechWindow[w] = speaking;
        }

        var speech = new bool[frameCount];
        for (int i = 0; i < frameCount; i++) speech[i] = speechWindow[Math.Min(windows - 1, (int)(i * hopSeconds * RateHz / WindowSamples))];
        SpeechMask.Smooth(speech);
        return speech;
    }

    private static (string Audio, string State, string Rate) InputRoles(InferenceSession session)
    {
        var inputs = session.InputMetadata;
        string rate = inputs.Single(i => i.Value.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64).Key;
        string state = inputs.Single(i => i.Value.Dimensions.Length == 3).Key;
        string audio = inputs.Keys.Single(k => k != rate && k != state);
        return (audio, state, rate);
    }

    private static (string Probability, string NextState) OutputRoles(InferenceSession session)
    {
        var outputs = session.OutputMetadata;
        string next = outputs.Single(o => o.Value.Dimensions.Length == 3).Key;
        return (outputs.Keys.Single(k => k != next), next);
    }
}
