using System.Globalization;

namespace Backtest.Lake.Sources.Binance.Download;

/// <summary>A calendar month (UTC): the unit Data Vision publishes monthly archives in and download ranges are given in.</summary>
public readonly record struct DataMonth : IComparable<DataMonth>
{
    /// <summary>Creates the month; <paramref name="month"/> is 1–12.</summary>
    public DataMonth(int year, int month)
    {
        if (year is < 2000 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "a Data Vision year is 2000–9999");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "a month is 1–12");
        Year = year;
        Month = month;
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Month of the year, 1–12.</summary>
    public int Month { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Number of days in the month.</summary>
    public int Days => DateTime.DaysInMonth(Year, Month);

    /// <summary>The following month.</summary>
    public DataMonth Next() => Month == 12 ? new DataMonth(Year + 1, 1) : new DataMonth(Year, Month + 1);

    /// <summary>The month a day falls in.</summary>
    public static DataMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Parses "YYYY-MM" (the form Data Vision file names use).</summary>
    public static DataMonth Parse(string text)
    {
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Of(day);
        throw new FormatException($"'{text}' is not a month: write it as YYYY-MM, e.g. 2024-01");
    }

    /// <inheritdoc />
    public int CompareTo(DataMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>True when <paramref name="a"/> is an earlier month.</summary>
    public static bool operator <(DataMonth a, DataMonth b) => a.CompareTo(b) < 0;
    /// <summary>True when <paramref name="a"/> is a later month.</summary>
    public static bool operator >(DataMonth a, DataMonth b) => a.CompareTo(b) > 0;
    /// <summary>True when <paramref name="a"/> is not later.</summary>
    public static bool operator <=(DataMonth a, DataMonth b) => a.CompareTo(b) <= 0;
    /// <summary>True when <paramref name="a"/> is not earlier.</summary>
    public static bool operator >=(DataMonth a, DataMonth b) => a.CompareTo(b) >= 0;

    /// <summary>"YYYY-MM".</summary>
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
