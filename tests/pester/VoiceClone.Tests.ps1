# User scenarios for New-VoiceClone (Pester 5).
# Needs flite (the README's test command installs it); each test says so and skips when it is missing.

BeforeAll {
    Import-Module VoiceClone -Force
    $cloneDir = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-pester-clone-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = [System.IO.Directory]::CreateDirectory($cloneDir)
    $flite = @($env:PATH -split [System.IO.Path]::PathSeparator | ForEach-Object { Join-Path $_ 'flite' } | Where-Object { Test-Path $_ })[0]
    $outputDir = Join-Path $cloneDir 'output'
    if ($flite) {
        # Two speakers to clone: flite's awb and slt voices reading a sentence.
        foreach ($voice in 'awb', 'slt') {
            & $flite -voice $voice -t 'When the sunlight strikes raindrops in the air, they act as a prism and form a rainbow.' -o (Join-Path $cloneDir "$voice.wav")
        }
    }
}

AfterAll {
    [System.IO.Directory]::Delete($cloneDir, $true)
}

Describe 'New-VoiceClone' {
    It 'clones piped files and the users fingerprint queries answer from the pairs' {
        if (-not $flite) { Set-ItResult -Skipped -Because 'flite is not installed (sudo apt-get install flite)'; return }
        $clones = Get-ChildItem "$cloneDir/*.wav" | New-VoiceClone -Text 'The quick brown fox jumps over the lazy dog.' -OutputDirectory $outputDir
        $clones.Count | Should -Be 2
        $clones[0] | Should -BeOfType ([VoiceClone.VoiceCloneResult])
        $clones[0].ModelUsed | Should -Match '^flite:\w+\+voice-match$'
        foreach ($clone in $clones) {
            Test-Path $clone.AudioPath | Should -BeTrue
            Test-Path $clone.FingerprintPath | Should -BeTrue
        }
        $average = (Get-CloneFingerprint "$outputDir/*.json" | Measure-Object -Property Pitch -Average).Average
        # The seed's own query reads the same number straight from the JSON.
        $seedForm = Get-ChildItem "$outputDir/*.json" | ForEach-Object { (Get-Content $_.FullName -Raw | ConvertFrom-Json).reference_voice_analysis.pitch } |
            Measure-Object -Average
        $average | Should -BeGreaterThan 50
        [math]::Abs($average - $seedForm.Average) | Should -BeLessThan 1e-9
    }

    It 'is a clear error when the Qwen3 engine has no model folder, and writes nothing' {
        $id = try { New-VoiceClone -LiteralPath "$cloneDir/awb.wav" -Text 'Hello.' -Engine Qwen3 -OutputDirectory "$cloneDir/never"; 'no error' } catch { $_.FullyQualifiedErrorId }
        $id | Should -BeLike 'ModelFileMissing,*'
        Test-Path "$cloneDir/never" | Should -BeFalse
    }
}
