using System.Text.Json;
using System.Text.Json.Serialization;
using Backtest.Core.Time;

namespace Backtest.Core.Strategies;

/// <summary>Reads and writes a <see cref="Timeframe"/> as its canonical text ("5m", "1h"), the form lake paths use.</summary>
internal sealed class TimeframeJsonConverter : JsonConverter<Timeframe>
{
    public override Timeframe Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("a timeframe is a string such as \"5m\" or \"1h\"");
        var text = reader.GetString();
        return Timeframe.TryParse(text, out var tf)
            ? tf
            : throw new JsonException($"'{text}' is not a timeframe: use a number followed by m, h or d (e.g. 5m, 1h, 1d)");
    }

    public override void Write(Utf8JsonWriter writer, Timeframe value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
