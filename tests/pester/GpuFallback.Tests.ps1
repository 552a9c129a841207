# The GPU build on a machine without CUDA (./build.sh GpuTest, which builds both flavours; tag Gpu, left out of
# ./build.sh Test): it loads, falls back to the CPU with one warning, and clones byte for byte what the CPU build clones.

BeforeDiscovery {
    $script:skipReason = if (-not $env:VOICECLONE_GPU_MODULE -or -not $env:VOICECLONE_CPU_MODULE) {
        'skipped: run through ./build.sh GpuTest, which builds both flavours'
    }
    elseif (-not (Test-Path (Join-Path $PSScriptRoot '../../../shared/fixtures/qwen3-tts-tiny'))) {
        'skipped: ../shared/fixtures/qwen3-tts-tiny not found'
    }
}

Describe 'The GPU build without CUDA' -Tag 'Gpu' -Skip:([bool] $skipReason) {
    BeforeAll {
        $fixture = (Resolve-Path (Join-Path $PSScriptRoot '../../../shared/fixtures/qwen3-tts-tiny')).Path
        $reference = Join-Path $fixture 'reference/ref_audio_24k.wav'
        $work = Join-Path ([System.IO.Path]::GetTempPath()) ('voiceclone-gpu-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory -Path $work

        # Each clone in a fresh process (a background job), as a user's session would import one flavour.
        function Invoke-GreedyClone([string] $ModuleFolder, [string] $Device, [string] $Name) {
            $job = Start-Job -ArgumentList $ModuleFolder, $Device, $reference, $fixture, (Join-Path $work $Name) -ScriptBlock {
                param($ModuleFolder, $Device, $Reference, $Fixture, $Output)
                $env:VOICECLONE_LOG_DIR = Join-Path $Output 'logs'
                $env:VOICECLONE_MIN_VOICED_FRACTION = '0' # random weights speak noise: no voiced frames by design
                Import-Module (Join-Path $ModuleFolder 'VoiceClone.psd1')
                $clone = New-VoiceClone -LiteralPath $Reference -Text 'Hello world.' -Engine Qwen3 -ModelPath $Fixture -Temperature 0 `
                    -Device $Device -OutputDirectory $Output -Id clone -WarningVariable warnings -WarningAction SilentlyContinue
                [pscustomobject]@{
                    Sha256   = (Get-FileHash -LiteralPath $clone.AudioPath -Algorithm SHA256).Hash
                    Warnings = @($warnings | ForEach-Object { "$_" })
                    Log      = Get-Content -Raw -LiteralPath (Join-Path $env:VOICECLONE_LOG_DIR 'app.log')
                }
            }
            $job | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        }
    }

    AfterAll { Remove-Item -LiteralPath $work -Recurse -Force }

    It 'carries the CUDA provider that the CPU build lacks' {
        Get-ChildItem -Path $env:VOICECLONE_GPU_MODULE -Recurse -Filter '*onnxruntime_providers_cuda*' | Should -Not -BeNullOrEmpty
        Get-ChildItem -Path $env:VOICECLONE_CPU_MODULE -Recurse -Filter '*onnxruntime_providers_cuda*' | Should -BeNullOrEmpty
    }

    It 'falls back to the CPU with exactly one warning when CUDA is asked for' {
        $result = Invoke-GreedyClone $env:VOICECLONE_GPU_MODULE 'Cuda' 'gpu-cuda'
        # The fixture's random weights speak noise, so the clone's own "no voiced segments" warning comes too.
        $cudaWarnings = @($result.Warnings | Where-Object { $_ -like '*CUDA*' })
        $cudaWarnings | Should -HaveCount 1
        $cudaWarnings[0] | Should -BeLike '*CUDA*running on CPU*'
        $result.Log | Should -Match '\[WARNING\] \[qwen_adapter\] CUDA requested'
        # ONNX Runtime's own complaint goes to app.log, not to the process's stderr (which fails a background job).
        $result.Log | Should -Match '\[DEBUG\] \[onnxruntime\] ONNX Runtime ERROR .*providers_cuda'
    }

    It 'falls back silently under -Device Auto and logs why' {
        $result = Invoke-GreedyClone $env:VOICECLONE_GPU_MODULE 'Auto' 'gpu-auto'
        @($result.Warnings | Where-Object { $_ -like '*CUDA*' }) | Should -HaveCount 0
        $result.Log | Should -Match 'CUDA preferred \(device Auto\) for Qwen3-TTS but unavailable, running on CPU'
    }

    It 'clones byte for byte what the CPU build clones, on every device setting' {
        $cpu = (Invoke-GreedyClone $env:VOICECLONE_CPU_MODULE 'Cpu' 'cpu-cpu').Sha256
        foreach ($device in 'Cpu', 'Auto', 'Cuda') {
            (Invoke-GreedyClone $env:VOICECLONE_GPU_MODULE $device "gpu-$device-bytes").Sha256 | Should -Be $cpu -Because "-Device $device on the GPU build"
        }
    }
}
