namespace PolicySearch.Analysis;

/// <summary>
/// Completes a word cut by a suspended hyphen with the end of the compound after the conjunction:
/// <c>trygghets- och säkerhetsprogram</c> gives <c>trygghets</c> the <see cref="TokenKind.CompoundPart"/>
/// <c>trygghetsprogram</c>, so a search for <c>trygghetsprogram</c> finds it. A cut word that is a compound
/// itself is left alone (<c>brottsbekämpande- och brottsförebyggande</c> share no ending).
/// Looks two tokens ahead; runs after lower-casing and before stop words, which it needs to see.
/// </summary>
internal sealed class SuspendedHyphenFilter(TokenStream input) : TokenFilter(input)
{
    private static readonly string[] Conjunctions = ["och", "eller", "samt", "respektive", "resp.", "som"];

    private readonly Queue<TokenState> _queued = new();
    private readonly CompoundPart[] _parts = new CompoundPart[Decompounder.MaxParts];

    public override bool IncrementToken()
    {
        if (_queued.TryDequeue(out TokenState queued))
        {
            Attributes.Restore(queued);
            return true;
        }
        if (!Input.IncrementToken())
        {
            return false;
        }
        if (!Attributes.IsSuspended)
        {
            return true;
        }
        TokenState suspended = Attributes.Capture();
        var lookahead = new List<TokenState>(2);
        string? completion = null;
        if (Input.IncrementToken())
        {
            lookahead.Add(Attributes.Capture());
            if (Conjunctions.Contains(Attributes.Term.ToString(), StringComparer.Ordinal) && Input.IncrementToken())
            {
                lookahead.Add(Attributes.Capture());
                completion = Complete(suspended.Term, Attributes.Term);
            }
        }
        if (completion is not null)
        {
            _queued.Enqueue(suspended with { Term = completion, PositionIncrement = 0, Kind = TokenKind.CompoundPart, IsSuspended = false });
        }
        foreach (TokenState state in lookahead)
        {
            _queued.Enqueue(state);
        }
        Attributes.Restore(suspended);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _queued.Clear();
    }

    /// <summary><paramref name="cut"/> followed by the last part of <paramref name="compound"/>, or null.</summary>
    private string? Complete(string cut, ReadOnlySpan<char> compound)
    {
        if (Decompounder.Split(cut, CompoundLexicon.Default, _parts) > 0)
        {
            return null;
        }
        int count = Decompounder.Split(compound, CompoundLexicon.Default, _parts);
        return count == 0 ? null : string.Concat(cut, _parts[count - 1].Text(compound));
    }
}
