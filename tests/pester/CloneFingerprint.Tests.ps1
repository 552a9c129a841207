# User scenarios for Get-CloneFingerprint (Pester 5).

BeforeAll {
    Import-Module VoiceClone -Force
    $fingerprintDir = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($fingerprintDir)

    function New-SeedFingerprint([string] $Name, [double] $Pitch) {
        $json = @"
{ "text": "The quick brown fox...", "timestamp": 1770739260,
  "reference_voice_analysis": { "pitch": $Pitch, "pitch_range": [120.5, 250.1], "stress_energy": 0.045,
    "emotion": "happy", "emotion_confidence": 0.89, "speaking_pattern": { "wpm": 145, "pause_entropy": 0.76 } },
  "model_used": "Qwen3-TTS-0.6B-Base" }
"@
        $path = Join-Path $fingerprintDir $Name
        [System.IO.File]::WriteAllText($path, $json)
        $path
    }

    $seed = New-SeedFingerprint 'cloned_1770739260.json' 185.4
    $null = New-SeedFingerprint 'cloned_1770739261.json' 100
    $null = New-SeedFingerprint 'cloned_1770739262.json' 164.6
}

AfterAll {
    [System.IO.Directory]::Delete($fingerprintDir, $true)
}

Describe 'Get-CloneFingerprint' {
    It 'reads the seed example as a typed object with numeric properties' {
        $fingerprint = Get-CloneFingerprint $seed
        $fingerprint | Should -BeOfType ([VoiceClone.CloneFingerprint])
        $fingerprint.Pitch | Should -Be 185.4
        $fingerprint.PitchRangeLow | Should -Be 120.5
        $fingerprint.PitchRangeHigh | Should -Be 250.1
        $fingerprint.Emotion | Should -BeExactly 'happy'
        $fingerprint.Wpm | Should -Be 145
        $fingerprint.ModelUsed | Should -Be 'Qwen3-TTS-0.6B-Base'
        $fingerprint.Timestamp.ToUnixTimeSeconds() | Should -Be 1770739260
    }

    It 'answers the users query: the average pitch of a folder of clones' {
        (Get-CloneFingerprint "$fingerprintDir/*.json" | Measure-Object -Property Pitch -Average).Average | Should -Be 150
        # The same through the core engine alone (no Measure-Object): a pipeline that sums and counts.
        Get-CloneFingerprint "$fingerprintDir/*.json" |
            ForEach-Object -Begin { $sum = 0; $n = 0 } -Process { $sum += $_.Pitch; $n++ } -End { $sum / $n } |
            Should -Be 150
    }

    It 'still answers the seed systems ConvertFrom-Json query on the same files' {
        (Get-Content $seed -Raw | ConvertFrom-Json).reference_voice_analysis.pitch | Should -Be 185.4
    }

    It 'takes files piped from Get-ChildItem' {
        Get-ChildItem $fingerprintDir -Filter '*.json' | Get-CloneFingerprint | Should -HaveCount 3
    }

    Context 'when a file in the batch is not a fingerprint' {
        BeforeAll {
            $foreign = Join-Path $fingerprintDir 'zz_foreign.json'
            [System.IO.File]::WriteAllText($foreign, '{ "name": "not a fingerprint" }')
        }
        AfterAll { [System.IO.File]::Delete($foreign) }

        It 'reports it as a non-terminating error and reads the rest' {
            $read = Get-CloneFingerprint "$fingerprintDir/*.json" -ErrorVariable problems -ErrorAction SilentlyContinue
            $read | Should -HaveCount 3
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'FingerprintInvalid,*'
            $problems[0].TargetObject | Should -Be $foreign
        }

        It 'throws with a stable ErrorId under -ErrorAction Stop' {
            { Get-CloneFingerprint -LiteralPath $foreign -ErrorAction Stop } | Should -Throw -ErrorId 'FingerprintInvalid,*'
        }
    }

    It 'names a missing file with PathNotFound' {
        { Get-CloneFingerprint (Join-Path $fingerprintDir 'missing.json') -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,*'
    }
}
