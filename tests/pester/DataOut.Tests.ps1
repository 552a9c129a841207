# Every output type as CSV a spreadsheet can use: -Flat rows survive Export-Csv and Import-Csv with their values, and
# contours export one frame per line.

BeforeAll {
    Import-Module VoiceClone -Force
    . (Join-Path $PSScriptRoot 'TestAudio.ps1')
    $dir = (New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-csv-' + [guid]::NewGuid().ToString('N').Substring(0, 8)))).FullName
    $voice = New-TestVoiceWav -Path (Join-Path $dir 'voice.wav') -Hz { 140 }
    $csv = Join-Path $dir 'out.csv'
    function RoundTrip($Objects) { $Objects | Export-Csv -LiteralPath $csv -NoTypeInformation; Import-Csv -LiteralPath $csv }
}

AfterAll { Remove-Item -LiteralPath $dir -Recurse -Force }

Describe 'CSV out' {
    It 'writes every emotion score as its own column' {
        $typed = Get-VoiceEmotion -LiteralPath $voice
        $row = RoundTrip (Get-VoiceEmotion -LiteralPath $voice -Flat)
        foreach ($label in $typed.Scores.Keys) { [double] $row."Score_$label" | Should -BeGreaterOrEqual 0 }
        [math]::Abs([double] $row."Score_$($typed.MostProbable)" - $typed.Confidence) | Should -BeLessThan 1e-6
        $row.Emotion | Should -BeExactly $typed.Emotion # one of the seven, or uncertain
        (Get-Content -Raw -LiteralPath $csv) | Should -Not -Match 'System\.'
    }

    It 'writes the features with one column per MFCC and the pauses in one column' {
        $typed = Get-VoiceFeature -LiteralPath $voice
        $row = RoundTrip (Get-VoiceFeature -LiteralPath $voice -Flat)
        [double] $row.Pitch | Should -BeGreaterThan 130
        [double] $row.MfccMeans1 | Should -Be ([double] ('{0:R}' -f $typed.MfccMeans[0]))
        $row.PSObject.Properties.Name | Should -Not -Contain 'FeatureVector'
        (Get-Content -Raw -LiteralPath $csv) | Should -Not -Match 'System\.'
    }

    It 'writes a fingerprint with its path once' {
        Set-Content -LiteralPath (Join-Path $dir 'cloned_1.json') -Value '{"text": "Hi.", "timestamp": 1770739260, "model_used": "m", "reference_voice_analysis": {"pitch": 185.4, "pitch_range": [120.5, 250.1], "emotion": "happy", "emotion_confidence": 0.9, "speaking_pattern": {"wpm": 145, "pause_entropy": 0.76}}}'
        $row = RoundTrip (Get-CloneFingerprint -LiteralPath (Join-Path $dir 'cloned_1.json') -Flat)
        [double] $row.Pitch | Should -Be 185.4
        @($row.PSObject.Properties.Name | Where-Object { $_ -in 'FullName', 'PSPath' }) | Should -BeNullOrEmpty
    }

    It 'exports a pitch contour one frame per line' {
        $features = Get-VoiceFeature -LiteralPath $voice -IncludeContour
        $rows = RoundTrip ($features | ConvertTo-VoiceContour)
        $rows.Count | Should -Be $features.Contour.Count
        $voiced = @($rows | Where-Object { $_.FrequencyHz -ne 'NaN' })
        [double] $voiced[10].FrequencyHz | Should -BeGreaterThan 130
        $rows[1].TimeSeconds - $rows[0].TimeSeconds | Should -BeGreaterThan 0
    }

    It 'says so when the features hold no contour' {
        Get-VoiceFeature -LiteralPath $voice | ConvertTo-VoiceContour -ErrorVariable problem -ErrorAction SilentlyContinue
        $problem[0].FullyQualifiedErrorId | Should -BeLike 'ConfigurationInvalid,*'
    }
}
