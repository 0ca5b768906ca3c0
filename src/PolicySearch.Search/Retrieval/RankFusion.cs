namespace PolicySearch.Search.Retrieval;

/// <summary>Reciprocal-rank fusion: a passage scores Σ weight / (k + rank) over the lists it appears in.</summary>
internal static class RankFusion
{
    public static List<RankedPassage> Fuse(int k, params (IReadOnlyList<RankedPassage> List, double Weight)[] lists)
    {
        var scores = new Dictionary<long, double>();
        var firstSeen = new Dictionary<long, int>();
        int order = 0;
        foreach (var (list, weight) in lists)
        {
            for (int rank = 0; rank < list.Count; rank++)
            {
                long id = list[rank].PassageId;
                scores[id] = scores.GetValueOrDefault(id) + weight / (k + rank + 1);
                firstSeen.TryAdd(id, order++);
            }
        }
        // Ties keep the order of the first list (keyword), so equal fusion scores stay deterministic.
        return scores.OrderByDescending(s => s.Value).ThenBy(s => firstSeen[s.Key])
            .Select(s => new RankedPassage(s.Key, s.Value)).ToList();
    }
}
