using Microsoft.Data.Sqlite;
using PolicySearch.Search.Querying;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// Matches a <see cref="KeywordQuery"/> against the in-memory postings of a <see cref="KeywordIndex"/>: every
/// passage matching any group is scored (per group the best alternative's bm25, see <see cref="KeywordMatches.Add"/>;
/// summed over groups) and counted, so ranking, the total
/// and the facets all come from one exact pass. Ranking is tiered: the words as a phrase, then every group, then
/// fewer groups (see <see cref="KeywordMatches.Key"/>).
/// </summary>
internal sealed class KeywordRetriever(SearchOptions options)
{
    /// <summary>
    /// All matches of <paramref name="query"/> among the passages <paramref name="allowed"/> (null: all).
    /// The caller disposes the result.
    /// </summary>
    public KeywordMatches Match(SqliteConnection connection, KeywordIndex index, KeywordQuery query, PassageSet? allowed)
    {
        var matches = index.RentMatches();
        matches.Begin(query.GroupCount);
        var context = new MatchContext(connection, index, options.MaxPrefixTerms);
        foreach (var pattern in query.Excluded)
            context.ForEach(pattern, (passage, _) => matches.Exclude(passage));
        for (int g = 0; g < query.GroupCount; g++)
        {
            int group = g;
            foreach (var pattern in query.Groups[g])
                context.ForEach(pattern, (passage, impact) =>
                {
                    if ((allowed is null || allowed.Contains(passage)) && !matches.IsExcluded(passage))
                        matches.Add(group, passage, impact);
                });
        }
        if (query.WordsInOrder is { } phrase && query.GroupCount > 1)
            context.ForEach(phrase, (passage, _) => matches.MarkInOrder(passage));
        return matches;
    }

    /// <summary>
    /// Enumerates the passages a <see cref="TermPattern"/> matches, in id order, with its impact: a phrase or a
    /// word's compound parts stand for one concept, so they weigh the mean of their terms' impacts, on the scale of
    /// the single word beside them in the group (summed, "sociala insatsgrupper" outweighed "SIG" twice over).
    /// </summary>
    private readonly struct MatchContext(SqliteConnection connection, KeywordIndex index, int maxPrefixTerms)
    {
        public void ForEach(TermPattern pattern, Action<int, float> visit)
        {
            switch (pattern.Kind)
            {
                case TermPatternKind.Term:
                    Visit(index.Postings(connection, pattern.Terms[0]), visit);
                    break;
                case TermPatternKind.Prefix:
                    // Each expansion is an alternative of the group: a passage holding several counts the best in full.
                    foreach (string term in index.TermsStartingWith(connection, pattern.Terms[0], maxPrefixTerms))
                        Visit(index.Postings(connection, term), visit);
                    break;
                default:
                    Intersect(pattern, visit);
                    break;
            }
        }

        private static void Visit(TermPostings postings, Action<int, float> visit)
        {
            var passages = postings.Passages;
            var impacts = postings.Impacts;
            for (int i = 0; i < passages.Length; i++) visit(passages[i], impacts[i]);
        }

        /// <summary>Passages holding every term (walked from the rarest); for a phrase, at consecutive positions of an allowed column.</summary>
        private void Intersect(TermPattern pattern, Action<int, float> visit)
        {
            var lists = new TermPostings[pattern.Terms.Count];
            for (int t = 0; t < lists.Length; t++) lists[t] = index.Postings(connection, pattern.Terms[t]);
            int driver = 0;
            for (int t = 1; t < lists.Length; t++)
                if (lists[t].Count < lists[driver].Count) driver = t;
            var cursors = new int[lists.Length];
            var found = new int[lists.Length];
            var driverPassages = lists[driver].Passages;
            for (int i = 0; i < driverPassages.Length; i++)
            {
                int passage = driverPassages[i];
                bool all = true;
                for (int t = 0; t < lists.Length && all; t++)
                {
                    int at = t == driver ? i : lists[t].Seek(passage, cursors[t]);
                    if (at < 0) { cursors[t] = ~at; all = false; }
                    else cursors[t] = found[t] = at;
                }
                if (!all) continue;
                if (pattern.Kind == TermPatternKind.Phrase && !InOrder(lists, found, pattern.Columns)) continue;
                float impact = 0;
                for (int t = 0; t < lists.Length; t++) impact += lists[t].Impacts[found[t]];
                visit(passage, impact / lists.Length);
            }
        }

        /// <summary>Whether the terms occur at consecutive offsets of one column in <paramref name="columns"/>.</summary>
        private static bool InOrder(TermPostings[] lists, int[] found, ColumnSet columns)
        {
            foreach (int start in lists[0].PositionsAt(found[0]))
            {
                if (((int)columns & (1 << (start >> TermPostings.ColumnShift))) == 0) continue;
                bool consecutive = true;
                for (int t = 1; t < lists.Length && consecutive; t++)
                    consecutive = lists[t].PositionsAt(found[t]).BinarySearch(start + t) >= 0;
                if (consecutive) return true;
            }
            return false;
        }
    }
}
