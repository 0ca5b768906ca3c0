namespace PolicySearch.Analysis;

/// <summary>What a token stands for in the stream.</summary>
public enum TokenKind
{
    /// <summary>An ordinary word (stemmed).</summary>
    Word,
    /// <summary>A number such as <c>2018</c> or <c>18-29</c>.</summary>
    Number,
    /// <summary>An identifier kept whole: <c>2017:54</c>, <c>2019/1899</c>, <c>1.7.1-563/2017</c>.</summary>
    Identifier,
    /// <summary>A part of a compound or hyphenated word; shares the whole word's offsets.</summary>
    CompoundPart,
    /// <summary>A term added because an acronym and its expansion mean the same.</summary>
    AcronymExpansion,
    /// <summary>The diacritic-free form of a word (å→a, ä→a, ö→o, é→e).</summary>
    Folded,
    /// <summary>A second stem that lets singular and plural meet where Snowball stems them apart (<c>insatser</c> → <c>insats</c>, also <c>insat</c> as <c>insats</c> stems).</summary>
    StemVariant,
}

/// <summary>
/// One term of the analysed stream. <see cref="Start"/> and <see cref="End"/> are character offsets
/// into the original text; <see cref="Position"/> increments only for new words, so parts,
/// expansions and folded forms share the position of the word they came from.
/// </summary>
public readonly record struct Token(string Term, int Start, int End, int Position, TokenKind Kind);
