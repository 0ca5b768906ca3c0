using System.Text;
using PolicySearch.Analysis;

namespace PolicySearch.Search.Querying;

/// <summary>What a query asks: who (optional) and about what.</summary>
internal sealed record Interpretation(SpeakerMatch? Speaker, string Topic);

/// <summary>
/// Splits "Vad sa Skärholmens stadsdelsnämnd om SIG?" into a speaker (from the <see cref="SpeakerCatalog"/>)
/// and a topic, dropping question words and filler ("vad", "sa", "tycker", "om", "syn på" …).
/// </summary>
internal static class QuestionInterpreter
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "vad", "vem", "vilka", "vilken", "vilket", "hur", "varför", "när", "var",
        "sa", "sade", "sagt", "säger", "tycker", "tyckte", "tyckt", "anser", "ansåg", "ansett", "tror", "menar", "skriver", "skrev",
        "syn", "synen", "åsikt", "åsikter", "åsikten", "ståndpunkt", "inställning", "uppfattning",
        "om", "på", "kring", "angående", "gällande", "beträffande", "rörande", "till", "i", "frågan",
        "har", "hade", "är", "den", "det", "de", "en", "ett", "och", "som",
    };

    public static Interpretation Interpret(SwedishAnalyzer analyzer, SpeakerCatalog catalog, string freeText)
    {
        var speaker = catalog.Recognise(analyzer, freeText);
        string rest = speaker is null ? freeText : freeText[..speaker.Start] + " " + freeText[speaker.End..];
        string topic = WithoutFiller(rest);
        // A query that only names a speaker ("Liberalerna") searches for the name itself.
        if (topic.Length == 0) topic = speaker is null ? freeText.Trim() : WithoutFiller(freeText);
        return new Interpretation(topic.Length == 0 ? null : speaker, topic);
    }

    private static string WithoutFiller(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kept = new StringBuilder(text.Length);
        foreach (string word in words)
        {
            string bare = word.Trim('?', '!', '.', ',', ':', ';', '"', '(', ')').ToLowerInvariant();
            if (Filler.Contains(bare) || bare.Length == 0 && !word.Any(char.IsLetterOrDigit)) continue;
            kept.Append(word).Append(' ');
        }
        // When everything was filler the words are the topic after all.
        return kept.Length > 0 ? kept.ToString().Trim() : text.Trim();
    }
}
