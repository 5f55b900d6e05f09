#!/usr/bin/env bash
# The `backtest` command (docs/cli.md), e.g. ./backtest.sh run --blueprint FILE --bars FILE: builds
# src/Backtest.Cli only when its inputs changed, then runs it with every argument passed through.
set -eo pipefail
case "${BASH_SOURCE[0]}" in */*) HERE="${BASH_SOURCE[0]%/*}" ;; *) HERE=. ;; esac
source "$(cd "$HERE" && pwd)/build/bootstrap.sh"
bootstrap_run backtest src/Backtest.Cli/Backtest.Cli.csproj src/Backtest.Cli/bin/bootstrap src/Backtest.Cli/bin/bootstrap/backtest.dll "$@"
