using System.Text;

namespace PolicySearch.Analysis.Tests;

/// <summary>Builds small streams for testing one filter alone and checks what comes out (Lucene's BaseTokenStreamTestCase).</summary>
internal static class TokenStreamAssert
{
    /// <summary>Splits on spaces; each word is a <see cref="TokenKind.Word"/> token, words listed in <paramref name="keywords"/> are keywords.</summary>
    public static TokenStream Words(string text, params string[] keywords) => new WhitespaceTokenizer(text, keywords);

    public static void AssertTokens(
        TokenStream stream,
        string[] terms,
        int[]? starts = null,
        int[]? ends = null,
        int[]? positionIncrements = null,
        TokenKind[]? kinds = null)
    {
        var actual = Read(stream);
        Assert.Equal(terms, actual.Select(t => t.Term));
        if (starts is not null) Assert.Equal(starts, actual.Select(t => t.Start));
        if (ends is not null) Assert.Equal(ends, actual.Select(t => t.End));
        if (positionIncrements is not null) Assert.Equal(positionIncrements, actual.Select(t => t.PositionIncrement));
        if (kinds is not null) Assert.Equal(kinds, actual.Select(t => t.Kind));
    }

    public static List<StreamToken> Read(TokenStream stream)
    {
        var tokens = new List<StreamToken>();
        stream.Reset();
        TokenAttributes a = stream.Attributes;
        while (stream.IncrementToken())
        {
            tokens.Add(new StreamToken(a.Term.ToString(), a.Start, a.End, a.PositionIncrement, a.Kind, a.IsKeyword, a.IsUpperCase));
        }
        return tokens;
    }

    /// <summary>Seeded random text mixing Swedish letters, digits, punctuation, marks, surrogates and controls.</summary>
    public static string RandomText(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzåäöéüABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789 -.:/,;()\t\n•\uF0B7\u00AD\u0301\u200F\u2010";
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(random.Next(20) switch
            {
                0 => (char)random.Next(0xD800, 0xE000),
                1 => (char)random.Next(0, 0x20),
                2 => (char)random.Next(0x80, 0xFFFF),
                _ => alphabet[random.Next(alphabet.Length)],
            });
        }
        return builder.ToString();
    }

    /// <summary>Random input never throws, and every token is non-empty with offsets inside the text.</summary>
    public static void AssertSafeOnRandomText(Func<string, TokenStream> create, int seed = 42)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            string text = RandomText(random, random.Next(0, 300));
            foreach (StreamToken token in Read(create(text)))
            {
                Assert.NotEmpty(token.Term);
                Assert.InRange(token.Start, 0, text.Length);
                Assert.InRange(token.End, token.Start, text.Length);
                Assert.True(token.PositionIncrement >= 0);
            }
        }
    }

    internal readonly record struct StreamToken(string Term, int Start, int End, int PositionIncrement, TokenKind Kind, bool IsKeyword, bool IsUpperCase);

    private sealed class WhitespaceTokenizer(string text, string[] keywords) : TokenStream(new TokenAttributes())
    {
        private int _offset;

        public override void Reset() => _offset = 0;

        public override bool IncrementToken()
        {
            Attributes.Clear();
            while (_offset < text.Length && text[_offset] == ' ') _offset++;
            if (_offset >= text.Length) return false;
            int start = _offset;
            while (_offset < text.Length && text[_offset] != ' ') _offset++;
            Attributes.SetTerm(text.AsSpan(start, _offset - start));
            Attributes.Start = start;
            Attributes.End = _offset;
            Attributes.IsKeyword = keywords.Contains(text[start.._offset]);
            return true;
        }
    }
}
