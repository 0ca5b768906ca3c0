namespace PolicySearch.Search.Querying;

/// <summary>
/// The user's query split by its syntax: free text, <c>"phrases"</c>, <c>prefix*</c> terms and
/// <c>-excluded</c> words or phrases. Nothing here is ever passed to SQLite as written.
/// </summary>
internal sealed record ParsedQuery(string FreeText, IReadOnlyList<string> Phrases, IReadOnlyList<string> Prefixes, IReadOnlyList<string> Excluded)
{
    /// <summary>The topic with this query's phrases and prefixes, as shown in the interpretation.</summary>
    public string Describe(string topic) =>
        string.Join(' ', new[] { topic }.Concat(Phrases.Select(p => $"\"{p}\"")).Concat(Prefixes.Select(p => p + "*")).Where(s => s.Length > 0));

    /// <summary>The topic with this query's phrases and prefixes as plain words, for the embedding.</summary>
    public string PlainText(string topic) =>
        string.Join(' ', new[] { topic }.Concat(Phrases).Concat(Prefixes).Where(s => s.Length > 0));

    public static ParsedQuery Parse(string query)
    {
        var free = new System.Text.StringBuilder(query.Length);
        var phrases = new List<string>();
        var prefixes = new List<string>();
        var excluded = new List<string>();
        int i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            bool negated = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]);
            if (negated) i++;
            if (query[i] == '"')
            {
                // An unbalanced quote runs to the end of the query.
                int close = query.IndexOf('"', i + 1);
                int end = close < 0 ? query.Length : close;
                string phrase = query[(i + 1)..end];
                if (phrase.Any(char.IsLetterOrDigit)) (negated ? excluded : phrases).Add(phrase);
                i = close < 0 ? query.Length : close + 1;
                continue;
            }
            int start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"') i++;
            string word = query[start..i];
            if (negated) { if (word.Any(char.IsLetterOrDigit)) excluded.Add(word); continue; }
            if (TrySplitPrefix(word, out string rest, out string prefix))
            {
                prefixes.Add(prefix);
                word = rest;
            }
            free.Append(word).Append(' ');
        }
        return new ParsedQuery(free.ToString().Trim(), phrases, prefixes, excluded);
    }

    /// <summary><c>kamera*</c> → prefix <c>kamera</c>; a lone or leading <c>*</c> is just punctuation.</summary>
    private static bool TrySplitPrefix(string word, out string rest, out string prefix)
    {
        rest = word;
        prefix = "";
        int star = word.IndexOf('*', StringComparison.Ordinal);
        if (star <= 0) return false;
        int begin = star;
        while (begin > 0 && char.IsLetterOrDigit(word[begin - 1])) begin--;
        if (begin == star) return false;
        prefix = word[begin..star].ToLowerInvariant();
        rest = word[..begin] + " " + word[(star + 1)..];
        return true;
    }
}
