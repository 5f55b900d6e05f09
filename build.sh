#!/usr/bin/env bash
# Bootstrap (NUKE's build.sh behaviour): find dotnet, build build/_build.csproj only when its inputs changed,
# then run the built runner with every argument passed through. Usage: ./build.sh [targets] [--parameters]
set -eo pipefail
case "${BASH_SOURCE[0]}" in */*) HERE="${BASH_SOURCE[0]%/*}" ;; *) HERE=. ;; esac
source "$(cd "$HERE" && pwd)/build/bootstrap.sh"
bootstrap_run build build/_build.csproj build/bin/Release build/bin/Release/_build.dll "$@"
