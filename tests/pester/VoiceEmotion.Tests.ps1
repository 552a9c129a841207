# User scenarios for Get-VoiceEmotion (Pester 5).

BeforeAll {
    Import-Module VoiceClone -Force
    $clip = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-emotion-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.wav')
    . (Join-Path $PSScriptRoot 'TestAudio.ps1')
    $null = New-TestVoiceWav -Path $clip -Hz { param($t) 180 + 30 * [math]::Sin(2 * [math]::PI * 0.7 * $t) } -SwellsPerSecond 3
}

AfterAll { [System.IO.File]::Delete($clip) }

Describe 'Get-VoiceEmotion' {
    It 'names one of the seven emotions, or uncertain, with a probability and scores that sum to one' {
        $result = Get-VoiceEmotion $clip
        $result | Should -BeOfType ([VoiceClone.EmotionResult])
        @('neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgust', 'uncertain') | Should -Contain $result.Emotion
        @('neutral', 'calm', 'happy', 'sad', 'angry', 'fearful', 'disgust') | Should -Contain $result.MostProbable
        $result.Scores[$result.MostProbable] | Should -Be $result.Confidence
        $result.Confidence | Should -BeGreaterThan 0
        $result.Confidence | Should -BeLessOrEqual 1
        $sum = 0.0; foreach ($v in $result.Scores.Values) { $sum += $v }
        [math]::Round($sum, 4) | Should -Be 1
    }

    It 'gives digital silence no emotion, uncertain or otherwise, but NoSpeechDetected' {
        $silence = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-silence-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.wav')
        try {
            $null = New-TestVoiceWav -Path $silence -Hz { 0 } # zero frequency, zero phase: every sample is 0
            { Get-VoiceEmotion $silence -ErrorAction Stop } | Should -Throw -ErrorId 'NoSpeechDetected,*'
        }
        finally { [System.IO.File]::Delete($silence) }
    }

    It 'shows an uncertain result in the table as its most probable emotion with a question mark' {
        $scores = [System.Collections.Generic.Dictionary[string, double]]::new()
        $scores['fearful'] = 0.31; $scores['sad'] = 0.29
        $scores['neutral'] = 0.20; $scores['angry'] = 0.20
        $result = [VoiceClone.EmotionResult]@{ Path = '/a.wav'; Emotion = 'uncertain'; MostProbable = 'fearful'; Confidence = 0.31; Scores = $scores }
        $table = $result | Format-Table | Out-String -Width 80
        $table | Should -Match 'a\.wav\s+fearful\?\s+31\s?%\s+sad 29\s?%'
    }

    It 'refuses a model folder that is not a model' {
        $empty = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-nomodel-' + [guid]::NewGuid().ToString('N'))
        $null = [System.IO.Directory]::CreateDirectory($empty)
        try { { Get-VoiceEmotion $clip -ModelPath $empty -ErrorAction Stop } | Should -Throw -ErrorId 'EmotionModelIncompatible,*' }
        finally { [System.IO.Directory]::Delete($empty) }
    }
}
