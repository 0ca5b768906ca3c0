namespace PolicySearch.Ingestion.Tests;

public class SpeakerAttributionTests
{
    [Theory]
    [InlineData("000", "Förvaltningen avser att under 2018 undersöka behoven av kameraövervakning", "Skärholmens stadsdelsnämnd")]
    [InlineData("000", "Förvaltningens erfarenhet är att SIG är ett verksamt arbetssätt", "Skärholmens stadsdelsnämnd")]
    [InlineData("003", "Förvaltningen ställer sig positiv till det föreslagna trygghetsprogrammet", "Hässelby-Vällingby stadsdelsnämnd")]
    [InlineData("003", "bryta en negativ utveckling hos barn och unga", "Hässelby-Vällingby stadsdelsnämnd")]
    [InlineData("004", "Socialförvaltningen anser att dessa strategiska och operativa verksamheter", "Socialnämnden")]
    [InlineData("001", "Socialnämnden överlämnar tjänsteutlåtandet till kommunstyrelsen", "Socialnämnden")]
    public void Tjänsteutlåtande_text_speaks_for_its_nämnd(string seed, string evidence, string nämnd)
    {
        Speaker speaker = Seeds.Get(seed).PassageWith(evidence).Speaker;

        Assert.Equal(new Speaker(nämnd, SpeakerKind.Nämnd), speaker);
    }

    [Theory]
    [InlineData("*Bromma stadsdelsnämnd* anser", "Bromma stadsdelsnämnd anser att det är viktigt med samverkan", "Bromma stadsdelsnämnd")]
    [InlineData("misspelt lead-in", "Hägersten-Ålvsjö stadsdelsnämnd instämmer", "Hägersten-Älvsjö stadsdelsnämnd")]
    [InlineData("section of Rinkeby-Kista", "Panther-modellen är en polisiär metod", "Rinkeby-Kista stadsdelsnämnd")]
    [InlineData("section of Skärholmen", "Bedömningen är därför att motionens innehåll", "Skärholmens stadsdelsnämnd")]
    [InlineData("förvaltning within Socialnämnden's section", "SIG finns sedan 2012", "Socialnämnden")]
    [InlineData("Kommunstyrelsen's proposal", "Kommunstyrelsen delar borgarrådsberedningens uppfattning", "Kommunstyrelsen")]
    public void Remiss_summary_sections_and_lead_ins_speak_for_each_body(string rule, string evidence, string body)
    {
        Speaker speaker = Seeds.Get("002").PassageWith(evidence).Speaker;

        Assert.True(speaker.Name == body && speaker.Kind == SpeakerKind.Nämnd, $"{rule}: {speaker}");
    }

    [Fact]
    public void Stadsledningskontoret_speaks_for_itself_in_its_section()
    {
        Speaker speaker = Seeds.Get("002").PassageWith("I motionen nämnda Panthermodell").Speaker;

        Assert.Equal(new Speaker("Stadsledningskontoret", SpeakerKind.Förvaltning), speaker);
    }

    [Theory]
    [InlineData("Jag är positiv till att Stockholms stad samverkar närmare")]
    [InlineData("Jag hoppas inte minst att det nya polishuset i Rinkeby")]
    public void Föredragande_borgarråds_synpunkter_speak_for_that_person(string evidence)
    {
        Speaker speaker = Seeds.Get("002").PassageWith(evidence).Speaker;

        Assert.Equal("Jan Jönsson", speaker.Name);
        Assert.Equal(SpeakerKind.Person, speaker.Kind);
    }

    [Theory]
    [InlineData("Tyvärr finns det tecken på att polisen ibland inte agerar så bra")]
    [InlineData("Vänsterpartiet ser positivt på samarbete mellan stat och kommun")]
    public void Särskilt_uttalande_in_remiss_summary_speaks_for_Vänsterpartiet(string evidence)
    {
        Speaker speaker = Seeds.Get("002").PassageWith(evidence).Speaker;

        Assert.Equal("Vänsterpartiet", speaker.Name);
        Assert.Equal("V", speaker.Party);
        Assert.Equal("Niklas Thorén", speaker.Persons);
    }

    [Fact]
    public void Joint_särskilt_uttalande_speaks_for_each_of_its_parties()
    {
        Speaker speaker = Seeds.Get("001").PassageWith("en trygghetsfond på 200 mnkr över två år").Speaker;

        Assert.Equal(SpeakerKind.Party, speaker.Kind);
        Assert.Equal("Miljöpartiet, Socialdemokraterna och Vänsterpartiet", speaker.Name);
        Assert.Equal(["MP", "S", "V"], speaker.PartyAbbreviations());
        Assert.True(speaker.SpeaksFor(Gazetteer.Default.Resolve("Socialdemokraterna")!));
        Assert.False(speaker.SpeaksFor(Gazetteer.Default.Resolve("Liberalerna")!));
    }

    [Fact]
    public void Reservation_speaks_for_Moderaterna_and_Liberalerna()
    {
        Speaker speaker = Seeds.Get("001").PassageWith("reserverar sig mot nämndens beslut").Speaker;

        Assert.Equal(["M", "L"], speaker.PartyAbbreviations());
    }

    [Theory]
    [InlineData("Nolltolerans mot klotter, skadegörelse och nedskräpning ska gälla")]
    [InlineData("Vi vill utveckla Stockholm till att bli en trygg och säker stad")]
    public void The_proposal_the_reservation_stood_for_speaks_for_Liberalerna_and_Moderaterna_until_the_next_heading(string evidence)
    {
        Document document = Seeds.Get("001");
        Speaker speaker = document.PassageWith(evidence).Speaker;

        // Presented by Liberalerna's members; Moderaterna and Liberalerna reserved themselves for it as their own.
        Assert.Equal(new Speaker("Moderaterna och Liberalerna", SpeakerKind.Party, "M,L") { Persons = "Andréa Ström, Frida Johansson Metso" }, speaker);
        Assert.True(speaker.SpeaksFor(Gazetteer.Default.Resolve("Liberalerna")!));
        Assert.True(speaker.SpeaksFor(Gazetteer.Default.Resolve("Moderaterna")!));
        Assert.Equal("Socialnämnden", document.PassageWith("Ordföranden ställer förslagen mot varandra").Speaker.Name);
    }

    [Fact]
    public void Ersättaryttrande_speaks_for_the_ersättare_party_not_the_parties_referred_to()
    {
        Speaker speaker = Seeds.Get("001").PassageWith("hänvisar till Moderaternas och Liberalernas förslag").Speaker;

        Assert.Equal(new Speaker("Kristdemokraterna", SpeakerKind.Party, "KD") { Persons = "Sofia Modigh" }, speaker);
    }

    [Theory]
    [InlineData("Motionsförfattarna yrkar på att kommunfullmäktige ska besluta")]
    [InlineData("mer aktivt arbeta med kameraövervakning av särskilt utsatta platser")]
    [InlineData("nollvision mot olagliga boplatser")]
    public void Motion_quoted_in_a_response_speaks_for_its_authors(string evidence)
    {
        Speaker speaker = Seeds.Get("000").PassageWith(evidence).Speaker;

        Assert.Equal("Moderaterna", speaker.Name);
        Assert.Equal("M", speaker.Party);
        Assert.StartsWith("Anna König Jerlmyr, Joakim Larsson", speaker.Persons, StringComparison.Ordinal);
    }

    [Fact]
    public void A_motion_summarised_in_an_utlåtande_speaks_for_its_authors_but_its_rejection_for_Kommunstyrelsen()
    {
        Document document = Seeds.Get("002");

        Assert.Equal(new Speaker("Bengt Herke", SpeakerKind.Person) { Persons = "Bengt Herke m.fl." },
            document.PassageWith("I motionen yrkas att kommunstyrelsen tar erforderliga kontakter").Speaker);
        Assert.Equal("Kommunstyrelsen", document.PassageWith("Motionen avslås med hänvisning till vad som sägs i utlåtandet.").Speaker.Name);
    }

    [Fact]
    public void Response_to_a_restated_motion_stays_with_the_responding_nämnd()
    {
        // The paragraph opens with the motion's wish but answers it: the answer is the nämnd's.
        Speaker speaker = Seeds.Get("000").PassageWith("Motionsförfattarna önskar ett utökat arbete med kameraövervakningar").Speaker;

        Assert.Equal("Skärholmens stadsdelsnämnd", speaker.Name);
    }

    [Fact]
    public void Motion_by_a_party_in_a_response_speaks_for_that_party()
    {
        Document document = Seeds.Get("004");

        Assert.Equal("L", document.PassageWith("Det operativa arbetet i enlighet med programmet bedrivs").Speaker.Party);
        Assert.Equal("Socialnämnden", document.PassageWith("Socialförvaltningen anser att de strategiska och operativa").Speaker.Name);
    }
}
