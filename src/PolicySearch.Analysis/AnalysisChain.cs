namespace PolicySearch.Analysis;

/// <summary>
/// One tokenizer and its filters, reused text after text by one thread at a time.
/// Terms are drawn from a bounded pool so a repeated term is one string, not one per occurrence.
/// </summary>
internal sealed class AnalysisChain
{
    private const int MaxPooledTerms = 100_000;

    private readonly SwedishTokenizer _tokenizer;
    private readonly TokenStream _stream;
    private readonly HashSet<string> _terms = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

    public AnalysisChain(SwedishTokenizer tokenizer, TokenStream stream)
    {
        _tokenizer = tokenizer;
        _stream = stream;
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<Token> Analyze(string text)
    {
        // About one token per six characters of Swedish prose, derived forms included.
        var tokens = new List<Token>(text.Length / 6 + 4);
        _tokenizer.SetText(text);
        _stream.Reset();
        TokenAttributes attributes = _stream.Attributes;
        int position = -1;
        while (_stream.IncrementToken())
        {
            position += attributes.PositionIncrement;
            tokens.Add(new Token(Intern(attributes.Term), attributes.Start, attributes.End, Math.Max(position, 0), attributes.Kind));
        }
        return tokens;
    }

    private string Intern(ReadOnlySpan<char> term)
    {
        if (_termLookup.TryGetValue(term, out string? pooled))
        {
            return pooled;
        }
        if (_terms.Count >= MaxPooledTerms)
        {
            _terms.Clear();
        }
        string created = term.ToString();
        _terms.Add(created);
        return created;
    }
}
