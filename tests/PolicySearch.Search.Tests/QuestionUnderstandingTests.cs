namespace PolicySearch.Search.Tests;

public sealed class QuestionUnderstandingTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    private readonly SeedIndex _seed = fixture.Seed;

    [Theory]
    [InlineData("Vad sa Skärholmens stadsdelsnämnd om SIG?", "Skärholmens stadsdelsnämnd", "nämnd", "SIG")]
    [InlineData("Vad tycker Liberalerna om trygghetskameror", "Liberalerna", "party", "trygghetskameror")]
    [InlineData("Rinkeby-Kista Panther-modellen", "Rinkeby-Kista stadsdelsnämnd", "nämnd", "Panther-modellen")]
    [InlineData("socialnämndens syn på avhoppare", "Socialnämnden", "nämnd", "avhoppare")]
    public async Task Question_is_split_into_speaker_and_topic(string query, string speaker, string kind, string topic)
    {
        var response = await _seed.SearchAsync(query, SearchMode.Keyword);

        Assert.Equal(speaker, response.Interpretation.Speaker?.Name);
        Assert.Equal(kind, response.Interpretation.Speaker?.Kind);
        Assert.Equal(topic, response.Interpretation.Topic);
    }

    [Theory]
    [InlineData("Vad sa Skärholmens stadsdelsnämnd om sig?", "SIG")]
    [InlineData("vad sa nämnden om sig", "nämnden SIG")]
    [InlineData("sig", "SIG")]
    [InlineData("det handlar om sig själv", "handlar sig själv")]
    [InlineData("de samlades för sig", "samlades för sig")]
    [InlineData("om sig och andra", "sig andra")]
    public async Task A_lower_case_sig_is_the_acronym_only_as_the_whole_topic_or_last_after_om(string query, string topic)
    {
        var response = await _seed.SearchAsync(query, SearchMode.Keyword);

        Assert.Equal(topic, response.Interpretation.Topic);
    }

    [Fact]
    public async Task A_question_about_sig_in_lower_case_finds_what_the_capitals_find()
    {
        var lower = await _seed.SearchAsync("vad sa Skärholmens stadsdelsnämnd om sig", SearchMode.Keyword);
        var capitals = await _seed.SearchAsync("Vad sa Skärholmens stadsdelsnämnd om SIG?", SearchMode.Keyword);

        Assert.NotEmpty(lower.Hits);
        Assert.Equal(capitals.Hits.Select(h => h.PassageId), lower.Hits.Select(h => h.PassageId));
        Assert.Equal(["sociala insatsgrupper"], lower.Interpretation.Expansions);
    }

    [Fact]
    public async Task Interpretation_spells_out_an_acronym_as_the_documents_write_it()
    {
        var response = await _seed.SearchAsync("Vad sa Skärholmens stadsdelsnämnd om SIG?", SearchMode.Keyword);

        Assert.Equal(["sociala insatsgrupper"], response.Interpretation.Expansions);
    }

    [Fact]
    public async Task The_named_speakers_passages_are_the_answer()
    {
        var response = await _seed.SearchAsync("Vad sa Skärholmens stadsdelsnämnd om SIG?", SearchMode.Keyword);
        var anyone = await _seed.SearchAsync("SIG", SearchMode.Keyword, top: 50);

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.StartsWith("Skärholmens", h.Speaker.Name, StringComparison.Ordinal));
        // Others say it too, but they are kept out.
        Assert.Contains(anyone.Hits, h => !h.Speaker.Name.StartsWith("Skärholmens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_party_question_finds_that_partys_passages()
    {
        var response = await _seed.SearchAsync("Vad sa Vänsterpartiet om polisen?", SearchMode.Keyword);

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Contains("V", (h.Speaker.Party ?? "").Split(','), StringComparer.Ordinal));
    }

    [Fact]
    public async Task When_the_speaker_never_said_it_others_answer()
    {
        var response = await _seed.SearchAsync("socialnämndens syn på avhoppare", SearchMode.Keyword);

        Assert.NotEmpty(response.Hits);
        // Compound parts count: "avhopparverksamhet" answers too.
        Assert.All(response.Hits, h => Assert.Contains("avhopp", h.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_place_after_a_preposition_is_not_a_speaker()
    {
        var response = await _seed.SearchAsync("kameraövervakning i Skärholmen", SearchMode.Keyword);

        Assert.Null(response.Interpretation.Speaker);
    }
}
