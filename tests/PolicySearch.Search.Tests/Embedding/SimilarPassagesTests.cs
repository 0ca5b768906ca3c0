using PolicySearch.Embeddings;

namespace PolicySearch.Search.Tests.Embedding;

public sealed class SimilarPassagesTests
{
    [Fact]
    public async Task Similar_passages_come_from_other_documents_most_similar_first()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        SearchHit passage = await PassageAboutAsync(index, "kameraövervakning");

        IReadOnlyList<SearchHit>? similar = await index.Index.SimilarAsync(passage.PassageId, top: 5);

        Assert.NotNull(similar);
        Assert.Equal(5, similar.Count);
        Assert.All(similar, hit => Assert.NotEqual(passage.DocumentId, hit.DocumentId));
        Assert.Equal(similar.Select(h => h.Score).OrderDescending(), similar.Select(h => h.Score));
    }

    [Fact]
    public async Task The_own_document_is_included_when_asked_but_never_the_passage_itself()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        SearchHit passage = await PassageAboutAsync(index, "kameraövervakning");

        IReadOnlyList<SearchHit>? similar = await index.Index.SimilarAsync(passage.PassageId, top: 20, includeSameDocument: true);

        Assert.NotNull(similar);
        Assert.Contains(similar, hit => hit.DocumentId == passage.DocumentId);
        Assert.DoesNotContain(similar, hit => hit.PassageId == passage.PassageId);
    }

    [Fact]
    public async Task A_copy_in_another_document_is_the_most_similar_passage()
    {
        await using var index = await EmbeddedIndex.IndexedAsync();
        SearchHit passage = await PassageAboutAsync(index, "kameraövervakning");
        string copy = Path.Combine(index.CorpusFolder, "zz_copy.txt");
        await File.WriteAllTextAsync(copy, passage.Text + "\n");
        await index.Index.IndexAsync();

        IReadOnlyList<SearchHit>? similar = await index.Index.SimilarAsync(passage.PassageId, top: 3);

        Assert.NotNull(similar);
        Assert.Equal(passage.Text, similar[0].Text);
        Assert.Equal(1, similar[0].Score, 3);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("not-a-number")]
    public async Task An_unknown_passage_gives_null(string passageId)
    {
        await using var index = await EmbeddedIndex.IndexedAsync();

        Assert.Null(await index.Index.SimilarAsync(passageId));
    }

    private static async Task<SearchHit> PassageAboutAsync(EmbeddedIndex index, string topic) =>
        (await index.SearchAsync(topic, SearchMode.Keyword)).Hits[0];
}
