using VoiceClone.Core.Analysis.Spectral;
using VoiceClone.Core.Analysis;
using VoiceClone.Core.Audio.Decoders;
using VoiceClone.Core.Audio;
using VoiceClone.Core.Dsp;
using VoiceClone.Core.Emotion;
using VoiceClone.Core.Engines;
using VoiceClone.Core.Engines.Qwen3;
using VoiceClone.Core.Tests.Support;
using VoiceClone.Core.Tests.Telemetry;

namespace VoiceClone.Core.Tests.Audio.Decoders;

/// <summary>The same recording as WAV and as each compressed format, encoded by the real tools, analyses the same.</summary>
[Collection(ModuleLogCollection.Name)]
public sealed class AudioFormatTests(EncodedRecordings recordings) : IClassFixture<EncodedRecordings>
{
    // The bounds: pitch within 1 %, duration within 30 ms.
    private const double PitchTolerance = 0.01, DurationToleranceSeconds = 0.030;
    // Alignment is searched this far either side of zero; an untrimmed MP3 would sit 1105 samples late.
    private const int MaxLagSamples = 40;
    // Longer than any test recording: read them whole.
    private const double AllSeconds = 3600;

    // ffmpeg's WMA (wmav2) encoder and decoder lose the last partial 2048-sample frame: ffmpeg itself decodes such a
    // file 32-46 ms short of its container's duration, so WMA is held to one frame instead.
    private const double WmaFrameSeconds = 2048.0 / EncodedRecordings.StereoRateHz;

    public static TheoryData<string, bool, double> Formats() => new()
    {
        { "mp3-cbr", false, DurationToleranceSeconds }, { "mp3-vbr", true, DurationToleranceSeconds },
        { "vorbis", false, DurationToleranceSeconds }, { "vorbis", true, DurationToleranceSeconds },
        { "opus", false, DurationToleranceSeconds }, { "opus", true, DurationToleranceSeconds },
        { "flac", false, DurationToleranceSeconds }, { "flac", true, DurationToleranceSeconds },
        { "m4a", true, DurationToleranceSeconds }, { "mulaw-wav", false, DurationToleranceSeconds },
        { "mp4-video", true, DurationToleranceSeconds }, { "wma", true, WmaFrameSeconds },
    };

    [SkippableTheory]
    [MemberData(nameof(Formats))]
    public void Each_format_gives_the_pitch_and_duration_of_the_WAV(string format, bool stereo, double durationToleranceSeconds)
    {
        string encoded = recordings.Encode(format, stereo);
        VoiceFeatures wav = VoiceFeatureExtractor.Analyze(recordings.Wav(stereo), new VoiceFeatureOptions());
        VoiceFeatures other = VoiceFeatureExtractor.Analyze(encoded, new VoiceFeatureOptions());

        Assert.InRange(other.PitchMedian, wav.PitchMedian * (1 - PitchTolerance), wav.PitchMedian * (1 + PitchTolerance));
        Assert.InRange(other.Pitch, wav.Pitch * (1 - PitchTolerance), wav.Pitch * (1 + PitchTolerance));
        Assert.InRange(other.DurationSeconds - wav.DurationSeconds, -durationToleranceSeconds, durationToleranceSeconds);
    }

    [SkippableTheory]
    [InlineData("mp3-cbr", false, 0)]
    [InlineData("mp3-vbr", true, 0)]
    [InlineData("vorbis", false, 0)]
    [InlineData("vorbis", true, 0)]
    [InlineData("flac", true, 0)]
    // opusenc resamples to 48 kHz and its pre-skip leaves the signal about 65 us early (measured: 1 sample at 16 kHz,
    // 3 at 44.1 kHz); allow 0.1 ms.
    [InlineData("opus", false, 2)]
    [InlineData("opus", true, 4)]
    public void Decoded_samples_line_up_with_the_recording_to_the_sample(string format, bool stereo, int lagAllowed)
    {
        AudioBuffer original = AudioFileReader.ReadMono(recordings.Wav(stereo), AllSeconds);
        AudioBuffer decoded = AudioFileReader.ReadMono(recordings.Encode(format, stereo), AllSeconds);
        float[] aligned = decoded.SampleRateHz == original.SampleRateHz
            ? decoded.Samples
            : SincResampler.Resample(decoded.Samples, decoded.SampleRateHz, original.SampleRateHz);

        (int lag, double correlation) = BestLag(original.Samples, aligned);
        Assert.InRange(lag, -lagAllowed, lagAllowed);
        Assert.True(correlation > 0.9, $"normalised correlation {correlation:F3} at lag {lag}");
        Assert.InRange(aligned.Length, original.Samples.Length - lagAllowed, original.Samples.Length + lagAllowed);
    }

    [SkippableTheory]
    [InlineData("1688-142285-0000")]
    [InlineData("2609-156975-0002")]
    [InlineData("3005-163389-0001")]
    public void Ogg_files_decode_to_their_exact_length(string libriSpeechFile)
    {
        // NVorbis alone returned 128 and 112 samples too many on the last two: the last page's granule position caps it.
        string wav = SharedData.Require($"data/librispeech/{libriSpeechFile}.wav");
        using var dir = new TempDirectory();
        string ogg = dir.File("voice.ogg"), opus = dir.File("voice.opus");
        EncodedRecordings.Run("oggenc", "vorbis-tools", ["-Q", "-q", "4", "-o", ogg, wav]);
        EncodedRecordings.Run("opusenc", "opus-tools", ["--quiet", wav, opus]);
        using IAudioReader original = AudioFileReader.Open(wav), vorbis = AudioFileReader.Open(ogg);
        using IAudioReader opusReader = AudioFileReader.Open(opus);
        long samples = original.FrameCount!.Value;
        Assert.Equal(samples, AudioFileReader.ReadUpTo(vorbis, long.MaxValue, ogg).Length);
        Assert.Equal(samples * 3, AudioFileReader.ReadUpTo(opusReader, long.MaxValue, opus).Length); // 16 -> 48 kHz
        Assert.Equal(samples, vorbis.FrameCount);
        Assert.Equal(samples * 3, opusReader.FrameCount);
    }

    [SkippableFact]
    public void Emotion_clips_cloning_spectra_and_Qwen3_references_read_an_MP3_as_they_read_its_WAV()
    {
        string wav = recordings.MonoWav, mp3 = recordings.Encode("mp3-cbr", stereo: false);
        Assert.Equal(EmotionFeatures.ReadClip(wav).Samples.Length, EmotionFeatures.ReadClip(mp3).Samples.Length);
        // What the clone workflow prepares from a reference: its first minute, read once.
        AudioBuffer Reference(string path) => AudioFileReader.ReadMono(path, PreparedReference.MaxAudioSeconds);
        Assert.Equal(Qwen3Reference.Prepare(Reference(wav)).Length, Qwen3Reference.Prepare(Reference(mp3)).Length);
        // Long-term spectra of the two within 1 dB in every band below LAME's 64 kbit/s low-pass.
        double highHz = LongTermSpectrum.CommonHighHz(16_000, 16_000);
        double[] a = LongTermSpectrum.Measure(Reference(wav), highHz).BandDb, b = LongTermSpectrum.Measure(Reference(mp3), highHz).BandDb;
        double[] centres = LongTermSpectrum.BandCentresHz(LongTermSpectrum.CommonHighHz(16_000, 16_000));
        for (int i = 0; i < a.Length && centres[i] < 5_000; i++) Assert.InRange(b[i] - a[i], -1, 1);
    }

    [SkippableFact]
    public void FLAC_through_ffmpeg_is_bit_exact()
    {
        EncodedRecordings.Require("ffmpeg", "ffmpeg");
        float[] original = AudioFileReader.ReadMono(recordings.MonoWav, AllSeconds).Samples;
        float[] decoded = AudioFileReader.ReadMono(recordings.Encode("flac", stereo: false), AllSeconds).Samples;
        Assert.Equal(original, decoded);
    }

    [SkippableFact]
    public void Readers_say_what_they_decoded()
    {
        using (IAudioReader mp3 = AudioFileReader.Open(recordings.Encode("mp3-vbr", stereo: true)))
        {
            Assert.Equal(("MP3", 44_100, 2), (mp3.FormatName, mp3.SampleRateHz, mp3.Channels));
            Assert.NotNull(mp3.FrameCount); // from LAME's Xing/Info tag, trimmed of delay and padding
        }
        using (IAudioReader opus = AudioFileReader.Open(recordings.Encode("opus", stereo: false)))
        {
            Assert.Equal(("Ogg Opus", 48_000, 1), (opus.FormatName, opus.SampleRateHz, opus.Channels));
        }
        using (IAudioReader vorbis = AudioFileReader.Open(recordings.Encode("vorbis", stereo: true)))
        {
            Assert.Equal(("Ogg Vorbis", 44_100, 2), (vorbis.FormatName, vorbis.SampleRateHz, vorbis.Channels));
        }
        EncodedRecordings.Require("ffmpeg", "ffmpeg");
        using IAudioReader m4a = AudioFileReader.Open(recordings.Encode("m4a", stereo: true));
        Assert.Equal(("MP4/M4A (ffmpeg)", 44_100, 2), (m4a.FormatName, m4a.SampleRateHz, m4a.Channels));
    }

    [SkippableFact]
    public void The_mono_mix_of_a_stereo_file_averages_its_channels()
    {
        // Left x, right 0.6 x: the mix is 0.8 x, so its level is the left's less 1.9 dB.
        float[] mix = AudioFileReader.ReadMono(recordings.StereoWav, AllSeconds).Samples;
        float[] fromVorbis = AudioFileReader.ReadMono(recordings.Encode("vorbis", stereo: true), AllSeconds).Samples;
        float[] left = SincResampler.Resample(AudioFileReader.ReadMono(recordings.MonoWav, AllSeconds).Samples,
            16_000, EncodedRecordings.StereoRateHz);
        int n = Math.Min(mix.Length, left.Length);
        Assert.Equal(0.8, Signals.Rms(mix.AsSpan(0, n)) / Signals.Rms(left.AsSpan(0, n)), 2);
        Assert.Equal(0.8, Signals.Rms(fromVorbis.AsSpan(0, n)) / Signals.Rms(left.AsSpan(0, n)), 1);
    }

    /// <summary>The lag (decoded relative to original, samples) of the highest normalised cross-correlation over 3 s mid-file.</summary>
    private static (int Lag, double Correlation) BestLag(float[] original, float[] decoded)
    {
        int start = original.Length / 2 - original.Length / 8, length = Math.Min(original.Length / 4, 48_000);
        (int lag, double best) = (0, double.MinValue);
        for (int l = -MaxLagSamples; l <= MaxLagSamples; l++)
        {
            double xy = 0, xx = 0, yy = 0;
            for (int i = start; i < start + length; i++)
            {
                double x = original[i], y = i + l >= 0 && i + l < decoded.Length ? decoded[i + l] : 0;
                xy += x * y;
                xx += x * x;
                yy += y * y;
            }
            double c = xy / Math.Sqrt(xx * yy + 1e-20);
            if (c > best) (lag, best) = (l, c);
        }
        return (lag, best);
    }
}
