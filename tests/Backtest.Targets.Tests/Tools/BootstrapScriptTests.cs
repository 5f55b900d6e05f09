using Backtest.Testing;

namespace Backtest.Targets.Tests;

/// <summary>The bootstrap scripts keep the line endings and exec bit their shells need.</summary>
public sealed class BootstrapScriptTests
{
    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, name));

    [Fact]
    public void Build_sh_has_LF_line_endings_a_shebang_and_is_executable_in_git()
    {
        var bytes = Bytes("build.sh");
        Assert.Equal("#!/usr/bin/env bash\n"u8.ToArray(), bytes[..20]);
        Assert.DoesNotContain((byte)'\r', bytes);
        var staged = ReferenceTools.Run("git", ["ls-files", "-s", "build.sh"]).Trim();
        Assert.StartsWith("100755 ", staged);
    }

    [Fact]
    public void Build_cmd_has_CRLF_line_endings_only()
    {
        var bytes = Bytes("build.cmd");
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n') Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at byte {i}");
        Assert.Contains("_build.dll", System.Text.Encoding.ASCII.GetString(bytes));
        // Executable in git too, like build.sh, so a clone on any system keeps both entry points runnable.
        foreach (var script in new[] { "build.cmd", "backtest.cmd" })
            Assert.StartsWith("100755 ", ReferenceTools.Run("git", ["ls-files", "-s", script]).Trim());
    }

    [Fact]
    public void Build_cmd_disables_telemetry_and_the_logo_and_passes_all_arguments_through()
    {
        var cmd = System.Text.Encoding.UTF8.GetString(Bytes("build.cmd"));
        foreach (var variable in new[] { "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1" })
            Assert.Contains(variable, cmd);
        Assert.Contains("\"%DOTNET%\" \"%BUILD_DLL%\" %*", cmd);
    }

    [Fact]
    public void Backtest_sh_has_LF_line_endings_a_shebang_and_is_executable_in_git()
    {
        var bytes = Bytes("backtest.sh");
        Assert.Equal("#!/usr/bin/env bash\n"u8.ToArray(), bytes[..20]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.StartsWith("100755 ", ReferenceTools.Run("git", ["ls-files", "-s", "backtest.sh"]).Trim());
    }

    /// <summary>
    /// build.sh run for real in a scratch copy (its scripts, an empty src/, a stand-in runner dll) with a fake dotnet
    /// (DOTNET_EXE) that logs each call: the first call builds, an unchanged rerun does not, an edited source
    /// does; every run executes the runner with the environment and the arguments exactly as given.
    /// </summary>
    [Fact]
    public void Build_sh_builds_only_when_inputs_change_and_passes_environment_and_arguments_through()
    {
        var root = TempRoot.Create("bootstrap");
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "build", "bin", "Release"));
            Directory.CreateDirectory(Path.Combine(root, "src", "Lib"));
            File.Copy(Path.Combine(RepoPaths.Root, "build.sh"), Path.Combine(root, "build.sh"));
            File.Copy(Path.Combine(RepoPaths.Root, "build", "bootstrap.sh"), Path.Combine(root, "build", "bootstrap.sh"));
            File.WriteAllText(Path.Combine(root, "build", "_build.csproj"), "<Project />");
            File.WriteAllText(Path.Combine(root, "build", "bin", "Release", "_build.dll"), "");
            File.WriteAllText(Path.Combine(root, "src", "Lib", "A.cs"), "class A {}");
            var log = Path.Combine(root, "calls.log");
            var fake = Path.Combine(root, "fake-dotnet");
            File.WriteAllText(fake,
                "#!/usr/bin/env bash\n" +
                $"{{ printf 'call'; printf ' [%s]' \"$@\"; printf ' telemetry=%s nologo=%s firstrun=%s\\n' \"$DOTNET_CLI_TELEMETRY_OPTOUT\" \"$DOTNET_NOLOGO\" \"$DOTNET_SKIP_FIRST_TIME_EXPERIENCE\"; }} >> '{log}'\n");
            ReferenceTools.Run("chmod", ["+x", fake]);

            string[] Run(params string[] args)
            {
                File.Delete(log);
                ReferenceTools.Run("bash", [Path.Combine(root, "build.sh"), .. args], environment: new Dictionary<string, string?>
                {
                    ["DOTNET_EXE"] = fake,   // and none of the variables the script must set itself
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = null, ["DOTNET_NOLOGO"] = null, ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = null,
                });
                return File.ReadAllLines(log);
            }

            var first = Run("Walkforward", "--symbols", "BTC USDT", "--flag=$HOME");
            Assert.Equal(2, first.Length);
            Assert.Matches(@"^call \[(publish|build)\] \[" + System.Text.RegularExpressions.Regex.Escape(Path.Combine(root, "build", "_build.csproj")) + @"\]", first[0]);
            var dll = Path.Combine(root, "build", "bin", "Release", "_build.dll");
            Assert.Equal($"call [{dll}] [Walkforward] [--symbols] [BTC USDT] [--flag=$HOME] telemetry=1 nologo=1 firstrun=1", first[1]);

            Assert.Equal([$"call [{dll}] [--help] telemetry=1 nologo=1 firstrun=1"], Run("--help"));   // inputs unchanged: no build

            File.AppendAllText(Path.Combine(root, "src", "Lib", "A.cs"), "// edited\n");
            var edited = Run("--help");
            Assert.Equal(2, edited.Length);
            Assert.StartsWith("call [", edited[0]);
            Assert.Contains("_build.csproj]", edited[0]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
