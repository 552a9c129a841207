#!/usr/bin/env bash
# Bootstraps and runs build.ps1 on Linux:  ./build.sh [Build|Test|Package|Demo|Bench|Clean] [build.ps1 options]
# Needs only the .NET SDK: restores the pinned PowerShell (a local dotnet tool, .config/dotnet-tools.json),
# then runs build.ps1 under it; build.ps1 installs what each task needs (NuGet, Debian packages, npm).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"
task="${1:-Build}"
[ $# -gt 0 ] && shift

command -v dotnet >/dev/null 2>&1 || { echo "build.sh: the .NET SDK (dotnet) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec "$repo/pwsh.sh" -File "$repo/build.ps1" -Task "$task" "$@"
