using Microsoft.Data.Sqlite;
using PolicySearch.Analysis;
using PolicySearch.Search.Indexing;
using PolicySearch.Search.Querying;
using PolicySearch.Search.Retrieval;

namespace PolicySearch.Search.Tests;

/// <summary>The in-memory keyword postings against FTS5 itself, and their freshness across writers.</summary>
public sealed class KeywordIndexTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    private readonly SeedIndex _seed = fixture.Seed;

    [Fact]
    public void Impacts_equal_FTS5s_own_bm25_for_every_passage_of_a_term()
    {
        var options = new SearchOptions();
        using var connection = Open(_seed.IndexPath);
        var index = KeywordIndex.Load(connection, options);
        var terms = SampleTerms(connection);
        Assert.True(terms.Count >= 20);

        foreach (string term in terms)
        {
            var expected = Fts5Bm25(connection, term, options);
            var postings = index.Postings(connection, term);
            Assert.Equal(expected.Keys.Order(), postings.Passages.ToArray());
            for (int i = 0; i < postings.Count; i++)
            {
                double fts5 = expected[postings.Passages[i]];
                Assert.True(Math.Abs(fts5 - postings.Impacts[i]) <= 1e-4 * Math.Max(1, fts5), $"{term} in {postings.Passages[i]}: FTS5 {fts5}, in memory {postings.Impacts[i]}");
            }
        }
    }

    [Fact]
    public async Task A_document_written_by_another_instance_is_found_and_its_deletion_seen()
    {
        await using var seed = await SeedIndex.IndexedAsync();
        Assert.Equal(0, (await seed.SearchAsync("pingvinkolonin", SearchMode.Keyword)).Total);

        // A second instance on the same file is what a separate `policysearch index` process is to the service.
        using var writer = await PolicySearchIndex.OpenAsync(new IndexOptions { Path = seed.IndexPath, CorpusPath = seed.CorpusFolder });
        var upload = await writer.IndexUploadAsync("pingviner.txt", "Nämnden beslutade att utreda pingvinkolonin vid Skansen."u8.ToArray());

        var found = await seed.SearchAsync("pingvinkolonin", SearchMode.Keyword);
        Assert.Equal(1, found.Total);
        Assert.Contains("pingvinkolonin", found.Hits.Single().Text, StringComparison.Ordinal);

        Assert.True(await writer.DeleteDocumentAsync(upload.DocumentId));
        var gone = await seed.SearchAsync("pingvinkolonin", SearchMode.Keyword);
        Assert.Equal(0, gone.Total);
        Assert.Empty(gone.Hits);
    }

    [Fact]
    public void A_groups_alternatives_count_as_one_concept_the_best_in_full()
    {
        using var connection = Open(_seed.IndexPath);
        var index = KeywordIndex.Load(connection, new SearchOptions());
        using var matches = index.RentMatches();
        matches.Begin(groupCount: 1);

        // Passage 1 holds three alternatives of the group (say SIG, its expansion, a folded form), passage 2 one, stronger.
        foreach (float impact in new[] { 1.0f, 1.0f, 1.0f }) matches.Add(0, 1, impact);
        matches.Add(0, 2, 1.5f);

        Assert.Equal(2, matches.Count);
        Assert.Equal([2, 1], matches.Top(10).Select(r => r.PassageId));
        double best = 1.0 + 0.1 * 2.0;
        Assert.Equal(1 + best / (1 + best), matches.Key(1), precision: 5);
    }

    [Fact]
    public void A_phrase_weighs_the_mean_of_its_words_impacts()
    {
        var options = new SearchOptions();
        using var connection = Open(_seed.IndexPath);
        var index = KeywordIndex.Load(connection, options);
        var query = KeywordQuery.Build(new SwedishAnalyzer(), "", ParsedQuery.Parse("\"sociala insatsgrupper\""));

        using var matches = new KeywordRetriever(options).Match(connection, index, query, allowed: null);

        var sociala = index.Postings(connection, TermEncoder.Encode("social"));
        var insatsgrupper = index.Postings(connection, TermEncoder.Encode("insatsgrupp"));
        Assert.True(matches.Count >= 3);
        foreach (int passage in matches.Passages)
        {
            double mean = (sociala.Impacts[sociala.Seek(passage, 0)] + insatsgrupper.Impacts[insatsgrupper.Seek(passage, 0)]) / 2.0;
            Assert.Equal(1 + mean / (1 + mean), matches.Key(passage), precision: 5);
        }
    }

    [Fact]
    public void Seek_finds_each_passage_or_where_it_would_be()
    {
        var random = new Random(7);
        var passages = Enumerable.Range(0, 5000).Select(_ => random.Next(1, 100_000)).Distinct().Order().ToArray();
        var postings = new TermPostings(passages, new float[passages.Length], new int[passages.Length + 1], []);
        int cursor = 0;
        foreach (int target in Enumerable.Range(0, 3000).Select(_ => random.Next(1, 100_000)).Order())
        {
            int at = postings.Seek(target, cursor);
            int expected = Array.BinarySearch(passages, target);
            Assert.Equal(expected, at);
            cursor = at >= 0 ? at : ~at;
        }
    }

    [Fact]
    public void Passage_set_holds_exactly_what_was_added()
    {
        var set = new PassageSet(1000);
        foreach (long id in new long[] { 0, 1, 63, 64, 999, 999, 1000, -5 }) set.Add(id);

        Assert.Equal(5, set.Count);
        Assert.True(set.Contains(63) && set.Contains(64) && set.Contains(999));
        Assert.False(set.Contains(2) || set.Contains(1000) || set.Contains(-5) || set.Contains(long.MaxValue));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Terms of every frequency: the 20 most common, then every 50th down to the rarest.</summary>
    private static List<string> SampleTerms(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_rows USING fts5vocab(main, passage_terms, row);
            SELECT term FROM temp.test_rows ORDER BY doc DESC, term
            """;
        var terms = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) terms.Add(reader.GetString(0));
        return [.. terms.Where((_, i) => i < 20 || i % 50 == 0)];
    }

    private static Dictionary<int, double> Fts5Bm25(SqliteConnection connection, string term, SearchOptions options)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid, -bm25(passage_terms, $t, $s, $x, $d) FROM passage_terms WHERE passage_terms MATCH $match";
        command.Parameters.AddWithValue("$t", options.TitleWeight);
        command.Parameters.AddWithValue("$s", options.SectionWeight);
        command.Parameters.AddWithValue("$x", options.TextWeight);
        command.Parameters.AddWithValue("$d", options.DerivedWeight);
        command.Parameters.AddWithValue("$match", "\"" + term + "\"");
        var scores = new Dictionary<int, double>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) scores[reader.GetInt32(0)] = reader.GetDouble(1);
        return scores;
    }
}
