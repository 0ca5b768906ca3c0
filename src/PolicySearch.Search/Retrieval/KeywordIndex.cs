using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PolicySearch.Search.Retrieval;

/// <summary>
/// The FTS5 index of one data generation, read into memory term by term. FTS5 ranks by computing bm25 for every
/// match before it can sort, which for a common word in a large archive is tens of thousands of passages per
/// query; holding a term's postings with their bm25 impacts precomputed lets a query rank all its matches exactly
/// in well under a millisecond. Postings are read on first use (<c>fts5vocab</c>) and kept up to
/// <see cref="SearchOptions.KeywordCacheMegabytes"/>; the scores are FTS5's own bm25 with the configured column weights.
/// </summary>
internal sealed class KeywordIndex
{
    // FTS5's bm25 constants.
    private const float K1 = 1.2f, B = 0.75f;

    private readonly float[] _lengthNorm;
    private readonly double[] _columnWeights;
    private readonly long _cacheBudget;
    private readonly ConcurrentDictionary<string, TermPostings> _postings = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<KeywordMatches> _accumulators = [];
    private long _cachedBytes;

    private KeywordIndex(float[] lengthNorm, int passageCount, SearchOptions options)
    {
        _lengthNorm = lengthNorm;
        PassageCount = passageCount;
        _columnWeights = [options.TitleWeight, options.SectionWeight, options.TextWeight, options.DerivedWeight];
        _cacheBudget = (long)options.KeywordCacheMegabytes << 20;
    }

    /// <summary>Passages in the index.</summary>
    public int PassageCount { get; }

    /// <summary>One more than the largest passage id.</summary>
    public int Capacity => _lengthNorm.Length;

    /// <summary>Reads every passage's length (FTS5's docsize table), from which bm25's length normalisation follows.</summary>
    public static KeywordIndex Load(SqliteConnection connection, SearchOptions options)
    {
        EnsureVocabularyTables(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM passage_terms_docsize";
        int capacity = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var lengths = new int[capacity];
        long totalLength = 0;
        int count = 0;
        command.CommandText = "SELECT id, sz FROM passage_terms_docsize";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long id = reader.GetInt64(0);
                if (id <= 0 || id >= capacity) continue;
                int length = SumOfVarints((byte[])reader.GetValue(1));
                lengths[id] = length;
                totalLength += length;
                count++;
            }
        }
        // A passage absent from docsize (deleted) gets a negative norm: its postings are skipped as they are read.
        float averageLength = count == 0 ? 1 : Math.Max(1, (float)totalLength / count);
        var norm = new float[capacity];
        for (int i = 0; i < capacity; i++) norm[i] = lengths[i] == 0 ? -1 : K1 * (1 - B + B * lengths[i] / averageLength);
        return new KeywordIndex(norm, count, options);
    }

    /// <summary>The postings of <paramref name="term"/> (encoded as indexed), read once per generation.</summary>
    public TermPostings Postings(SqliteConnection connection, string term)
    {
        if (_postings.TryGetValue(term, out var cached)) return cached;
        var postings = Read(connection, term);
        // A simple budget, not an LRU: when full, start over; the terms in use are read again on demand.
        if (Interlocked.Add(ref _cachedBytes, postings.Bytes) > _cacheBudget)
        {
            _postings.Clear();
            Interlocked.Exchange(ref _cachedBytes, postings.Bytes);
        }
        return _postings.GetOrAdd(term, postings);
    }

    /// <summary>Up to <paramref name="max"/> indexed terms starting with <paramref name="prefix"/>, the most frequent first.</summary>
    public List<string> TermsStartingWith(SqliteConnection connection, string prefix, int max)
    {
        EnsureVocabularyTables(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT term FROM temp.{RowVocabulary} WHERE term >= $prefix AND term < $after ORDER BY doc DESC, term LIMIT $max";
        command.Parameters.AddWithValue("$prefix", prefix);
        // The first string after every string with this prefix (code point order is UTF-8 byte order).
        command.Parameters.AddWithValue("$after", prefix[..^1] + (char)(prefix[^1] + 1));
        command.Parameters.AddWithValue("$max", max);
        var terms = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) terms.Add(reader.GetString(0));
        return terms;
    }

    /// <summary>A cleared score accumulator for one query; disposing the matches returns it.</summary>
    public KeywordMatches RentMatches() => _accumulators.TryTake(out var matches) ? matches : new KeywordMatches(this);

    internal void Return(KeywordMatches matches)
    {
        // Each accumulator is 19 bytes per passage (5 MB at 274,813 passages): keep enough for the cores, not one per burst request.
        if (_accumulators.Count < 2 * Environment.ProcessorCount) _accumulators.Add(matches);
    }

    private const string RowVocabulary = "passage_term_rows", InstanceVocabulary = "passage_term_instances";

    /// <summary>FTS5's own views of its index (per connection, in the temp schema, so the file is never written).</summary>
    private static void EnsureVocabularyTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.{RowVocabulary} USING fts5vocab(main, passage_terms, row);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.{InstanceVocabulary} USING fts5vocab(main, passage_terms, instance);
            """;
        command.ExecuteNonQuery();
    }

    private TermPostings Read(SqliteConnection connection, string term)
    {
        EnsureVocabularyTables(connection);
        using var command = connection.CreateCommand();
        // Rows come ordered by passage, column, offset. One packed integer per occurrence (passage << 32 | the
        // position as TermPostings keeps it): reading one column instead of three takes a third of the time
        // (137,965 occurrences of 'regering': 42 ms instead of 120 ms), and this is what a term's first query waits for.
        command.CommandText = $"""
            SELECT (doc << 32) | (CASE col WHEN 'title' THEN 0 WHEN 'section' THEN 1 WHEN 'text' THEN 2 ELSE 3 END << {TermPostings.ColumnShift}) | offset
            FROM temp.{InstanceVocabulary} WHERE term = $term
            """;
        command.Parameters.AddWithValue("$term", term);
        var passages = new List<int>();
        var weightedFrequencies = new List<float>();
        var starts = new List<int> { 0 };
        var positions = new List<int>();
        using (var reader = command.ExecuteReader())
        {
            int current = -1;
            while (reader.Read())
            {
                long occurrence = reader.GetInt64(0);
                long id = occurrence >> 32;
                if (id <= 0 || id >= _lengthNorm.Length || _lengthNorm[id] < 0) continue;
                int position = (int)(occurrence & 0xFFFF_FFFF);
                if (id != current)
                {
                    if (current >= 0) starts.Add(positions.Count);
                    current = (int)id;
                    passages.Add(current);
                    weightedFrequencies.Add(0);
                }
                weightedFrequencies[^1] += (float)_columnWeights[position >> TermPostings.ColumnShift];
                positions.Add(position);
            }
            if (current >= 0) starts.Add(positions.Count);
        }
        // FTS5: idf = ln((N - n + 0.5) / (n + 0.5)), floored at 1e-6; impact = idf * tf(k1 + 1) / (tf + norm).
        int n = passages.Count;
        float idf = (float)Math.Max(1e-6, Math.Log((PassageCount - n + 0.5) / (n + 0.5)));
        var impacts = new float[n];
        for (int i = 0; i < n; i++)
        {
            float tf = weightedFrequencies[i];
            impacts[i] = idf * tf * (K1 + 1) / (tf + _lengthNorm[passages[i]]);
        }
        return new TermPostings([.. passages], impacts, [.. starts], [.. positions]);
    }

    /// <summary>FTS5 stores a row's token count per column as SQLite varints.</summary>
    private static int SumOfVarints(byte[] blob)
    {
        int sum = 0, value = 0;
        foreach (byte b in blob)
        {
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) continue;
            sum += value;
            value = 0;
        }
        return sum;
    }
}
