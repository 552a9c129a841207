using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Models;
using VoiceClone.Core.Tests.Support;
using Xunit.Abstractions;

namespace VoiceClone.Core.Tests.Engines.Qwen3;

/// <summary>The fixture's precision variants, derived once for the class under a temporary folder and removed after.</summary>
public sealed class Qwen3VariantFolders : IDisposable
{
    private readonly string? _root;

    public Qwen3VariantFolders()
    {
        Fixture = Path.Combine(SharedData.Root, Qwen3FixtureCases.Fixture);
        if (!Directory.Exists(Fixture))
        {
            SkipReason = $"skipped: ../shared/{Qwen3FixtureCases.Fixture} not found";
            return;
        }
        string? python = Qwen3FixtureVariants.FindPython(out string missing);
        if (python is null)
        {
            SkipReason = "skipped: " + missing;
            return;
        }
        _root = Directory.CreateTempSubdirectory("voiceclone-qwen3-variants-").FullName;
        Qwen3FixtureVariants.Derive(python, Fixture, _root, Qwen3FixtureVariants.All);
    }

    public string Fixture { get; }
    public string? SkipReason { get; }

    /// <summary>The model folder of a variant (external, fp16, int4); skips the test when the variants could not be made.</summary>
    public string Folder(string variant)
    {
        Skip.If(SkipReason is not null, SkipReason);
        return Path.Combine(_root!, variant);
    }

    public void Dispose()
    {
        try
        {
            if (_root is not null) Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows keeps files open by warm sessions; the temporary folder is left for the OS to clean.
        }
    }
}

/// <summary>
/// Every precision the installer offers runs: the fixture's graphs with external weights (bit-identical to cpu_fp32),
/// with float16 inputs and outputs (Cast nodes at the boundary, float32 inside), and with int4 MatMulNBits weights.
/// </summary>
public sealed class Qwen3PrecisionTests(Qwen3VariantFolders variants, ITestOutputHelper output) : IClassFixture<Qwen3VariantFolders>
{
    // One session store for the class, as the runtime keeps one for the module.
    private static readonly OnnxSessions Sessions = new();

    private const int SamplesPerFrame = 1920; // 24 kHz / 12.5 Hz
    private const string Float16Summary = "cpu_fp16: float I/O float16, KV cache float16, logits float16";

    /// <summary>A variant's graphs, checked to name their precision and element types as expected; the float32 graphs; the cases.</summary>
    private (Qwen3Graphs Variant, Qwen3Graphs Fp32, Qwen3FixtureCases Cases) Open(string variant, string precisionSummary)
    {
        var graphs = new Qwen3Graphs(Qwen3Model.Load(variants.Folder(variant), Sessions));
        Assert.Equal(precisionSummary, graphs.Model.PrecisionSummary);
        return (graphs, new Qwen3Graphs(Qwen3Model.Load(variants.Fixture, Sessions)), new Qwen3FixtureCases(variants.Fixture));
    }

    [SkippableFact]
    public void External_weights_load_beside_their_graphs_and_every_output_is_bit_identical()
    {
        var (external, fp32, cases) = Open("external",
            "cpu_fp32: float I/O float32, KV cache float32, logits float32, external weight files for 8 of 8 graphs");
        // The weights are found beside the graph, not in the working directory.
        Assert.NotEqual(Path.GetFullPath(external.Model.GraphFolder), Path.GetFullPath(Directory.GetCurrentDirectory()));
        Assert.Equal(fp32.SpeakerEmbedding(cases.ReferenceAudio), external.SpeakerEmbedding(cases.ReferenceAudio));
        Assert.Equal(fp32.EncodeReference(cases.ReferenceAudio), external.EncodeReference(cases.ReferenceAudio));
        foreach (string name in Qwen3FixtureCases.GreedyCases)
        {
            Qwen3Generation expected = cases.RunGreedy(fp32, name), actual = cases.RunGreedy(external, name);
            Assert.Equal(expected.Codes, actual.Codes);
            Assert.Equal(expected.Waveform, actual.Waveform); // float equality: bit for bit
        }
    }

    [SkippableFact]
    public void A_missing_external_data_file_is_named_in_the_one_ModelFileMissing_listing()
    {
        using var dir = new TempDirectory();
        string model = Path.Combine(dir.Path, "model");
        CopyFolder(variants.Folder("external"), model);
        File.Delete(Path.Combine(model, "cpu_fp32", "talker_cache.onnx_data"));
        File.Delete(Path.Combine(model, "cpu_fp32", "tok_decoder.onnx"));
        File.Delete(Path.Combine(model, "merges.txt"));
        var e = Assert.Throws<VoiceCloneException>(() => Qwen3Model.Load(model, Sessions));
        output.WriteLine(e.Message);
        Assert.Equal(VoiceCloneErrors.ModelFileMissing, e.Error);
        foreach (string missing in new[] { "merges.txt", "cpu_fp32/talker_cache.onnx_data", "cpu_fp32/tok_decoder.onnx" })
            Assert.Contains(missing.Replace('/', Path.DirectorySeparatorChar), e.Message);
        Assert.DoesNotContain("code_predictor.onnx_data", e.Message);
    }

    [SkippableFact]
    public void Float16_io_speaker_embedding_and_reference_codes_are_what_fp16_rounding_implies()
    {
        var (fp16, fp32, cases) = Open("fp16", Float16Summary);
        float[] audio = cases.ReferenceAudio, rounded = audio.Select(RoundToHalf).ToArray();

        // The graph rounds its input and output to float16 and computes in float32 between: so the embedding must be the
        // float32 graph's embedding of the rounded audio, rounded once more (at most half a float16 ulp away).
        float[] embedding = fp16.SpeakerEmbedding(audio), ofRounded = fp32.SpeakerEmbedding(rounded);
        float[] unrounded = fp32.SpeakerEmbedding(audio);
        double worstUlps = embedding.Zip(ofRounded, (a, b) => Math.Abs(a - b) / Ulp(b)).Max();
        output.WriteLine($"speaker embedding: {worstUlps:F2} float16 ulps from the rounded input's; " +
            $"vs unrounded input max abs {MaxAbsDifference(embedding, unrounded):E2} " +
            $"(largest value {unrounded.Max(Math.Abs):F2}), cosine {Cosine(embedding, unrounded):F6}");
        Assert.True(worstUlps <= 0.5, $"{worstUlps} ulps");
        // The input's own rounding moves a random-weight ECAPA-TDNN a little; the direction of the embedding stays.
        Assert.True(Cosine(embedding, unrounded) > 0.999);

        List<long[]> codes = fp16.EncodeReference(audio);
        Assert.Equal(fp32.EncodeReference(rounded), codes);
        int same = codes.Zip(fp32.EncodeReference(audio)).Sum(p => p.First.Zip(p.Second).Count(q => q.First == q.Second));
        output.WriteLine($"reference codes: {same} of {codes.Count * 16} equal to the unrounded input's");
        Assert.Equal(codes.Count * 16, same);
    }

    public static TheoryData<string> GreedyCases() => new(Qwen3FixtureCases.GreedyCases);

    /// <summary>
    /// The rule: float16 logits can swap two scores closer than a float16 ulp at their magnitude (each is rounded by up to
    /// half an ulp), and the float16 inputs, hidden state and KV cache move the scores by about as much again; so a greedy
    /// choice is decided by its float32 scores when their top-2 margin exceeds two float16 ulps at the best score. The
    /// float16 run must choose exactly as the float32 run up to its first choice with a smaller margin; a case without
    /// divergence is identical throughout (frames, stop, waveform within half a float16 ulp), and every case ends in
    /// finite audio of the length its frames imply.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(GreedyCases))]
    public void Float16_io_greedy_codes_are_identical_wherever_float32_margins_exceed_fp16_rounding(string name)
    {
        var (fp16, fp32, cases) = Open("fp16", Float16Summary);
        var expectedChoices = new List<Qwen3Decision>();
        var actualChoices = new List<Qwen3Decision>();
        Qwen3Generation expected = cases.RunGreedy(fp32, name, expectedChoices.Add);
        Qwen3Generation actual = cases.RunGreedy(fp16, name, actualChoices.Add);

        int compared = Math.Min(expectedChoices.Count, actualChoices.Count);
        int diverged = Enumerable.Range(0, compared).FirstOrDefault(i => expectedChoices[i].Chosen != actualChoices[i].Chosen, -1);
        int firstClose = expectedChoices.FindIndex(d => d.Margin <= 2 * Ulp(d.Best));
        int agreed = diverged < 0 ? compared : diverged;
        int sameFrames = expected.Codes.Zip(actual.Codes).TakeWhile(p => p.First.SequenceEqual(p.Second)).Count();
        Qwen3Decision at = diverged >= 0 ? expectedChoices[diverged] : default;
        output.WriteLine($"{name}: {agreed} of {expectedChoices.Count} choices and {sameFrames} of {expected.Codes.Count} frames " +
            "identical; " +
            $"first choice within 2 fp16 ulps at {firstClose}; " + (diverged < 0 ? "no divergence"
                : $"diverged at frame {at.Frame} group {at.Group}, float32 margin {at.Margin:E2} = {at.Margin / Ulp(at.Best):F2} ulps") +
            $"; frames {expected.Codes.Count} -> {actual.Codes.Count}, stop {actual.StopReason}");

        if (diverged >= 0)
        {
            Assert.True(at.Margin <= 2 * Ulp(at.Best),
                $"the float16 run chose differently at choice {diverged}, where float32's margin {at.Margin} exceeds two float16 ulps");
        }
        else
        {
            Assert.Equal(expected.Codes, actual.Codes);
            Assert.Equal(expected.StopReason, actual.StopReason);
            Assert.Equal(expected.Waveform.Length, actual.Waveform.Length);
            double worst = actual.Waveform.Zip(expected.Waveform, (a, b) => Math.Abs(a - b) / Ulp(b)).Max();
            Assert.True(worst <= 0.5, $"waveform {worst} float16 ulps from float32's");
        }
        AssertFiniteAudioOfItsLength(actual, cases, name);
    }

    [SkippableFact]
    public void Int4_MatMulNBits_graphs_load_and_speak()
    {
        var (int4, fp32, cases) = Open("int4",
            "cpu_int4: float I/O float32, KV cache float32, logits float32, int4 MatMulNBits weights in talker_cache, code_predictor");
        foreach (string name in Qwen3FixtureCases.GreedyCases)
        {
            Qwen3Generation expected = cases.RunGreedy(fp32, name), actual = cases.RunGreedy(int4, name);
            int sameFrames = expected.Codes.Zip(actual.Codes).TakeWhile(p => p.First.SequenceEqual(p.Second)).Count();
            int sameCodes = expected.Codes.Zip(actual.Codes).Sum(p => p.First.Zip(p.Second).Count(q => q.First == q.Second));
            output.WriteLine($"{name}: {actual.Codes.Count} frames (float32 {expected.Codes.Count}), stop {actual.StopReason}; " +
                $"first {sameFrames} frames identical, {sameCodes} of {expected.Codes.Count * 16} codes in place equal");
            AssertFiniteAudioOfItsLength(actual, cases, name);
        }
    }

    /// <summary>Finite samples within the decoder's clamp, as many as the decoded frames give, less the in-context cut.</summary>
    private static void AssertFiniteAudioOfItsLength(Qwen3Generation generation, Qwen3FixtureCases cases, string name)
    {
        Assert.InRange(generation.Codes.Count, 1, Qwen3FixtureCases.MaxFrames);
        bool icl = cases.Case(name).GetProperty("mode").GetString() == "icl";
        int referenceFrames = icl ? cases.Cases.GetProperty("ref_codes").GetArrayLength() : 0; // decoded before the cut
        int decoded = referenceFrames + generation.Codes.Count;
        Assert.Equal(icl ? (int)((double)referenceFrames / decoded * decoded * SamplesPerFrame) : 0, generation.CutSamples);
        Assert.Equal(decoded * SamplesPerFrame - generation.CutSamples, generation.Waveform.Length);
        Assert.All(generation.Waveform, v => Assert.True(float.IsFinite(v) && Math.Abs(v) <= 1, $"sample {v}"));
    }

    private static float RoundToHalf(float x) => (float)(Half)x;

    /// <summary>One float16 ulp at |x| (binary16: 10 fraction bits; subnormal spacing 2^-24 below 2^-14).</summary>
    private static double Ulp(double x) => Math.Pow(2, Math.Max(Math.Floor(Math.Log2(Math.Abs(x))), -14) - 10);

    private static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - (double)y)).Max();

    private static double Cosine(float[] a, float[] b) =>
        a.Zip(b, (x, y) => (double)x * y).Sum() / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(y => (double)y * y));

    private static void CopyFolder(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
