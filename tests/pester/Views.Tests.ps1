# Every output type's default table fits an 80-column console (redirected output, a narrow terminal) with its
# essential columns, and Format-List shows every property.

BeforeAll {
    Import-Module VoiceClone -Force
    $PSStyle.OutputRendering = 'PlainText'
    function Scores([hashtable] $Values) {
        $d = [System.Collections.Generic.Dictionary[string, double]]::new()
        foreach ($k in $Values.Keys) { $d[$k] = $Values[$k] }
        , $d
    }
    $samples = @{
        VoiceCloneResult = [VoiceClone.VoiceCloneResult]@{
            Id = '20261204-101502-417-9f3a61c2'; AudioPath = '/clones/output/cloned_20261204-101502-417-9f3a61c2.wav'; DurationSeconds = 3.42
            Engine = 'Default'; ModelUsed = 'flite:awb+voice-match'; PitchRatio = 1.013; RealTimeFactor = 0.41; Validation = 'failed: pitch_match'
        }
        CloneFingerprint = [VoiceClone.CloneFingerprint]@{
            Path = '/clones/output/cloned_20261204-101502-417-9f3a61c2.json'; Pitch = 185.4; PitchRangeLow = 120.5; PitchRangeHigh = 250.1
            StressEnergy = 0.045; Emotion = 'fearful'; Wpm = 145; ModelUsed = 'flite:awb+voice-match'
        }
        VoiceFeatures = [VoiceClone.VoiceFeatures]@{ Path = '/refs/a-rather-long-recording-name.wav'; Pitch = 121.4; PitchRangeLow = 90; PitchRangeHigh = 180; StressEnergy = 0.0312; Wpm = 151; VoicedFraction = 0.62; PauseEntropy = 0.71; DurationSeconds = 12.3 }
        EmotionResult = [VoiceClone.EmotionResult]@{ Path = '/refs/a-rather-long-recording-name.wav'; Emotion = 'disgust'; Confidence = 0.61; Scores = (Scores @{ disgust = 0.61; angry = 0.2; calm = 0.19 }) }
        VoiceProfile = [VoiceClone.VoiceProfile]@{ Path = '/voices/narrator.voiceprofile.json'; ReferencePath = '/refs/narrator-take-3.wav'; ReferenceSeconds = 11.2; InContext = $true; Pitch = 121.4; ModelName = 'Qwen3-TTS:Qwen3-TTS-12Hz-0.6B-Base' }
        EmotionModelInfo = [VoiceClone.EmotionModelInfo]@{ Path = '/models/my-model'; UnweightedAccuracy = 0.604; WeightedAccuracy = 0.612; ExpectedCalibrationError = 0.026; Clips = 1243; Speakers = 24; Recall = (Scores @{ neutral = 0.5; angry = 0.75 }) }
        InstalledModel = [VoiceClone.InstalledModel]@{ Name = 'Qwen3-TTS-12Hz-0.6B-Base'; Precision = 'cpu_fp32'; Files = 12; VerifiedFiles = 12; Bytes = 2.4GB; Path = '/home/u/.local/share/VoiceClone/models/Qwen3-TTS-12Hz-0.6B-Base' }
        AudioDevice = [VoiceClone.AudioDevice]@{ Name = 'Built-in Audio Analog Stereo'; Id = 'alsa_input.pci-0000_00_1f.3.analog-stereo'; Kind = 'Input'; IsDefault = $true; Backend = 'PulseAudio' }
        VoiceCloneRun = [VoiceClone.VoiceCloneRun]@{
            Id = '20261204-020000-417-9f3a61c2'; Command = 'Install-VoiceCloneModel'; Status = 'completed_with_errors'; Started = [datetimeoffset]'2026-12-04T02:00:00Z'
            Items = 12345; Errors = 321; RealTimeFactor = 0.0123; LatencyP95Ms = 123456; Anomalies = [VoiceClone.RunAnomaly[]]@([VoiceClone.RunAnomaly]@{ Metric = 'rtf' })
        }
        RunAnomaly = [VoiceClone.RunAnomaly]@{ Started = [datetimeoffset]'2026-12-04T02:00:00Z'; Metric = 'stage.output_analysis.p95_ms'; Value = 123456.7; Baseline = 41234.5; Threshold = 61851.2; BaselineRuns = 20 }
        RunComparison = [VoiceClone.RunComparison]@{ Metric = 'stage.reference_analysis.p95_ms'; Reference = 0.000123456; Difference = 1234567.8; RelativeChange = -0.123; Better = 'higher'; Verdict = 'unchanged' }
        VoiceCloneReport = [VoiceClone.VoiceCloneReport]@{ Path = '/srv/reports/nightly-clones.html'; Runs = 200; Anomalies = 12; Images = 9; Bytes = 512KB }
    }
    $essential = @{
        VoiceCloneResult = 'Id', 'Seconds', 'Engine', 'F0', 'RTF', 'Validation'
        CloneFingerprint = 'Id', 'Pitch', 'Range Hz', 'Emotion', 'Wpm', 'ModelUsed'
        VoiceFeatures = 'Name', 'Pitch', 'Range Hz', 'Energy', 'Wpm', 'Voiced', 'PauseH', 'Seconds'
        EmotionResult = 'Name', 'Emotion', 'Confidence', 'Runner-up'
        VoiceProfile = 'Profile', 'Reference', 'Seconds', 'InContext', 'Pitch', 'ModelName'
        EmotionModelInfo = 'Model', 'UA', 'WA', 'ECE', 'Clips', 'Speakers', 'Weakest recall'
        InstalledModel = 'Name', 'Precision', 'Files', 'Verified', 'MB', 'Path'
        AudioDevice = 'Kind', 'Default', 'Name', 'Backend', 'Id'
        VoiceCloneRun = 'Started', 'Command', 'Status', 'Items', 'Err', 'RTF', 'p95 ms', 'Anom'
        RunAnomaly = 'Started', 'Metric', 'Value', 'Baseline', 'Threshold', 'Runs'
        RunComparison = 'Metric', 'Reference', 'Difference', 'Change', 'Better', 'Verdict'
        VoiceCloneReport = 'Runs', 'Anomalies', 'Images', 'KB', 'Path'
    }
}

Describe 'Views' {
    It 'shows the essential columns of <_> within 80 columns' -ForEach @('VoiceCloneResult', 'CloneFingerprint', 'VoiceFeatures', 'EmotionResult', 'VoiceProfile', 'EmotionModelInfo', 'InstalledModel', 'AudioDevice', 'VoiceCloneRun', 'RunAnomaly', 'RunComparison', 'VoiceCloneReport') {
        $text = $samples[$_] | Format-Table | Out-String -Width 80
        $lines = $text -split "`n" | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
        foreach ($column in $essential[$_]) { $lines[0] | Should -Match ([regex]::Escape($column)) -Because "the $column column must show" }
    }

    It 'keeps the whole validation verdict of a clone in view' {
        ($samples.VoiceCloneResult | Format-Table | Out-String -Width 80) | Should -Match 'failed: pitch_match'
    }

    It 'shows a run with errors and its verdicts in words' {
        ($samples.VoiceCloneRun | Format-Table | Out-String -Width 80) | Should -Match 'with errors'
        ($samples.RunComparison | Format-Table | Out-String -Width 80) | Should -Match 'unchanged'
    }

    It 'lists every property of <_> with Format-List' -ForEach @('VoiceCloneResult', 'CloneFingerprint', 'VoiceFeatures', 'VoiceCloneRun') {
        $object = $samples[$_]
        $text = $object | Format-List | Out-String -Width 200
        foreach ($property in $object.PSObject.Properties.Name) { $text | Should -Match "(?m)^$property\s*:" }
    }
}
