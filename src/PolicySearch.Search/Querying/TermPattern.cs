namespace PolicySearch.Search.Querying;

/// <summary>How the terms of a <see cref="TermPattern"/> must occur in a passage.</summary>
internal enum TermPatternKind
{
    /// <summary>One term, in any column.</summary>
    Term,

    /// <summary>Every term, anywhere in the passage (a compound's parts).</summary>
    AllOf,

    /// <summary>The terms at consecutive positions of one column.</summary>
    Phrase,

    /// <summary>Any indexed term that starts with the one given.</summary>
    Prefix,
}

/// <summary>
/// One way a query word can match a passage: the word itself, its compound parts, an acronym's expansion as a
/// phrase, or a prefix. Terms are already encoded as they are indexed (<see cref="Indexing.TermEncoder"/>).
/// </summary>
internal sealed record TermPattern(TermPatternKind Kind, IReadOnlyList<string> Terms, ColumnSet Columns = ColumnSet.All)
{
    public static TermPattern Single(string term) => new(TermPatternKind.Term, [term]);

    /// <summary>One term is a single-term pattern; several are a phrase.</summary>
    public static TermPattern Words(IReadOnlyList<string> terms, ColumnSet columns) =>
        terms.Count == 1 ? Single(terms[0]) : new TermPattern(TermPatternKind.Phrase, terms, columns);

    public bool Equals(TermPattern? other) =>
        other is not null && Kind == other.Kind && Columns == other.Columns && Terms.SequenceEqual(other.Terms, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Columns, Terms.Count > 0 ? Terms[0] : "");
}

/// <summary>The FTS5 columns of a passage (see <see cref="Indexing.PassageTerms"/>), as a set.</summary>
[Flags]
internal enum ColumnSet
{
    Title = 1,
    Section = 2,
    Text = 4,
    Derived = 8,

    /// <summary>The columns that hold the words themselves in order; derived forms are not words of the passage.</summary>
    Words = Title | Section | Text,
    All = Words | Derived,
}
