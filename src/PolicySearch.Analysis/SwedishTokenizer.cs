using System.Globalization;
using System.Text;

namespace PolicySearch.Analysis;

/// <summary>
/// Splits text into words, numbers and identifiers the way Stockholm's policy documents write them:
/// <c>2017:54</c>, <c>2019/1899</c>, <c>1.7.1-563/2017</c> and <c>18-29</c> stay whole, hyphenated names
/// (<c>Hägersten-Älvsjö</c>) stay one token, dotted abbreviations (<c>m.fl.</c>) are one keyword token,
/// an acronym's genitive (<c>BID:s</c>) is the acronym, a word before a suspended hyphen (<c>trygghets-</c>)
/// is marked <see cref="TokenAttributes.IsSuspended"/>, bullets and other symbols are skipped.
/// Each token is NFC-normalised on its own so offsets always index the original text.
/// Never throws: lone surrogates and control characters are separators, long runs are cut.
/// </summary>
internal sealed class SwedishTokenizer(TokenAttributes attributes) : TokenStream(attributes)
{
    /// <summary>Longer runs are cut into several tokens (as Lucene's StandardTokenizer does).</summary>
    internal const int MaxTokenLength = 255;

    private const int MaxAbbreviationSegment = 3;

    private string _text = string.Empty;
    private int _offset;

    private enum CharClass { Other, Letter, Digit, Mark, Ignorable }

    /// <summary>Sets the text to tokenize from its beginning.</summary>
    public void SetText(string text)
    {
        _text = text;
        _offset = 0;
    }

    public override void Reset() => _offset = 0;

    public override bool IncrementToken()
    {
        Attributes.Clear();
        string text = _text;
        int start = _offset;
        while (start < text.Length && Classify(text, start, out _) is not (CharClass.Letter or CharClass.Digit))
        {
            start++;
        }
        if (start >= text.Length)
        {
            _offset = text.Length;
            return false;
        }
        var chunk = ScanChunk(text, start);
        _offset = chunk.End;
        SetTerm(text, start, chunk);
        Attributes.Start = start;
        Attributes.End = chunk.End;
        Attributes.Kind = chunk.Kind;
        Attributes.IsKeyword = chunk.Kind != TokenKind.Word || chunk.IsAbbreviation;
        Attributes.IsSuspended = chunk.Kind == TokenKind.Word && IsSuspendedHyphen(text, chunk.End);
        return true;
    }

    private static Chunk ScanChunk(string text, int start)
    {
        var chunk = new Chunk { Kind = TokenKind.Word };
        int pos = start;
        int segmentStart = start;
        bool hasLetter = false, hasDigit = false, allUpper = true;
        int dots = 0;
        bool hasColonOrSlash = false;
        while (pos < text.Length && pos - start < MaxTokenLength)
        {
            CharClass cls = Classify(text, pos, out int width);
            if (cls is CharClass.Letter or CharClass.Mark)
            {
                hasLetter |= cls == CharClass.Letter;
                allUpper &= cls == CharClass.Mark || char.IsUpper(text[pos]);
                chunk.NeedsNormalization |= text[pos] >= '\u0300';
                pos += width;
                continue;
            }
            if (cls == CharClass.Digit)
            {
                hasDigit = true;
                pos += width;
                continue;
            }
            if (cls == CharClass.Ignorable && pos + 1 < text.Length && Classify(text, pos + 1, out _) == CharClass.Letter)
            {
                chunk.NeedsNormalization = true;
                pos += width;
                continue;
            }
            if (!JoinsChunk(text, pos, segmentStart))
            {
                break;
            }
            char connector = text[pos];
            dots += connector == '.' ? 1 : 0;
            hasColonOrSlash |= connector is ':' or '/';
            chunk.IsAbbreviation |= connector == '.' && char.IsLetter(text[pos - 1]);
            chunk.NeedsNormalization |= connector is '\u2010' or '\u2011';
            pos++;
            segmentStart = pos;
        }
        chunk.TermEnd = pos;
        chunk.End = pos;
        if (chunk.IsAbbreviation)
        {
            // "m.fl." keeps its closing dot; the term always ends with one so "m.fl" and "m.fl." meet.
            chunk.End = pos < text.Length && text[pos] == '.' ? pos + 1 : pos;
        }
        else if (hasLetter && !hasDigit && allUpper && pos - start > 1)
        {
            chunk.End = SkipAcronymGenitive(text, pos);
        }
        chunk.Kind = (hasLetter, hasDigit) switch
        {
            (true, true) => TokenKind.Identifier,
            (false, true) when hasColonOrSlash || dots > 1 => TokenKind.Identifier,
            (false, true) => TokenKind.Number,
            _ => TokenKind.Word,
        };
        return chunk;
    }

    /// <summary>Whether the punctuation at <paramref name="pos"/> joins the characters around it into one token.</summary>
    private static bool JoinsChunk(string text, int pos, int segmentStart)
    {
        char c = text[pos];
        if (pos == 0 || pos + 1 >= text.Length || c is not ('-' or '\u2010' or '\u2011' or ':' or ',' or '/' or '.'))
        {
            return false;
        }
        CharClass before = Classify(text, pos - 1, out _);
        CharClass after = Classify(text, pos + 1, out _);
        bool digitBefore = before == CharClass.Digit, digitAfter = after == CharClass.Digit;
        bool letterBefore = before is CharClass.Letter or CharClass.Mark, letterAfter = after == CharClass.Letter;
        return c switch
        {
            '-' or '\u2010' or '\u2011' => (letterBefore || digitBefore) && (letterAfter || digitAfter),
            ':' or ',' => digitBefore && digitAfter,
            '/' => (digitBefore || digitAfter) && (letterBefore || digitBefore) && (letterAfter || digitAfter),
            '.' => (digitBefore && digitAfter)
                || (letterBefore && letterAfter && pos - segmentStart <= MaxAbbreviationSegment
                    && LetterRunLength(text, pos + 1) <= MaxAbbreviationSegment),
            _ => false,
        };
    }

    private static int LetterRunLength(string text, int pos)
    {
        int end = pos;
        while (end < text.Length && end - pos <= MaxAbbreviationSegment && char.IsLetter(text[end]))
        {
            end++;
        }
        return end - pos;
    }

    /// <summary>A hyphen after a word and before a space: the word's end is left out (<c>trygghets- och</c>).</summary>
    private static bool IsSuspendedHyphen(string text, int pos) =>
        pos + 1 < text.Length && text[pos] is '-' or '\u2010' or '\u2011' && char.IsWhiteSpace(text[pos + 1]);

    /// <summary>Swedish writes an acronym's inflection after a colon (<c>BID:s</c>, <c>SDN:en</c>); it belongs to the token.</summary>
    private static int SkipAcronymGenitive(string text, int pos)
    {
        if (pos + 1 >= text.Length || text[pos] != ':' || !char.IsLower(text[pos + 1]))
        {
            return pos;
        }
        int end = pos + 1;
        while (end < text.Length && char.IsLower(text[end]))
        {
            end++;
        }
        bool wordEnds = end == text.Length || !char.IsLetterOrDigit(text[end]);
        return wordEnds && end - pos <= 3 ? end : pos;
    }

    private void SetTerm(string text, int start, Chunk chunk)
    {
        ReadOnlySpan<char> raw = text.AsSpan(start, chunk.TermEnd - start);
        if (chunk.NeedsNormalization)
        {
            var builder = new StringBuilder(raw.Length);
            foreach (char c in raw)
            {
                if (c != '\u00AD')
                {
                    builder.Append(c is '\u2010' or '\u2011' ? '-' : c);
                }
            }
            // Safe: a chunk never contains a lone surrogate, the only input Normalize rejects.
            raw = builder.ToString().Normalize(NormalizationForm.FormC);
        }
        int length = raw.Length + (chunk.IsAbbreviation ? 1 : 0);
        Span<char> term = Attributes.ResizeTerm(length);
        raw.CopyTo(term);
        if (chunk.IsAbbreviation)
        {
            term[^1] = '.';
        }
    }

    private static CharClass Classify(string text, int pos, out int width)
    {
        char c = text[pos];
        width = 1;
        if (c < 0x80)
        {
            return c switch
            {
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => CharClass.Letter,
                >= '0' and <= '9' => CharClass.Digit,
                _ => CharClass.Other,
            };
        }
        UnicodeCategory category;
        if (char.IsHighSurrogate(c))
        {
            if (pos + 1 >= text.Length || !char.IsLowSurrogate(text[pos + 1]))
            {
                return CharClass.Other;
            }
            width = 2;
            category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[pos + 1]));
        }
        else
        {
            category = char.GetUnicodeCategory(c);
        }
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharClass.Letter,
            UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
            _ when c == '\u00AD' => CharClass.Ignorable,
            _ => CharClass.Other,
        };
    }

    private struct Chunk
    {
        public int TermEnd;
        public int End;
        public TokenKind Kind;
        public bool IsAbbreviation;
        public bool NeedsNormalization;
    }
}
