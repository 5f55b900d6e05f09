#!/usr/bin/env bash
# Bootstrap (NUKE's build.sh behaviour): find dotnet, build build/_build.csproj only when its inputs changed,
# then run the built runner with every argument passed through. Usage: ./build.sh [targets] [--parameters]
set -eo pipefail

case "${BASH_SOURCE[0]}" in */*) SCRIPT_DIR="${BASH_SOURCE[0]%/*}" ;; *) SCRIPT_DIR=. ;; esac
SCRIPT_DIR=$(cd "$SCRIPT_DIR" && pwd)
BUILD_PROJECT="$SCRIPT_DIR/build/_build.csproj"
BUILD_DLL="$SCRIPT_DIR/build/bin/Release/_build.dll"
TEMP_DIR="$SCRIPT_DIR/.nuke/temp"
STAMP_FILE="$TEMP_DIR/build.stamp"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_MULTILEVEL_LOOKUP=0

if [[ -n "${DOTNET_EXE:-}" ]]; then
    DOTNET="$DOTNET_EXE"
elif command -v dotnet >/dev/null 2>&1; then
    DOTNET=$(command -v dotnet)
elif [[ -n "${DOTNET_ROOT:-}" && -x "$DOTNET_ROOT/dotnet" ]]; then
    DOTNET="$DOTNET_ROOT/dotnet"
elif [[ -x "$HOME/.dotnet/dotnet" ]]; then
    DOTNET="$HOME/.dotnet/dotnet"
else
    echo "build.sh: dotnet was not found (looked at \$DOTNET_EXE, PATH, \$DOTNET_ROOT, ~/.dotnet)." >&2
    echo "Install the .NET SDK named in global.json (https://dot.net) or set DOTNET_EXE to its dotnet executable." >&2
    exit 127
fi

if command -v sha256sum >/dev/null 2>&1; then SHA=(sha256sum); elif command -v shasum >/dev/null 2>&1; then SHA=(shasum -a 256); else SHA=(); fi

# Content hash of everything the build project is made from: build/**, src/** (sources, project files, resources),
# the shared props/targets and global.json. Paths enter the hash too, so renames count as changes.
build_inputs_stamp() {
    (
        cd "$SCRIPT_DIR"
        {
            find build src \( -name bin -o -name obj \) -prune -o -type f -print
            for f in Directory.*.props Directory.*.targets global.json NuGet.Config nuget.config; do if [[ -f "$f" ]]; then echo "$f"; fi; done
        } | LC_ALL=C sort | tr '\n' '\0' | xargs -0 "${SHA[@]}" | "${SHA[@]}" | cut -d' ' -f1
    )
}

STAMP=""
if [[ ${#SHA[@]} -gt 0 ]]; then STAMP=$(build_inputs_stamp); fi

if [[ -z "$STAMP" || ! -f "$BUILD_DLL" || ! -f "$STAMP_FILE" || "$(<"$STAMP_FILE")" != "$STAMP" ]]; then
    mkdir -p "$TEMP_DIR"
    # ReadyToRun (precompiled) where the runtime identifier is known: an up-to-date run is mostly start-up and
    # JIT, and precompiled code takes about a fifth off it. Elsewhere a plain build.
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) RID=linux-x64 ;;
        Linux-aarch64 | Linux-arm64) RID=linux-arm64 ;;
        Darwin-x86_64) RID=osx-x64 ;;
        Darwin-arm64) RID=osx-arm64 ;;
        *) RID="" ;;
    esac
    if [[ -n "$RID" ]]; then
        BUILD_COMMAND=(publish "$BUILD_PROJECT" -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$SCRIPT_DIR/build/bin/Release")
    else
        BUILD_COMMAND=(build "$BUILD_PROJECT" -c Release)
    fi
    if ! "$DOTNET" "${BUILD_COMMAND[@]}" -nologo -v quiet -clp:NoSummary >"$TEMP_DIR/build.out" 2>&1; then
        cat "$TEMP_DIR/build.out" >&2
        echo "build.sh: building build/_build.csproj failed (output above, also in .nuke/temp/build.out)." >&2
        exit 1
    fi
    if [[ -n "$STAMP" ]]; then
        printf '%s\n' "$STAMP" >"$STAMP_FILE.tmp" && mv -f "$STAMP_FILE.tmp" "$STAMP_FILE"
    fi
fi

exec "$DOTNET" "$BUILD_DLL" "$@"
