using System.Net;
using System.Text;

namespace PolicySearch.Api.Tests.Apis;

/// <summary>Hostile queries over HTTP: whatever arrives, the answer is 200 or 400, never a 500.</summary>
public sealed class SearchFuzzTests(PolicySearchApplication app) : IClassFixture<PolicySearchApplication>
{
    private const int Queries = 10_000;

    private static readonly string[] Fragments =
    [
        "kamera", "SIG", "trygghet", "Skärholmens stadsdelsnämnd", "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 3)", "*", "^",
        "\"", "\"\"", "'", "(", ")", "[", "]", "{", "}", ":", "title:", "text:", "-", "+", "\\", "%", "_", "%%", "&", "=",
        "'; DROP TABLE passages; --", "<script>alert(1)</script>", "\0", "\u0001", "\u001f", "\u007f", "\t", "\r\n",
        "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200f", "\u202e", "\u2067", "\u0301", "e\u0301", "🙂", "👩‍⚖️",
        "中文", "Ω", "ß", "İ", "ﬁ", "\ufffd", "\uffff", "1.7.1-563/2017", "2017:54", "KS 2019/1899", "§ 6", "(M)", "m.fl.",
    ];

    /// <summary>Percent-encoded byte sequences that are not valid UTF-8, such as lone UTF-16 surrogates.</summary>
    private static readonly string[] RawEncoded = ["%ED%A0%80", "%ED%BF%BF", "%C0%AF", "%FF", "%E2%82", "%F4%90%80%80", "%00"];

    [Fact]
    public async Task Hostile_queries_get_200_or_400()
    {
        var client = await app.CreateReadyClientAsync();
        var random = new Random(20260122);
        var failures = new List<string>();

        for (int i = 0; i < Queries; i++)
        {
            string url = "/api/search?" + HostileQueryString(random, i);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 200)]}");
            else if (response.StatusCode == HttpStatusCode.OK)
                AssertHighlightsInside(await response.ReadJsonAsync());
        }

        Assert.Empty(failures);
    }

    private static void AssertHighlightsInside(System.Text.Json.JsonElement body)
    {
        foreach (var hit in body.GetProperty("hits").EnumerateArray())
        {
            int length = hit.Str("text").Length;
            foreach (var range in hit.GetProperty("highlights").EnumerateArray())
            {
                int start = range.GetProperty("start").GetInt32();
                Assert.InRange(start, 0, length);
                Assert.InRange(range.GetProperty("end").GetInt32(), start, length);
            }
        }
    }

    private static string HostileQueryString(Random random, int i)
    {
        var query = new StringBuilder("q=").Append(HostileValue(random, i));
        string[] modes = ["hybrid", "keyword", "semantic"];
        query.Append("&mode=").Append(modes[random.Next(modes.Length)]);
        if (random.Next(4) == 0)
            query.Append("&body=").Append(HostileValue(random, i + 1));
        if (random.Next(4) == 0)
            query.Append("&party=").Append(HostileValue(random, i + 2));
        if (random.Next(6) == 0)
            query.Append("&type=").Append(HostileValue(random, i + 3));
        if (random.Next(5) == 0)
            query.Append("&top=").Append(random.Next(-5, 120)).Append("&offset=").Append(random.Next(-5, 1100));
        return query.ToString();
    }

    /// <summary>An already percent-encoded value: fragments glued together, sometimes huge or with invalid UTF-8.</summary>
    private static string HostileValue(Random random, int i)
    {
        if (i % 97 == 0)
            return Encode(new string('ö', 20_000 / 2)); // 20 KB as UTF-8
        if (i % 89 == 0)
            return Encode(string.Concat(Enumerable.Repeat("NEAR(", 500)));
        var value = new StringBuilder();
        int parts = random.Next(1, 8);
        for (int p = 0; p < parts; p++)
        {
            value.Append(random.Next(5) switch
            {
                0 => RawEncoded[random.Next(RawEncoded.Length)],
                1 => Encode(((char)random.Next(0xD800, 0xE000)).ToString()),
                2 => Encode(RandomChars(random)),
                _ => Encode(Fragments[random.Next(Fragments.Length)]),
            });
            if (random.Next(3) == 0)
                value.Append("%20");
        }
        return value.ToString();
    }

    private static string RandomChars(Random random)
    {
        var chars = new char[random.Next(1, 12)];
        for (int c = 0; c < chars.Length; c++)
            chars[c] = (char)random.Next(0, 0x3000);
        return new string(chars);
    }

    /// <summary>Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD's bytes).</summary>
    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
            encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        return encoded.ToString();
    }
}
