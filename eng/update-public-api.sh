#!/usr/bin/env bash
# Records every public API change of the src/ projects in their PublicAPI.Unshipped.txt
# (applies the RS0016/RS0017 code fixes). Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
for p in src/*/*.csproj; do
  dotnet format analyzers "$p" --diagnostics RS0016 RS0017 --severity info --no-restore 2>/dev/null || dotnet format analyzers "$p" --diagnostics RS0016 RS0017 --severity info
done
