@echo off
:: Bootstrap (NUKE's build.cmd behaviour) for Windows: find dotnet, build build\_build.csproj only when its inputs
:: changed, then run the built runner with every argument passed through. Usage: build.cmd [targets] [--parameters]
setlocal EnableExtensions DisableDelayedExpansion

set "DOTNET_CLI_TELEMETRY_OPTOUT=1"
set "DOTNET_NOLOGO=1"
set "DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1"
set "DOTNET_MULTILEVEL_LOOKUP=0"

set "ROOT=%~dp0"
set "ROOT=%ROOT:~0,-1%"
set "BUILD_PROJECT=%ROOT%\build\_build.csproj"
set "BUILD_DLL=%ROOT%\build\bin\Release\_build.dll"
set "TEMP_DIR=%ROOT%\.nuke\temp"
set "STAMP_FILE=%TEMP_DIR%\build.stamp"

set "DOTNET="
if defined DOTNET_EXE set "DOTNET=%DOTNET_EXE%"
if not defined DOTNET for /f "delims=" %%d in ('where dotnet 2^>nul') do if not defined DOTNET set "DOTNET=%%d"
if not defined DOTNET if exist "%ProgramFiles%\dotnet\dotnet.exe" set "DOTNET=%ProgramFiles%\dotnet\dotnet.exe"
if not defined DOTNET if exist "%LocalAppData%\Microsoft\dotnet\dotnet.exe" set "DOTNET=%LocalAppData%\Microsoft\dotnet\dotnet.exe"
if not defined DOTNET (
    echo build.cmd: dotnet was not found ^(looked at %%DOTNET_EXE%%, PATH, Program Files, LocalAppData^). 1>&2
    echo Install the .NET SDK named in global.json ^(https://dot.net^) or set DOTNET_EXE to its dotnet.exe. 1>&2
    exit /b 127
)

rem Content hash of build\**, src\** (without bin/obj), Directory.*.props/targets and global.json (paths included).
set "STAMP="
for /f "delims=" %%h in ('powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$r = $env:ROOT; $files = @(); foreach ($d in @('build', 'src')) { foreach ($f in (Get-ChildItem -LiteralPath (Join-Path $r $d) -Recurse -File)) { $p = $f.FullName.Substring($r.Length + 1).Replace('\', '/'); if (-not ($p.Contains('/bin/') -or $p.Contains('/obj/'))) { $files += $p } } }; foreach ($f in (Get-ChildItem -LiteralPath $r -File)) { if ($f.Name -like 'Directory.*.props' -or $f.Name -like 'Directory.*.targets' -or $f.Name -eq 'global.json') { $files += $f.Name } }; [Array]::Sort($files, [StringComparer]::Ordinal); $lines = foreach ($p in $files) { (Get-FileHash -Algorithm SHA256 -LiteralPath (Join-Path $r $p)).Hash.ToLowerInvariant() + '  ' + $p }; $sha = [Security.Cryptography.SHA256]::Create(); [BitConverter]::ToString($sha.ComputeHash([Text.Encoding]::UTF8.GetBytes(($lines -join [char]10) + [char]10))).Replace('-', '').ToLowerInvariant()"') do set "STAMP=%%h"

set "OLD_STAMP="
if exist "%STAMP_FILE%" set /p OLD_STAMP=<"%STAMP_FILE%"
if not defined STAMP goto build
if not exist "%BUILD_DLL%" goto build
if not "%STAMP%"=="%OLD_STAMP%" goto build
goto run

:build
if not exist "%TEMP_DIR%" mkdir "%TEMP_DIR%"
"%DOTNET%" build "%BUILD_PROJECT%" -c Release -nologo -v quiet -clp:NoSummary > "%TEMP_DIR%\build.out" 2>&1
if errorlevel 1 (
    type "%TEMP_DIR%\build.out" 1>&2
    echo build.cmd: building build\_build.csproj failed ^(output above, also in .nuke\temp\build.out^). 1>&2
    exit /b 1
)
if defined STAMP (echo %STAMP%)> "%STAMP_FILE%"

:run
"%DOTNET%" "%BUILD_DLL%" %*
exit /b %ERRORLEVEL%
