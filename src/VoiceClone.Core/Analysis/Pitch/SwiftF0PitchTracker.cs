using Microsoft.ML.OnnxRuntime;
using VoiceClone.Core.Dsp;

namespace VoiceClone.Core.Analysis.Pitch;

/// <summary>
/// Pitch from the SwiftF0 neural estimator (Nieradzik 2025, ONNX, MIT): 16 kHz audio in, one F0 and confidence
/// per 256-sample (16 ms) hop out. Frame i is centred at 256 i samples: measured, not assumed. The Python package
/// places frames 127.5 samples later, but with that offset a synthetic 150-to-250 Hz step shows up 20 ms late and
/// FDA's laryngograph reference fits best 6 ms the other way, so this export behaves like a centred STFT.
/// Long recordings go through in one-minute chunks so memory stays bounded. <see cref="TrackRaw"/> is the network's
/// own output, voiced where its confidence reaches 0.9. <see cref="Track"/> uses the network as a guide for the
/// default tracker's path (<see cref="YinPitchTracker.TrackRefined(AudioBuffer, PitchTrackerOptions)"/>): YIN
/// candidates near the network's F0 are preferred where it is confident, so the network's octave robustness (in
/// babble especially) joins YIN's noise-aware voicing; the network's confidence alone unvoices far too much in noise
/// (FDA, pink noise at 0 dB: 12 % of reference-voiced frames found, against 48 % guided).
/// </summary>
public static class SwiftF0PitchTracker
{
    public const int RateHz = 16000;
    public const int HopSamples = 256;
    // The reference implementation's default voicing threshold; on FDA it gave 88.0 % raw pitch accuracy and 6.5 %
    // voicing error against 83.1 % and 10.7 % at 0.5.
    private const float VoicedConfidence = 0.9f;
    private const int ChunkSamples = 3750 * HopSamples; // 60 s, a whole number of hops

    /// <summary>F0 every 4 ms: the default tracker's refined path, guided by the network.</summary>
    public static PitchTrack Track(AudioBuffer audio, PitchTrackerOptions options, InferenceSession model)
    {
        AudioBuffer x = SincResampler.Resample(audio, RateHz);
        return YinPitchTracker.TrackRefined(x, options, Network(x, model));
    }

    /// <summary>The network's own output: one F0 per 16 ms hop, voiced where its confidence reaches the threshold.</summary>
    public static PitchTrack TrackRaw(AudioBuffer audio, PitchTrackerOptions options, InferenceSession model)
    {
        PitchTrack network = Network(audio, model);
        float[] hz = network.FrequencyHz
            .Select((f, i) => network.VoicingProbability[i] >= VoicedConfidence && f >= options.MinHz && f <= options.MaxHz ? f : float.NaN)
            .ToArray();
        return new PitchTrack(network.HopSeconds, hz, network.VoicingProbability);
    }

    /// <summary>Every frame's F0 estimate (whatever the confidence) with the confidence as voicing probability.</summary>
    internal static PitchTrack Network(AudioBuffer audio, InferenceSession session)
    {
        string input = session.InputMetadata.Keys.Single();
        string pitchOutput = OutputNamed(session, "pitch"), confidenceOutput = OutputNamed(session, "confidence");
        float[] x = SincResampler.Resample(audio, RateHz).Samples;
        var frequency = new List<float>();
        var voicing = new List<float>();
        // Held in a variable until Run returns: a RunOptions made inline can be finalized by a garbage collection
        // during Run, and ONNX Runtime then reads freed memory (a segmentation fault, seen on LibriSpeech).
        using var runOptions = new RunOptions();
        for (int start = 0; start < x.Length; start += ChunkSamples)
        {
            float[] chunk = x.AsSpan(start, Math.Min(ChunkSamples, x.Length - start)).ToArray();
            using var tensor = OrtValue.CreateTensorValueFromMemory(chunk, [1, chunk.Length]);
            var inputs = new Dictionary<string, OrtValue> { [input] = tensor };
            using var outputs = session.Run(runOptions, inputs, [pitchOutput, confidenceOutput]);
            ReadOnlySpan<float> hz = outputs[0].GetTensorDataAsSpan<float>(), confidence = outputs[1].GetTensorDataAsSpan<float>();
            for (int i = 0; i < hz.Length; i++)
            {
                frequency.Add(hz[i]);
                voicing.Add(confidence[i]);
            }
        }
        return new PitchTrack((double)HopSamples / RateHz, [.. frequency], [.. voicing]);
    }

    private static string OutputNamed(InferenceSession session, string part) =>
        session.OutputMetadata.Keys.FirstOrDefault(k => k.Contains(part, StringComparison.OrdinalIgnoreCase))
        ?? throw new VoiceCloneException(VoiceCloneErrors.ModelFileMissing,
            $"The SwiftF0 model has no '{part}' output (outputs: {string.Join(", ", session.OutputMetadata.Keys)}); is it the right file?");
}
