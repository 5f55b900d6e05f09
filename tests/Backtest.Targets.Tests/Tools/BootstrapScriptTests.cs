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
    }

    [Fact]
    public void Both_scripts_disable_telemetry_and_the_logo_and_pass_all_arguments_through()
    {
        var sh = System.Text.Encoding.UTF8.GetString(Bytes("build.sh"));
        var cmd = System.Text.Encoding.UTF8.GetString(Bytes("build.cmd"));
        foreach (var variable in new[] { "DOTNET_CLI_TELEMETRY_OPTOUT=1", "DOTNET_NOLOGO=1", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1" })
        {
            Assert.Contains(variable, sh);
            Assert.Contains(variable, cmd);
        }
        Assert.Contains("exec \"$DOTNET\" \"$BUILD_DLL\" \"$@\"", sh);
        Assert.Contains("\"%DOTNET%\" \"%BUILD_DLL%\" %*", cmd);
    }
}
