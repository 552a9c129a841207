#!/usr/bin/env bash
# Bootstraps and runs build.ps1 on Linux:  ./build.sh [Build|Test|Package|Demo|Bench|Clean] [build.ps1 options]
# Installs what the tasks need on a fresh Debian machine that has the .NET SDK, then runs build.ps1
# under pwsh, or under the small host over the real PowerShell engine when pwsh cannot be had.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"
task="${1:-Build}"
[ $# -gt 0 ] && shift

command -v dotnet >/dev/null 2>&1 || { echo "build.sh: the .NET SDK (dotnet) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if command -v pwsh >/dev/null 2>&1 && [ -z "${VOICECLONE_USE_HOST:-}" ]; then
  echo "build.sh: using $(pwsh -NoProfile -Command '"pwsh " + $PSVersionTable.PSVersion')" >&2
else
  echo "build.sh: pwsh not found; using the System.Management.Automation host (./pwsh.sh)" >&2
fi
exec "$repo/pwsh.sh" -File "$repo/build.ps1" -Task "$task" "$@"
