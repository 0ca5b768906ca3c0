using System.Text.RegularExpressions;

namespace PolicySearch.Ingestion;

/// <summary>
/// Recognises headings in plain text by their shape (a short line of its own, capitalised, without closing
/// punctuation) and signature blocks (names above roles such as <c>Stadsdelsdirektör</c>, or after
/// <c>På kommunstyrelsens vägnar:</c>).
/// </summary>
internal static partial class BlockClassifier
{
    [GeneratedRegex(@"^\p{L}*(?:direktör|chef|ordförande|sekreterare|borgarråd|handläggare|utredare|strateg|samordnare|jurist|kommunalråd|ledamot|ersättare|kanslichef|registrator)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'\-]*\.?)(?:\s+\p{Lu}[\p{L}'\-]*\.?){0,7}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameLine();

    [GeneratedRegex(@"^(?:På\s+\S+\s+vägnar|Enligt\s+uppdrag|Vid\s+protokollet|Justeras)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureOpening();

    [GeneratedRegex(@"\b\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b|\d{4}-\d{2}-\d{2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateText();

    public static void Classify(List<Block> blocks, bool detectHeadings)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            Block block = blocks[i];
            if (block.Kind != BlockKind.Paragraph)
                continue;
            if (IsRoleLine(block.Text))
            {
                block.Kind = BlockKind.Signature;
                if (i > 0 && blocks[i - 1].Kind is BlockKind.Paragraph or BlockKind.Heading && IsNameLine(blocks[i - 1].Text))
                    blocks[i - 1].Kind = BlockKind.Signature;
            }
            else if (SignatureOpening().IsMatch(block.Text))
            {
                block.Kind = BlockKind.Signature;
                for (int j = i + 1; j < blocks.Count && blocks[j].Kind == BlockKind.Paragraph && IsNameLine(blocks[j].Text); j++)
                    blocks[j].Kind = BlockKind.Signature;
            }
            else if (detectHeadings && i + 1 < blocks.Count && LooksLikeHeading(block))
            {
                block.Kind = BlockKind.Heading;
            }
        }
    }

    /// <summary>A line of roles only: "Stadsdelsdirektör  Avdelningschef".</summary>
    public static bool IsRoleLine(string text)
    {
        if (text.Length > 80 || text.Count(c => c == ' ') > 8)
            return false;
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && words.All(w => RoleWord().IsMatch(w));
    }

    /// <summary>A line of capitalised names only: "Susanne Leinsköld  Anna Mattsson", "ANNA KÖNIG JERLMYR".</summary>
    public static bool IsNameLine(string text) => text.Length <= 80 && NameLine().IsMatch(text.Trim());

    private static bool LooksLikeHeading(Block block)
    {
        string text = block.Text;
        return block.LineCount <= 2 && text.Length <= 80 && TextShape.WordCount(text) <= 10
            && char.IsUpper(text[0]) && !TextShape.EndsSentence(text) && !text.EndsWith(',')
            && !DateText().IsMatch(text) && !LayoutShape.ContinuesSentence(text)
            && !text.StartsWith("Dnr", StringComparison.Ordinal);
    }
}
