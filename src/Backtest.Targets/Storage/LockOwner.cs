using System.Text.Json;

namespace Backtest.Targets;

/// <summary>Who holds the pipeline lock, as written beside it (<c>pipeline.lock.owner.json</c>).</summary>
internal sealed record LockOwner(int Pid, string Command, string Since, string Host)
{
    /// <summary>The owner file's content.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("pid", Pid);
            writer.WriteString("command", Command);
            writer.WriteString("since", Since);
            writer.WriteString("host", Host);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads an owner file's content.</summary>
    public static LockOwner FromJson(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new LockOwner(root.GetProperty("pid").GetInt32(), root.GetProperty("command").GetString() ?? "?",
            root.GetProperty("since").GetString() ?? "?", root.GetProperty("host").GetString() ?? "?");
    }
}
