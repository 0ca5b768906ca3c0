using System.Text;
using PolicySearch.Analysis;
using PolicySearch.Ingestion;

namespace PolicySearch.Search.Querying;

/// <summary>What a query asks: who (optional) and about what.</summary>
internal sealed record Interpretation(SpeakerMatch? Speaker, string Topic);

/// <summary>
/// Splits "Vad sa Skärholmens stadsdelsnämnd om SIG?" into a speaker, found with the ingestion
/// <see cref="Gazetteer"/> (names, aliases, inflections, party abbreviations), and a topic, dropping
/// question words and filler ("vad", "sa", "tycker", "om", "syn på" …).
/// </summary>
internal static class QuestionInterpreter
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "vad", "vem", "vilka", "vilken", "vilket", "hur", "varför", "när",
        "sa", "sade", "sagt", "säger", "tycker", "tyckte", "tyckt", "anser", "ansåg", "ansett", "tror", "menar", "skriver", "skrev",
        "syn", "synen", "åsikt", "åsikter", "åsikten", "ståndpunkt", "inställning", "uppfattning",
        "om", "på", "kring", "angående", "gällande", "beträffande", "rörande", "frågan",
        "har", "hade", "är", "den", "det", "de", "en", "ett", "och", "som",
    };

    /// <summary>A place name after these is where something happens, not who speaks ("kameror i Skärholmen").</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "i", "på", "från", "till", "inom", "vid", "kring", "runt", "utanför", "mot", "för", "av", "över", "under",
    };

    public static Interpretation Interpret(Gazetteer gazetteer, string freeText)
    {
        var speaker = Recognise(gazetteer, freeText);
        string rest = speaker is null ? freeText : Without(freeText, speaker.Spans);
        string topic = WithoutFiller(rest);
        // A query that only names a speaker ("Liberalerna") searches for the name itself.
        if (topic.Length == 0) return new Interpretation(null, WithoutFiller(freeText));
        return new Interpretation(speaker, topic);
    }

    private static SpeakerMatch? Recognise(Gazetteer gazetteer, string text)
    {
        var mentions = gazetteer.FindMentions(text).Where(m => !m.ByPlaceName || !AfterPreposition(text, m.Start)).ToList();
        if (mentions.Count == 0) return null;
        var voices = new List<Speaker>();
        foreach (var mention in mentions)
        {
            voices.Add(mention.Speaker);
            if (mention.Speaker.Kind == SpeakerKind.Nämnd && gazetteer.FörvaltningFor(mention.Speaker) is { } förvaltning) voices.Add(förvaltning);
            if (mention.Speaker.Kind == SpeakerKind.Förvaltning && gazetteer.NämndFor(mention.Speaker) is { } nämnd) voices.Add(nämnd);
        }
        return new SpeakerMatch(mentions[0].Speaker, voices.Distinct().ToList(), mentions.Select(m => (m.Start, m.End)).ToList());
    }

    private static bool AfterPreposition(string text, int start)
    {
        var before = text[..start].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return before.Length > 0 && PlacePrepositions.Contains(before[^1].ToLowerInvariant());
    }

    private static string Without(string text, IReadOnlyList<(int Start, int End)> spans)
    {
        var kept = new StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (start < at) continue;
            kept.Append(text, at, start - at).Append(' ');
            at = end;
        }
        return kept.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The words that are not filler, with surrounding punctuation ("SIG?" → "SIG") removed.</summary>
    private static string WithoutFiller(string text)
    {
        string[] words = [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(TrimPunctuation).Where(w => w.Length > 0)];
        var kept = new List<string>(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            if (!Filler.Contains(words[i].ToLowerInvariant())) kept.Add(AcronymOrWord(words, i));
        }
        // When everything was filler the words are the topic after all.
        return string.Join(' ', kept.Count > 0 ? [.. kept] : words);
    }

    /// <summary>
    /// A domain acronym typed in lower case that is also a stop word ("sig": the pronoun, or SIG, sociala
    /// insatsgrupper) is read as the acronym only where the pronoun makes no sense: as the whole topic, or as the
    /// last word right after "om" ("vad sa nämnden om sig"). The pronoun is common in real text ("det handlar om sig
    /// själv"), so anywhere else it stays a stop word.
    /// </summary>
    private static string AcronymOrWord(string[] words, int index)
    {
        string word = words[index];
        if (index != words.Length - 1 || AcronymTable.AcronymSpelledAsStopWord(word) is not { } acronym) return word;
        bool wholeTopic = words.Length == 1;
        bool afterOm = index > 0 && string.Equals(words[index - 1].ToLowerInvariant(), "om", StringComparison.Ordinal);
        return wholeTopic || afterOm ? acronym : word;
    }

    private static string TrimPunctuation(string word)
    {
        int start = 0, end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start])) start++;
        while (end > start && !char.IsLetterOrDigit(word[end - 1])) end--;
        return word[start..end];
    }
}
