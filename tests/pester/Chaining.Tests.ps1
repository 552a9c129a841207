# Any of the module's outputs piped into any of its analysis cmdlets: each stands for the file it denotes, bound to
# -LiteralPath, so names with [ ] survive and nothing binds as a type name.

BeforeAll {
    Import-Module VoiceClone -Force
    . (Join-Path $PSScriptRoot 'TestAudio.ps1')
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-chain-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $refs = (New-Item -ItemType Directory -Path (Join-Path $dir 'refs')).FullName
    # Four takes, one of them with wildcard characters in its name.
    foreach ($take in 'take 1', 'take [1]', 'take 2', 'take 3') {
        $null = New-TestVoiceWav -Path (Join-Path $refs "$take.wav") -Hz { param($t) 120 + 20 * $t }
    }
    $flite = @($env:PATH -split [System.IO.Path]::PathSeparator | ForEach-Object { Join-Path $_ 'flite' } | Where-Object { Test-Path $_ })[0]
}

AfterAll { Remove-Item -LiteralPath $dir -Recurse -Force }

Describe 'Chaining the module''s outputs' {
    It 'takes every file from Get-ChildItem through Get-VoiceFeature into Get-VoiceEmotion, brackets and all' {
        $emotions = Get-ChildItem -LiteralPath $refs -Filter '*.wav' | Get-VoiceFeature | Get-VoiceEmotion -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $emotions | Should -HaveCount 4
        $emotions.Path | Should -Contain (Join-Path $refs 'take [1].wav')
    }

    It 'takes an emotion result into Get-VoiceFeature' {
        $features = Get-VoiceEmotion -LiteralPath (Join-Path $refs 'take [1].wav') | Get-VoiceFeature
        $features.Path | Should -Be (Join-Path $refs 'take [1].wav')
    }

    It 'takes a clone and its fingerprint into the analysis cmdlets' {
        if (-not $flite) { Set-ItResult -Skipped -Because 'flite is not installed (sudo apt-get install flite)'; return }
        $reference = Join-Path $refs 'speaker [a].wav'
        & $flite -voice slt -t 'When the sunlight strikes raindrops in the air, they act as a prism.' -o $reference
        $clone = New-VoiceClone -LiteralPath $reference -Text 'The quick brown fox jumps over the lazy dog.' -OutputDirectory (Join-Path $dir 'out [1]')
        ($clone | Get-VoiceFeature).Path | Should -Be $clone.AudioPath
        ($clone | Get-VoiceEmotion).Path | Should -Be $clone.AudioPath
        $fingerprint = Get-CloneFingerprint -LiteralPath $clone.FingerprintPath
        ($fingerprint | Get-VoiceFeature).Path | Should -Be $clone.AudioPath
    }
}
