using Microsoft.Data.Sqlite;
using PolicySearch.Embeddings;

namespace PolicySearch.Search.Tests.Embedding;

public sealed class EmbeddingLifecycleTests
{
    private static readonly EmbeddingsOptions OpenAI = new()
    {
        Provider = EmbeddingProvider.OpenAI,
        BaseUrl = "http://embeddings.test/v1",
        Model = "fake-embed",
        Dimensions = FakeEmbeddingServer.Dimensions,
        BatchSize = 50,
    };

    [Fact]
    public async Task Indexing_trains_the_local_model_and_embeds_every_passage()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();

        IndexStats stats = await index.Index.GetStatsAsync();

        Assert.StartsWith("local-char35-svd128-", stats.EmbeddingModel, StringComparison.Ordinal);
        Assert.True(stats.Passages > 0);
        Assert.Equal(stats.Passages, stats.Vectors);
    }

    [Fact]
    public async Task Without_a_provider_the_index_holds_no_vectors_and_every_mode_searches_by_keyword()
    {
        await using var index = await EmbeddedIndex.IndexedAsync(options: new EmbeddingsOptions { Provider = EmbeddingProvider.None });

        IndexStats stats = await index.Index.GetStatsAsync();
        SearchResponse keyword = await index.SearchAsync("kameraövervakning", SearchMode.Keyword);
        SearchResponse semantic = await index.SearchAsync("kameraövervakning", SearchMode.Semantic);

        Assert.True(stats.Passages > 0);
        Assert.Equal(0, stats.Vectors);
        Assert.Null(stats.EmbeddingModel);
        Assert.NotEmpty(keyword.Hits);
        Assert.Equal(keyword.Hits.Select(h => h.PassageId), semantic.Hits.Select(h => h.PassageId));
        var error = await Assert.ThrowsAsync<EmbeddingException>(() => index.Index.TrainEmbeddingModelAsync());
        Assert.Equal(EmbeddingFailure.NotConfigured, error.Failure);
    }

    [Fact]
    public async Task More_files_are_embedded_with_the_existing_model_without_retraining()
    {
        await using var index = await EmbeddedIndex.IndexedAsync(heldBack: 1);
        IndexStats before = await index.Index.GetStatsAsync();
        index.AddHeldBackFile(fromEnd: 1);

        IndexReport report = await index.Index.IndexAsync();

        IndexStats after = await index.Index.GetStatsAsync();
        Assert.Equal(1, report.FilesIndexed);
        Assert.Equal(before.EmbeddingModel, after.EmbeddingModel);
        Assert.True(after.Passages > before.Passages);
        Assert.Equal(after.Passages, after.Vectors);
    }

    [Fact]
    public async Task The_model_is_saved_in_the_index_and_used_after_reopening()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        SearchResponse before = await index.SearchAsync("kameraövervakning", SearchMode.Semantic);

        await index.ReopenAsync(new EmbeddingsOptions());
        SearchResponse after = await index.SearchAsync("kameraövervakning", SearchMode.Semantic);

        Assert.NotEmpty(before.Hits);
        Assert.Equal(before.Hits.Select(h => h.PassageId), after.Hits.Select(h => h.PassageId));
    }

    [Fact]
    public async Task Semantic_search_finds_text_typed_without_diacritics()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();

        SearchResponse response = await index.SearchAsync("kameraovervakning", SearchMode.Semantic);

        Assert.Contains(response.Hits.Take(5), h => h.Text.Contains("kameraövervakning", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Training_again_after_more_files_makes_a_new_model_and_re_embeds()
    {
        await using var index = await EmbeddedIndex.IndexedAsync(heldBack: 1);
        string? first = (await index.Index.GetStatsAsync()).EmbeddingModel;
        index.AddHeldBackFile(fromEnd: 1);
        await index.Index.IndexAsync();

        EmbeddingReport report = await index.Index.TrainEmbeddingModelAsync();

        IndexStats stats = await index.Index.GetStatsAsync();
        Assert.NotEqual(first, report.Model);
        Assert.Equal(report.Model, stats.EmbeddingModel);
        Assert.Equal(stats.Passages, report.Passages);
        Assert.Equal(stats.Passages, stats.Vectors);
        Assert.True(report.ModelBytes > 0);
    }

    [Fact]
    public async Task A_model_retrained_by_another_process_is_picked_up()
    {
        await using var index = await EmbeddedIndex.IndexedAsync(heldBack: 1);
        index.AddHeldBackFile(fromEnd: 1);
        await index.Index.IndexAsync();
        await using var other = await EmbeddedIndex.OpenSameAsync(index);

        EmbeddingReport retrained = await other.Index.TrainEmbeddingModelAsync();
        SearchResponse response = await index.SearchAsync("kameraövervakning", SearchMode.Hybrid);

        Assert.NotEmpty(response.Hits);
        Assert.Equal(retrained.Model, (await index.Index.GetStatsAsync()).EmbeddingModel);
    }

    [Fact]
    public async Task Another_model_is_refused_until_reembed_and_keyword_search_still_works()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        string? local = (await index.Index.GetStatsAsync()).EmbeddingModel;
        using var http = new HttpClient(new FakeEmbeddingServer());
        await index.ReopenAsync(OpenAI, http);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => index.SearchAsync("kameraövervakning", SearchMode.Hybrid));

        Assert.Equal(EmbeddingFailure.ModelMismatch, error.Failure);
        Assert.Contains(local!, error.Message, StringComparison.Ordinal);
        Assert.Contains("policysearch reembed", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty((await index.SearchAsync("kameraövervakning", SearchMode.Keyword)).Hits);
    }

    [Fact]
    public async Task Indexing_with_another_model_is_refused_so_vectors_never_mix()
    {
        await using var index = await EmbeddedIndex.IndexedAsync(heldBack: 1);
        IndexStats before = await index.Index.GetStatsAsync();
        using var http = new HttpClient(new FakeEmbeddingServer());
        await index.ReopenAsync(OpenAI, http);
        string added = index.AddHeldBackFile(fromEnd: 1);

        IndexReport report = await index.Index.IndexAsync();

        IndexError error = Assert.Single(report.Errors);
        Assert.Equal(added, error.Path);
        Assert.Contains("policysearch reembed", error.Message, StringComparison.Ordinal);
        IndexStats after = await index.Index.GetStatsAsync();
        Assert.Equal(before.EmbeddingModel, after.EmbeddingModel);
        Assert.Equal(before.Vectors, after.Vectors);
    }

    [Fact]
    public async Task Reembed_switches_the_index_to_the_configured_model()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        using var http = new HttpClient(new FakeEmbeddingServer());
        await index.ReopenAsync(OpenAI, http);

        EmbeddingReport report = await index.Index.ReembedAsync();

        IndexStats stats = await index.Index.GetStatsAsync();
        Assert.Equal($"fake-embed/{FakeEmbeddingServer.Dimensions}", stats.EmbeddingModel);
        Assert.Equal(stats.Passages, report.Passages);
        Assert.Equal(stats.Passages, stats.Vectors);
        Assert.NotEmpty((await index.SearchAsync("kameraövervakning", SearchMode.Semantic)).Hits);
    }

    [Fact]
    public async Task A_reembed_that_fails_half_way_leaves_the_index_as_it_was()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        IndexStats before = await index.Index.GetStatsAsync();
        byte[] firstVector = await FirstVectorAsync(index);
        using var http = new HttpClient(new FakeEmbeddingServer { FailAfter = 2 });
        await index.ReopenAsync(OpenAI, http);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => index.Index.ReembedAsync());

        Assert.Equal(EmbeddingFailure.Unauthorized, error.Failure);
        IndexStats after = await index.Index.GetStatsAsync();
        Assert.Equal(before.EmbeddingModel, after.EmbeddingModel);
        Assert.Equal(before.Vectors, after.Vectors);
        Assert.Equal(firstVector, await FirstVectorAsync(index));
    }

    [Fact]
    public async Task Train_is_refused_when_the_provider_is_not_local()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        using var http = new HttpClient(new FakeEmbeddingServer());
        await index.ReopenAsync(OpenAI, http);

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => index.Index.TrainEmbeddingModelAsync());

        Assert.Equal(EmbeddingFailure.NotConfigured, error.Failure);
        Assert.Contains("policysearch reembed", error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> FirstVectorAsync(EmbeddedIndex index)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(index.Folder, "index.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT vector FROM passage_vectors ORDER BY passage_id LIMIT 1";
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}
