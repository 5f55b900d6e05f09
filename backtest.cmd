@echo off
:: The `backtest` command (docs/cli.md) on Windows, e.g. backtest.cmd run --blueprint FILE --bars FILE:
:: dotnet run builds src\Backtest.Cli when needed and passes every argument through.
setlocal
set "DOTNET_CLI_TELEMETRY_OPTOUT=1"
set "DOTNET_NOLOGO=1"
dotnet run -c Release --project "%~dp0src\Backtest.Cli" -- %*
exit /b %ERRORLEVEL%
