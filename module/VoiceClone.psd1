@{
    RootModule           = 'VoiceClone.PowerShell.dll'
    # Stamped by build.ps1 from Directory.Build.props (VersionPrefix), the one version source.
    ModuleVersion        = '0.0.0'
    GUID                 = '6f0d7c1e-3a51-4c55-9d0e-6b1f7c2d8a41'
    Author               = 'VoiceClone'
    CompanyName          = 'VoiceClone'
    Copyright            = '(c) VoiceClone contributors. MIT licence.'
    Description          = 'Zero-shot voice cloning and voice analysis: pitch, energy, speaking rate, pauses, emotion, and clones that carry a fingerprint.'
    # 7.6 is the LTS release; 7.4 and 7.5 left support in November 2026 and are not tested.
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    CmdletsToExport      = @(
        'Get-CloneFingerprint'
        'Get-VoiceEmotion'
        'Get-VoiceFeature'
        'Install-VoiceCloneModel'
        'New-VoiceClone'
        'New-VoiceEmotionModel'
        'New-VoiceProfile'
        'Get-VoiceCloneConfiguration'
        'Set-VoiceCloneConfiguration'
        'New-VoiceRecording'
        'Get-VoiceAudioDevice'
        'Start-VoicePlayback'
        'ConvertTo-VoiceContour'
        'Get-VoiceCloneRun'
        'Compare-VoiceCloneRun'
        'Export-VoiceCloneReport'
        'Import-VoiceResult'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    FormatsToProcess     = @('VoiceClone.Format.ps1xml')
    TypesToProcess       = @('VoiceClone.Types.ps1xml')
    PrivateData          = @{
        PSData = @{
            Tags         = @('voice', 'tts', 'voice-cloning', 'speech', 'audio', 'pitch', 'emotion', 'prosody', 'onnx', 'qwen3-tts',
                             'Linux', 'Windows', 'MacOS', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/voiceclone/VoiceClone'
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'https://github.com/voiceclone/VoiceClone/blob/main/README.md'
        }
    }
    HelpInfoURI          = 'https://github.com/voiceclone/VoiceClone/tree/main/module/help'
}
