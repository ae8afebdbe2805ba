#!/usr/bin/env bash
# Runs every test of K7 SDK on a fresh machine: installs what the tests need when it is missing,
# builds the solution (warnings are errors) and runs all test projects. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the test suites use (real peers). Installed only when missing.
packages=(sip-tester baresip-core espeak-ng)
if [ ${#packages[@]} -gt 0 ]; then
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build K7.Sdk.sln -c Release
log=$(mktemp)
set +e
dotnet test K7.Sdk.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
exit "$status"
