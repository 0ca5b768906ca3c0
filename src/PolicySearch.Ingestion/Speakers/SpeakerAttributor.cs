using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Decides who speaks in each block, reading the document top to bottom:
/// <list type="bullet">
/// <item>by default the document's authoring body (a tjänsteutlåtande's text, "Förvaltningen anser …", speaks for its nämnd);</item>
/// <item>a heading naming a body (a remiss summary's "Bromma stadsdelsnämnd") gives its section to that body;</item>
/// <item>an emphasised lead-in naming a body or person (<c>*Bromma stadsdelsnämnd* anser …</c>) speaks for it; when it
/// introduces what follows ("… anför följande.") the voice carries on;</item>
/// <item>a sentence naming parties with a statement verb (reservations, särskilda uttalanden, ersättaryttranden,
/// "(L) föreslår att nämnden beslutar följande") gives the parties the rest of the section; a proposal that a
/// reservation stood for ("till förmån för sitt eget förslag") speaks for all the reserving parties;</item>
/// <item>the motion restated ("Motionärerna yrkar på …") and the demands it introduces speak for the motion's authors.</item>
/// </list>
/// </summary>
internal sealed partial class SpeakerAttributor(Gazetteer gazetteer, Speaker documentSpeaker, Speaker? motionAuthors)
{
    private static readonly HashSet<string> s_statementHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reservation", "Reservationer", "Reservationer m.m.", "Reservationer m.m", "Särskilt uttalande", "Särskilda uttalanden",
        "Ersättaryttrande", "Ersättaryttranden", "Protokollsanteckning", "Protokollsanteckningar",
    };

    /// <summary>Headings that end a person's anförande and return the word to the document's body.</summary>
    private static readonly HashSet<string> s_resetHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Remissammanställning", "Beslutsordning", "Beslut", "Protokollsutdrag", "Förslag till beslut",
    };

    [GeneratedRegex(@"\b(?:reserverar|följande|hänvisar|instämmer|yrkar|anför|anförde|tillstyrker|avstyrker)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementVerb();

    [GeneratedRegex(@"\breserverar\s+sig\b.*\beg(?:et|en|na)\s+förslag", RegexOptions.IgnoreCase)]
    private static partial Regex ReservesForOwnProposal();

    [GeneratedRegex(@"\bföreslår\b", RegexOptions.IgnoreCase)]
    private static partial Regex Proposes();

    [GeneratedRegex(@"\b(?:följande|nedan)\b[^.]{0,40}\.?$|:$", RegexOptions.IgnoreCase)]
    private static partial Regex Introduces();

    [GeneratedRegex(@"^(?:Motionär(?:en|erna)|Motionsförfattar(?:en|na)|Motionen|I motionen|De\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MotionSubject();

    [GeneratedRegex(@"^\p{Lu}(?:[^.]|m\.\s?fl\.){0,60}?\b(?:motionerar|har väckt en motion)\b")]
    private static partial Regex MotionVerb();

    [GeneratedRegex(@"\b(?:yrkar|yrkas|föreslår|föreslås|vill|önskar|anser|lyfter|framhåller|framhålls|förordar|menar|påkallar|påtalar|pekar|begär)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MotionStatement();

    private Speaker? _section;
    private int _sectionLevel;
    private bool _statementSection;
    private Speaker? _voice;
    private Speaker? _running;
    private Speaker? _listLead;
    /// <summary>Parties that reserved themselves in favour of their own proposal, which the document gives later.</summary>
    private Speaker? _reserving;

    /// <summary>The speaker of every block (null for headings and signatures).</summary>
    public Speaker?[] Attribute(IReadOnlyList<Block> blocks)
    {
        var speakers = new Speaker?[blocks.Count];
        for (int i = 0; i < blocks.Count; i++)
        {
            Block block = blocks[i];
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    EnterHeading(block);
                    break;
                case BlockKind.Paragraph or BlockKind.ListItem:
                    speakers[i] = SpeakerOf(block);
                    break;
            }
        }
        return speakers;
    }

    private void EnterHeading(Block heading)
    {
        _running = null;
        _listLead = null;
        if (gazetteer.Resolve(heading.Text) is { Kind: not SpeakerKind.Person } body)
        {
            _section = body;
            _sectionLevel = heading.Level;
            _statementSection = false;
            _voice = null;
            return;
        }
        if (s_statementHeadings.Contains(heading.Text))
        {
            (_section, _sectionLevel, _statementSection, _voice) = (null, heading.Level, true, null);
            return;
        }
        if (s_resetHeadings.Contains(heading.Text))
            _voice = null;
        // A sub-heading inside a body's or statement's section keeps its speaker.
        if (heading.Level <= _sectionLevel)
            (_section, _statementSection) = (null, false);
    }

    private Speaker SpeakerOf(Block block)
    {
        Speaker? listLead = _listLead;
        _listLead = null;
        if (LeadInSpeaker(block) is { } lead)
        {
            if (Introduces().IsMatch(block.Text))
            {
                // "Föredragande borgarrådet X anför följande." gives X the word across headings until another body takes it.
                if (lead.Kind == SpeakerKind.Person)
                    _voice = lead;
                else
                    (_running, _voice) = (lead, null);
            }
            return lead;
        }
        if (motionAuthors is not null && IsMotionRestated(block.Text))
        {
            if (block.Text.TrimEnd().EndsWith(':'))
                _listLead = motionAuthors;
            return motionAuthors;
        }
        if (PartyStatement(block) is { } parties)
        {
            if (ReservesForOwnProposal().IsMatch(block.Text))
                _reserving = parties;
            // The proposal a reservation stood for is all the reserving parties' ("Moderaternas och Liberalernas förslag"),
            // even when only some of their members present it.
            else if (_reserving is not null && Proposes().IsMatch(block.Text)
                && parties.PartyAbbreviations().All(p => _reserving.PartyAbbreviations().Contains(p, StringComparer.Ordinal)))
                parties = _reserving with { Persons = parties.Persons };
            if (_statementSection)
                _section = parties;
            else if (Introduces().IsMatch(block.Text))
                _running = parties;
            return parties;
        }
        if (block.Kind == BlockKind.ListItem && listLead is not null)
        {
            _listLead = listLead;
            return listLead;
        }
        Speaker current = _running ?? _section ?? _voice ?? documentSpeaker;
        if (block.Text.TrimEnd().EndsWith(':'))
            _listLead = current;
        return current;
    }

    /// <summary>The body or person an emphasised lead-in names; a förvaltning answering for its section's nämnd speaks as that nämnd.</summary>
    private Speaker? LeadInSpeaker(Block block)
    {
        if (block.LeadIn is not { } leadIn)
            return null;
        Speaker? speaker = gazetteer.Resolve(leadIn)
            ?? gazetteer.FindMentions(leadIn).FirstOrDefault(m => !m.ByPlaceName)?.Speaker;
        if (speaker is null)
            return null;
        if (speaker.Kind == SpeakerKind.Förvaltning && _section is { } section && gazetteer.NämndFor(speaker) == section)
            return section;
        return speaker;
    }

    /// <summary>Parties named with a statement verb (or any party named first in a reservation-like section).</summary>
    private Speaker? PartyStatement(Block block)
    {
        bool cue = _statementSection ? _section is null : StatementVerb().IsMatch(block.Text);
        return cue ? PartyCue.Find(block.Text, gazetteer) : null;
    }

    /// <summary>Every sentence restates the motion: its subject is the motion or its authors ("Motionärerna yrkar …", "De vill …").</summary>
    private bool IsMotionRestated(string text)
    {
        List<string> sentences = SentenceSplitter.Split(text);
        return sentences.Count > 0 && (MotionSubject().IsMatch(sentences[0]) || MotionVerb().IsMatch(sentences[0]))
            && sentences.All(s => MotionVerb().IsMatch(s)
                || ((MotionSubject().IsMatch(s) || NamesMotionAuthors(s)) && MotionStatement().IsMatch(s)));
    }

    private bool NamesMotionAuthors(string sentence) =>
        PartyCue.Find(sentence, gazetteer) is { } parties && motionAuthors!.PartyAbbreviations().Intersect(parties.PartyAbbreviations()).Any();
}
