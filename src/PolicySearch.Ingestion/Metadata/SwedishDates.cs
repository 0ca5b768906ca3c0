using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>Dates written in Swedish documents: "17 februari 2021", "den 2 oktober 2017", "2018-01-23".</summary>
internal static partial class SwedishDates
{
    private static readonly string[] s_months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(?<year>(?:19|20)\d{2})\b|\b(?<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>Every valid date in <paramref name="text"/> with where it starts.</summary>
    public static IEnumerable<(DateOnly Date, int Index)> Find(string text)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            if (m.Groups["iso"].Success)
            {
                if (DateOnly.TryParseExact(m.Groups["iso"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly iso))
                    yield return (iso, m.Index);
                continue;
            }
            int month = Array.IndexOf(s_months, m.Groups["month"].Value.ToLowerInvariant()) + 1;
            int day = int.Parse(m.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
            int year = int.Parse(m.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            if (day >= 1 && day <= DateTime.DaysInMonth(year, month))
                yield return (new DateOnly(year, month, day), m.Index);
        }
    }
}
