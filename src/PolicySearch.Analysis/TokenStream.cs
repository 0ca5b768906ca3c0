namespace PolicySearch.Analysis;

/// <summary>A stream of tokens read one at a time through <see cref="Attributes"/> (Lucene's TokenStream).</summary>
internal abstract class TokenStream
{
    protected TokenStream(TokenAttributes attributes) => Attributes = attributes;

    public TokenAttributes Attributes { get; }

    /// <summary>Advances to the next token; false at the end of the stream.</summary>
    public abstract bool IncrementToken();

    /// <summary>Clears all per-text state so the stream can be reused for new text.</summary>
    public abstract void Reset();
}

/// <summary>A stream stage that reads tokens from another stream and adapts them.</summary>
internal abstract class TokenFilter(TokenStream input) : TokenStream(input.Attributes)
{
    protected TokenStream Input { get; } = input;

    public override void Reset() => Input.Reset();
}
