# User scenarios for Get-VoiceFeature, in Pester 5 syntax (runs under Pester 5 or tests/pester/MiniPester.ps1).

BeforeAll {
    Import-Module VoiceClone -Force
    $voiceDir = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-vf-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($voiceDir)

    # A 16 kHz, 16-bit mono WAV of a harmonic voice at $Hz with four syllable-like swells a second.
    function New-TestVoice([string] $Name, [double] $Hz, [double] $Seconds = 2) {
        $rate = 16000; $n = [int] ($Seconds * $rate)
        $pcm = [byte[]]::new(44 + 2 * $n)
        $header = [System.IO.BinaryWriter]::new([System.IO.MemoryStream]::new($pcm))
        $header.Write([System.Text.Encoding]::ASCII.GetBytes('RIFF')); $header.Write([int] (36 + 2 * $n))
        $header.Write([System.Text.Encoding]::ASCII.GetBytes('WAVEfmt ')); $header.Write([int] 16); $header.Write([int16] 1); $header.Write([int16] 1)
        $header.Write([int] $rate); $header.Write([int] ($rate * 2)); $header.Write([int16] 2); $header.Write([int16] 16)
        $header.Write([System.Text.Encoding]::ASCII.GetBytes('data')); $header.Write([int] (2 * $n))
        for ($i = 0; $i -lt $n; $i++) {
            $t = $i / $rate
            $v = 0.0; for ($k = 1; $k -le 6; $k++) { $v += [math]::Sin(2 * [math]::PI * $k * $Hz * $t) / $k }
            $header.Write([int16] (4000 * (0.5 + 0.5 * [math]::Sin(2 * [math]::PI * 4 * $t)) * $v))
        }
        $path = Join-Path $voiceDir $Name
        [System.IO.File]::WriteAllBytes($path, $pcm)
        $path
    }

    $low = New-TestVoice 'low.wav' 110
    $null = New-TestVoice 'high.wav' 220
}

AfterAll {
    [System.IO.Directory]::Delete($voiceDir, $true)
}

Describe 'Get-VoiceFeature' {
    It 'measures the pitch of a voice as a typed object' {
        $features = Get-VoiceFeature $low
        $features | Should -BeOfType ([VoiceClone.VoiceFeatures])
        $features.PitchMedian | Should -BeGreaterThan 107
        $features.PitchMedian | Should -BeLessThan 113
        $features.FeatureVector.Count | Should -Be $features.FeatureNames.Count
    }

    It 'analyses a folder through the pipeline, one object per file, in order' {
        $all = Get-ChildItem $voiceDir -Filter '*.wav' | Get-VoiceFeature
        $all | Should -HaveCount 2
        [System.IO.Path]::GetFileName($all[0].Path) | Should -Be 'high.wav'
        $all[0].PitchMedian | Should -BeGreaterThan $all[1].PitchMedian
    }

    It 'counts words per minute exactly when the text is given' {
        (Get-VoiceFeature $low -Text 'seven words are spoken in this clip').WpmSource | Should -Be 'Text'
    }

    It 'stops the job with a stable ErrorId for a file that is not audio' {
        $notAudio = Join-Path $voiceDir 'notes.wav'
        [System.IO.File]::WriteAllText($notAudio, 'meeting notes')
        try { { Get-VoiceFeature -LiteralPath $notAudio -ErrorAction Stop } | Should -Throw -ErrorId 'AudioFormatUnsupported' }
        finally { [System.IO.File]::Delete($notAudio) }
    }
}
