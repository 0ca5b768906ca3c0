namespace PolicySearch.Ingestion.Tests.Speakers;

public class GazetteerTests
{
    private readonly Gazetteer _gazetteer = Gazetteer.Default;

    [Theory]
    [InlineData("Skärholmens stadsdelsnämnd")]
    [InlineData("skärholmens stadsdelsnämnds")]
    [InlineData("stadsdelsnämnden i Skärholmen")]
    [InlineData("SDN Skärholmen")]
    [InlineData("Skärholmen")]
    [InlineData("SKÄRHOLMEN")]
    public void District_aliases_resolve_to_the_stadsdelsnämnd(string alias)
    {
        Assert.Equal(new Speaker("Skärholmens stadsdelsnämnd", SpeakerKind.Nämnd), _gazetteer.Resolve(alias));
    }

    [Theory]
    [InlineData("Socialnämndens", "Socialnämnden", SpeakerKind.Nämnd)]
    [InlineData("socialnämnd", "Socialnämnden", SpeakerKind.Nämnd)]
    [InlineData("Socialförvaltningens", "Socialförvaltningen", SpeakerKind.Förvaltning)]
    [InlineData("Hägersten-Ålvsjö stadsdelsnämnd", "Hägersten-Älvsjö stadsdelsnämnd", SpeakerKind.Nämnd)]
    [InlineData("Hägersten–Älvsjö stadsdelsförvaltning", "Hägersten-Älvsjö stadsdelsförvaltning", SpeakerKind.Förvaltning)]
    [InlineData("Stadsledningskontorets", "Stadsledningskontoret", SpeakerKind.Förvaltning)]
    [InlineData("KS", "Kommunstyrelsen", SpeakerKind.Nämnd)]
    [InlineData("miljönämnden", "Miljö- och hälsoskyddsnämnden", SpeakerKind.Nämnd)]
    public void Bodies_resolve_with_inflections_abbreviations_and_spelling_corrections(string alias, string name, SpeakerKind kind)
    {
        Assert.Equal(new Speaker(name, kind), _gazetteer.Resolve(alias));
    }

    [Theory]
    [InlineData("Vänsterpartiet", "V")]
    [InlineData("Vänsterpartiets", "V")]
    [InlineData("(V)", "V")]
    [InlineData("V", "V")]
    [InlineData("Liberalernas", "L")]
    [InlineData("folkpartiet", "L")]
    [InlineData("mp", "MP")]
    [InlineData("Kristdemokraterna", "KD")]
    [InlineData("(samtliga M)", "M")]
    [InlineData("Sverigedemokraterna", "SD")]
    [InlineData("Centerpartiet", "C")]
    [InlineData("Socialdemokraternas", "S")]
    public void Parties_resolve_by_name_inflection_and_abbreviation(string alias, string abbreviation)
    {
        Speaker? party = _gazetteer.Resolve(alias);

        Assert.Equal(SpeakerKind.Party, party?.Kind);
        Assert.Equal(abbreviation, party?.Party);
    }

    [Fact]
    public void Known_persons_resolve_with_the_party_the_corpus_states()
    {
        Assert.Equal(new Speaker("Niklas Thorén", SpeakerKind.Person, "V"), _gazetteer.Resolve("niklas thorén"));
        Assert.Equal(new Speaker("Jan Jönsson", SpeakerKind.Person), _gazetteer.Resolve("Jan Jönssons"));
    }

    [Theory]
    [InlineData("Vad sa Skärholmens stadsdelsnämnd om SIG?", "Skärholmens stadsdelsnämnd", 7, 33)]
    [InlineData("Vad tycker Liberalerna om trygghetskameror", "Liberalerna", 11, 22)]
    [InlineData("socialnämndens syn på kameraövervakning", "Socialnämnden", 0, 14)]
    [InlineData("Vad tycker SDN Skärholmen?", "Skärholmens stadsdelsnämnd", 11, 25)]
    [InlineData("Vad sa KD om polisen", "Kristdemokraterna", 7, 9)]
    public void Finds_the_speaker_named_in_a_question_with_its_span(string question, string name, int start, int end)
    {
        SpeakerMention mention = Assert.Single(_gazetteer.FindMentions(question));

        Assert.Equal(name, mention.Speaker.Name);
        Assert.Equal((start, end), (mention.Start, mention.End));
    }

    [Fact]
    public void Finds_every_mention_longest_first_and_marks_place_names()
    {
        var mentions = _gazetteer.FindMentions("Niklas Thorén m.fl. (V) i Rinkeby-Kista stadsdelsnämnd och Hässelby-Vällingby stadsdelsförvaltning, med början i Skärholmen");

        Assert.Equal(["Niklas Thorén", "Vänsterpartiet", "Rinkeby-Kista stadsdelsnämnd", "Hässelby-Vällingby stadsdelsförvaltning", "Skärholmens stadsdelsnämnd"],
            mentions.Select(m => m.Speaker.Name));
        Assert.True(mentions[^1].ByPlaceName);
        Assert.False(mentions[2].ByPlaceName);
    }

    [Fact]
    public void Single_letters_and_ordinary_words_are_not_parties()
    {
        Assert.Empty(_gazetteer.FindMentions("Det är S och M i texten, men v och c är bokstäver. Vi vill se en moderat lösning."));
        Assert.Null(_gazetteer.Resolve("stadsdelsnämnden"));
        Assert.Null(_gazetteer.Resolve(""));
    }

    [Fact]
    public void Knows_every_stadsdelsnämnd_party_and_the_förvaltning_of_each_nämnd()
    {
        Assert.Equal(15, _gazetteer.Speakers.Count(s => s.Kind == SpeakerKind.Nämnd && s.Name.EndsWith("stadsdelsnämnd", StringComparison.Ordinal)));
        Assert.Equal(["S", "M", "L", "C", "KD", "V", "MP", "SD", "FI"], _gazetteer.Speakers.Where(s => s.Kind == SpeakerKind.Party).Select(s => s.Party));
        Assert.Equal(new Speaker("Socialnämnden", SpeakerKind.Nämnd), _gazetteer.NämndFor(new Speaker("Socialförvaltningen", SpeakerKind.Förvaltning)));
        Assert.Equal(new Speaker("Skärholmens stadsdelsförvaltning", SpeakerKind.Förvaltning), _gazetteer.FörvaltningFor(new Speaker("Skärholmens stadsdelsnämnd", SpeakerKind.Nämnd)));
        Assert.Equal("Hässelby-Vällingby stadsdelsnämnd", _gazetteer.NämndForDnrPrefix("HV")?.Name);
    }
}
