# Shared by ./build.sh and ./backtest.sh (sourced, not run): find dotnet, rebuild a project only when a stamp of
# its inputs changed, then run it with every argument passed through. NUKE's bootstrap behaviour, plus the stamp
# so that an up-to-date call costs no `dotnet build`.
#
#   bootstrap_run NAME PROJECT OUTDIR DLL [args...]
#
# NAME names the caller in messages and the stamp file (.nuke/temp/NAME.stamp, output in .nuke/temp/NAME.out).

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_MULTILEVEL_LOOKUP=0

BOOTSTRAP_ROOT=$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)

bootstrap_find_dotnet() {
    if [[ -n "${DOTNET_EXE:-}" ]]; then
        DOTNET="$DOTNET_EXE"
    elif command -v dotnet >/dev/null 2>&1; then
        DOTNET=$(command -v dotnet)
    elif [[ -n "${DOTNET_ROOT:-}" && -x "$DOTNET_ROOT/dotnet" ]]; then
        DOTNET="$DOTNET_ROOT/dotnet"
    elif [[ -x "$HOME/.dotnet/dotnet" ]]; then
        DOTNET="$HOME/.dotnet/dotnet"
    else
        echo "$1: dotnet was not found (looked at \$DOTNET_EXE, PATH, \$DOTNET_ROOT, ~/.dotnet)." >&2
        echo "Install the .NET SDK named in global.json (https://dot.net) or set DOTNET_EXE to its dotnet executable." >&2
        exit 127
    fi
}

# Content hash of everything the projects are made from: build/**, src/** (sources, project files, resources),
# the shared props/targets and global.json. Paths enter the hash too, so renames count as changes.
bootstrap_inputs_stamp() {
    local sha
    if command -v sha256sum >/dev/null 2>&1; then sha=(sha256sum); elif command -v shasum >/dev/null 2>&1; then sha=(shasum -a 256); else return 0; fi
    (
        cd "$BOOTSTRAP_ROOT"
        {
            find build src \( -name bin -o -name obj \) -prune -o -type f -print
            for f in Directory.*.props Directory.*.targets global.json NuGet.Config nuget.config; do if [[ -f "$f" ]]; then echo "$f"; fi; done
        } | LC_ALL=C sort | tr '\n' '\0' | xargs -0 "${sha[@]}" | "${sha[@]}" | cut -d' ' -f1
    )
}

bootstrap_run() {
    local name="$1" project="$BOOTSTRAP_ROOT/$2" out="$BOOTSTRAP_ROOT/$3" dll="$BOOTSTRAP_ROOT/$4"
    shift 4
    local temp="$BOOTSTRAP_ROOT/.nuke/temp"
    local stamp_file="$temp/$name.stamp"
    bootstrap_find_dotnet "$name"
    local stamp
    stamp=$(bootstrap_inputs_stamp)
    if [[ -z "$stamp" || ! -f "$dll" || ! -f "$stamp_file" || "$(<"$stamp_file")" != "$stamp" ]]; then
        mkdir -p "$temp"
        # ReadyToRun (precompiled) where the runtime identifier is known: a short run is mostly start-up and JIT,
        # and precompiled code takes about a fifth off it. Elsewhere a plain build.
        local rid command
        case "$(uname -s)-$(uname -m)" in
            Linux-x86_64) rid=linux-x64 ;;
            Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
            Darwin-x86_64) rid=osx-x64 ;;
            Darwin-arm64) rid=osx-arm64 ;;
            *) rid="" ;;
        esac
        if [[ -n "$rid" ]]; then
            command=(publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out")
        else
            command=(build "$project" -c Release -o "$out")
        fi
        if ! "$DOTNET" "${command[@]}" -nologo -v quiet -clp:NoSummary >"$temp/$name.out" 2>&1; then
            cat "$temp/$name.out" >&2
            echo "$name: building ${project#"$BOOTSTRAP_ROOT/"} failed (output above, also in .nuke/temp/$name.out)." >&2
            exit 1
        fi
        if [[ -n "$stamp" ]]; then
            printf '%s\n' "$stamp" >"$stamp_file.tmp" && mv -f "$stamp_file.tmp" "$stamp_file"
        fi
    fi
    exec "$DOTNET" "$dll" "$@"
}
