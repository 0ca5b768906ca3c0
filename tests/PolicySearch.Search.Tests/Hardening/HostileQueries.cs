using System.Text;

namespace PolicySearch.Search.Tests.Hardening;

/// <summary>
/// Generates hostile search requests from a fixed seed: FTS5 syntax, unbalanced quotes and brackets, control,
/// zero-width and right-to-left characters, lone surrogates, emoji and a few 20 KB strings, mixed with real
/// Swedish words, in every mode with random (often nonsensical) filters and paging.
/// </summary>
internal sealed class HostileQueries(int seed)
{
    private static readonly string[] Pieces =
    [
        // FTS5 operators and syntax.
        "AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR(a b, 2)", "NEAR/3", "and", "\"", "\"\"", "\"förskola", "(", ")", "((", "[", "]", "{", "}",
        ":", "text:", "title:", "^", "^trygghet", "*", "-", "--", "+", "~", "'", "''", "\\", "%", "_", "; DROP TABLE passages; --", "/*", "*/",
        "rank MATCH", "bm25(", "passage_terms", "\"trygghet\" *", "-\"", "-*", "*-",
        // Control, zero-width, right-to-left and combining characters.
        "\0", "\u0001", "\t", "\n", "\r\n", "\u001B[31m", "\u007F", "\u0085", "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060",
        "\u200F", "\u202E", "\u202B", "\u2067", "\u061C", "e\u0301", "\u0308", "\uFFFD", "\uFFFF",
        // Lone surrogates and emoji (including joined and flag sequences).
        "\uD800", "\uDC00", "\uDBFF", "x\uDFFFy", "😀", "👍🏽", "🇸🇪", "👨‍👩‍👧", "🏳️‍🌈",
        // Real Swedish words, names, numbers, a diary number and a question.
        "trygghet", "förskola", "nämnden", "äldreomsorg", "kommunstyrelsen", "budget", "Socialdemokraterna", "Moderaterna", "SD", "M", "V",
        "kameraövervakning", "polisen", "skolan", "å", "ö", "Ä", "2023", "KS 2023/123", "2023-01-01", "§ 12", "vad tycker", "om", "och",
        "Vad säger Vänsterpartiet om", "ÅÄÖ", "ﬁ", "ß",
    ];

    private static readonly string?[] Filters =
        [null, null, null, "", " ", "M", "S", "Moderaterna", "Socialnämnden", "kommunstyrelsen", "\"", "' OR 1=1 --", "\0", "\uD800", "😀", "%", "motion", "yttrande"];

    private readonly Random _random = new(seed);

    public SearchRequest Next(int number) => new()
    {
        // A few 20 KB strings (every 500th query); the others mixes of up to 16 pieces.
        Query = number % 500 == 499 ? Long(20_000) : Mix(_random.Next(0, 17)),
        Mode = (SearchMode)_random.Next(0, 3),
        Body = Pick(Filters),
        Party = Pick(Filters),
        DocumentType = Pick(Filters),
        From = Date(),
        To = Date(),
        Top = Pick([10, 10, 0, 1, 5, 100, 101, -1, int.MaxValue, int.MinValue]),
        Offset = Pick([0, 0, 0, 5, 990, 1000, 5000, -1, int.MaxValue, int.MinValue]),
    };

    private string Mix(int pieces)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pieces; i++)
            text.Append(Pick(Pieces)).Append(Pick(["", " ", " ", "  "]));
        return text.ToString();
    }

    private string Long(int length)
    {
        var text = new StringBuilder(length + 64);
        while (text.Length < length) text.Append(Pick(Pieces)).Append(' ');
        return text.ToString();
    }

    private DateOnly? Date() => _random.Next(0, 6) switch
    {
        0 => DateOnly.MinValue,
        1 => DateOnly.MaxValue,
        2 => new DateOnly(_random.Next(1990, 2030), _random.Next(1, 13), _random.Next(1, 29)),
        _ => null,
    };

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];
}
