#!/usr/bin/env bash
# Cold start of a scheduled task, JIT against ReadyToRun: whole-process wall and CPU time of a fresh pwsh that imports the
# module and makes its first call, the built module as shipped (IL, JIT-compiled) against a copy whose managed assemblies
# are ReadyToRun-compiled for this machine's runtime identifier. Rounds alternate the variants, so a busy machine slows
# all of them alike; CPU time (user + sys) is the steadier measure. Prints medians, their ratios and the sizes.
# usage: cold-start.sh <repository root> <a recording> [rounds]
set -euo pipefail
repo=$(cd "$1" && pwd); recording=$(realpath "$2"); rounds=${3:-7}
module="$repo/out/VoiceClone"
version=$(ls "$module"); rid="linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"
pwsh_dll=$(ls "$HOME"/.nuget/packages/powershell/*/tools/net*/any/unix/pwsh.dll | sort | tail -1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# ReadyToRun needs a runtime identifier: publish from a copy of the sources so the repository's obj/ keeps its portable restore.
git -C "$repo" archive HEAD src Directory.Build.props global.json nuget.config | tar -x -C "$work"
mkdir -p "$work/jit" "$work/r2r"
for project in VoiceClone.Core VoiceClone.PowerShell; do
    dotnet publish "$work/src/$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
        -p:VoiceCloneGpu=false -o "$work/publish-$project" -nologo -v quiet >/dev/null
done
cp -r "$module" "$work/jit/"; cp -r "$module" "$work/r2r/"
for dll in "$work/r2r/VoiceClone/$version/dependencies/"*.dll; do
    compiled="$work/publish-VoiceClone.Core/$(basename "$dll")"
    if [ -f "$compiled" ]; then cp "$compiled" "$dll"; fi
done
cp "$work/publish-VoiceClone.PowerShell/VoiceClone.PowerShell.dll" "$work/publish-VoiceClone.PowerShell/VoiceClone.Abstractions.dll" \
    "$work/r2r/VoiceClone/$version/"

export NO_COLOR=1
run() { # variant task -> "wall cpu"
    local variant=$1 task=$2 command
    local manifest="$work/$variant/VoiceClone/$version/VoiceClone.psd1" output="$work/clones-$variant-$RANDOM"
    export VOICECLONE_LOG_DIR="$work/logs-$variant"
    case $task in
        pwsh) command='exit' ;;
        feature) command="Import-Module '$manifest'; \$null = Get-VoiceFeature -LiteralPath '$recording'" ;;
        clone) command="Import-Module '$manifest'; \$null = New-VoiceClone -LiteralPath '$recording' -Text 'The quick brown fox jumps over the lazy dog.' -OutputDirectory '$output'" ;;
    esac
    /usr/bin/time -o "$work/time.txt" -f '%e %U %S' dotnet "$pwsh_dll" -NoProfile -NonInteractive -c "$command" >/dev/null 2>&1
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run jit feature >/dev/null; run r2r feature >/dev/null # warm the file cache and the synthesiser voices
for task in pwsh feature clone; do
    for r in $(seq "$rounds"); do
        for variant in jit r2r; do
            [ "$task" = pwsh ] && [ "$variant" = r2r ] && continue
            echo "$task $variant $(run "$variant" "$task")" >> "$work/times.txt"
        done
    done
done

echo "Cold start, median of $rounds fresh processes each ($rid, $(nproc) cores):"
echo "| first call | JIT wall s | JIT CPU s | ReadyToRun wall s | ReadyToRun CPU s | CPU ReadyToRun / JIT |"
echo "|---|---|---|---|---|---|"
for task in pwsh feature clone; do
    jit_wall=$(awk -v t=$task '$1 == t && $2 == "jit" { print $3 }' "$work/times.txt" | median)
    jit_cpu=$(awk -v t=$task '$1 == t && $2 == "jit" { print $4 }' "$work/times.txt" | median)
    if [ "$task" = pwsh ]; then echo "| pwsh alone (-c exit) | $jit_wall | $jit_cpu | | | |"; continue; fi
    r2r_wall=$(awk -v t=$task '$1 == t && $2 == "r2r" { print $3 }' "$work/times.txt" | median)
    r2r_cpu=$(awk -v t=$task '$1 == t && $2 == "r2r" { print $4 }' "$work/times.txt" | median)
    label=$([ "$task" = feature ] && echo 'Import-Module + Get-VoiceFeature' || echo 'Import-Module + first New-VoiceClone')
    echo "| $label | $jit_wall | $jit_cpu | $r2r_wall | $r2r_cpu | $(awk -v a="$r2r_cpu" -v b="$jit_cpu" 'BEGIN { printf "%.3f", a / b }') |"
done
jit_kb=$(du -sk "$work/jit/VoiceClone" | cut -f1); r2r_kb=$(du -sk "$work/r2r/VoiceClone" | cut -f1)
core_jit=$(stat -c %s "$work/jit/VoiceClone/$version/dependencies/VoiceClone.Core.dll")
core_r2r=$(stat -c %s "$work/r2r/VoiceClone/$version/dependencies/VoiceClone.Core.dll")
echo "Module on disk: JIT $((jit_kb / 1024)) MB, ReadyToRun $((r2r_kb / 1024)) MB (VoiceClone.Core.dll $((core_jit / 1024)) KB -> $((core_r2r / 1024)) KB)"
