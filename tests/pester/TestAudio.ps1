# Writes a 16 kHz, 16-bit mono WAV of a harmonic voice for the Pester scenarios (dot-source it in BeforeAll).
function New-TestVoiceWav {
    param(
        [Parameter(Mandatory)] [string] $Path,
        # F0 in Hz, possibly varying: a script block of the time in seconds.
        [Parameter(Mandatory)] [scriptblock] $Hz,
        [double] $Seconds = 2,
        [double] $SwellsPerSecond = 4
    )
    $rate = 16000; $n = [int] ($Seconds * $rate)
    $bytes = [byte[]]::new(44 + 2 * $n)
    $w = [System.IO.BinaryWriter]::new([System.IO.MemoryStream]::new($bytes))
    $w.Write([System.Text.Encoding]::ASCII.GetBytes('RIFF')); $w.Write([int] (36 + 2 * $n))
    $w.Write([System.Text.Encoding]::ASCII.GetBytes('WAVEfmt ')); $w.Write([int] 16); $w.Write([int16] 1); $w.Write([int16] 1)
    $w.Write([int] $rate); $w.Write([int] (2 * $rate)); $w.Write([int16] 2); $w.Write([int16] 16)
    $w.Write([System.Text.Encoding]::ASCII.GetBytes('data')); $w.Write([int] (2 * $n))
    $phase = 0.0
    for ($i = 0; $i -lt $n; $i++) {
        $t = $i / $rate
        $phase += 2 * [math]::PI * (& $Hz $t) / $rate
        $v = 0.0; for ($k = 1; $k -le 6; $k++) { $v += [math]::Sin($k * $phase) / $k }
        $w.Write([int16] (4000 * (0.5 + 0.5 * [math]::Sin(2 * [math]::PI * $SwellsPerSecond * $t)) * $v))
    }
    [System.IO.File]::WriteAllBytes($Path, $bytes)
    $Path
}
