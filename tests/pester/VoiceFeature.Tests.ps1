# User scenarios for Get-VoiceFeature (Pester 5).

BeforeAll {
    Import-Module VoiceClone -Force
    $voiceDir = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-vf-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($voiceDir)

    . (Join-Path $PSScriptRoot 'TestAudio.ps1')
    $low = New-TestVoiceWav -Path (Join-Path $voiceDir 'low.wav') -Hz { 110 }
    $null = New-TestVoiceWav -Path (Join-Path $voiceDir 'high.wav') -Hz { 220 }
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
        try { { Get-VoiceFeature -LiteralPath $notAudio -ErrorAction Stop } | Should -Throw -ErrorId 'AudioFormatUnsupported,*' }
        finally { [System.IO.File]::Delete($notAudio) }
    }
}
