using System.Text;
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
        var kept = new StringBuilder(text.Length);
        var all = new StringBuilder(text.Length);
        foreach (string word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string bare = TrimPunctuation(word);
            if (bare.Length == 0) continue;
            all.Append(bare).Append(' ');
            if (!Filler.Contains(bare.ToLowerInvariant())) kept.Append(bare).Append(' ');
        }
        // When everything was filler the words are the topic after all.
        return (kept.Length > 0 ? kept : all).ToString().Trim();
    }

    private static string TrimPunctuation(string word)
    {
        int start = 0, end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start])) start++;
        while (end > start && !char.IsLetterOrDigit(word[end - 1])) end--;
        return word[start..end];
    }
}
