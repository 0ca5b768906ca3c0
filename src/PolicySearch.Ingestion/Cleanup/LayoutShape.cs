namespace PolicySearch.Ingestion;

/// <summary>
/// How a text was laid out: whether lines are wrapped at a margin (and how wide it is) and whether every line is
/// followed by a blank line. Decides where a wrapped line ends its paragraph: when the next line's first word would
/// still have fitted on it, the author ended the line.
/// </summary>
internal sealed class LayoutShape
{
    private LayoutShape(bool wrapped, bool doubleSpaced, int width)
    {
        Wrapped = wrapped;
        DoubleSpaced = doubleSpaced;
        Width = width;
    }

    public bool Wrapped { get; }
    public bool DoubleSpaced { get; }
    public int Width { get; }

    public static LayoutShape Measure(IReadOnlyList<PageLine> lines)
    {
        var lengths = new List<int>();
        int followedByEmpty = 0;
        int acrossEmpty = 0;
        int continuedAcrossEmpty = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            string t = lines[i].Text.Trim();
            if (t.Length == 0)
                continue;
            lengths.Add(t.Length);
            if (i + 1 < lines.Count && lines[i + 1].Text.Length == 0)
            {
                followedByEmpty++;
                if (i + 2 < lines.Count && lines[i + 2].Text.Trim().Length > 0)
                {
                    acrossEmpty++;
                    string next = lines[i + 2].Text;
                    if (!TextShape.EndsSentence(t) && (TextShape.StartsLowercase(next) || ContinuesSentence(t)))
                        continuedAcrossEmpty++;
                }
            }
        }
        if (lengths.Count == 0)
            return new LayoutShape(false, false, 0);
        lengths.Sort();
        int median = lengths[lengths.Count / 2];
        int width = lengths[(int)(lengths.Count * 0.9)];
        bool wrapped = median <= 100;
        // Double-spaced: most lines are followed by an empty line, and sentences run on across those empty lines.
        bool doubleSpaced = wrapped && followedByEmpty >= lengths.Count * 0.6 && continuedAcrossEmpty >= acrossEmpty * 0.3;
        return new LayoutShape(wrapped, doubleSpaced, width);
    }

    /// <summary>True when <paramref name="line"/> ends its paragraph rather than wrapping into <paramref name="next"/>.</summary>
    /// <param name="firstOfBlock">True when <paramref name="line"/> opened its block: a short opening line without
    /// closing punctuation, followed by a capitalised line, is a heading of its own.</param>
    public bool EndsParagraph(string line, string next, bool firstOfBlock)
    {
        if (!Wrapped)
            return true;
        if (TextShape.StartsLowercase(next) || ContinuesSentence(line))
            return false;
        if (BlockClassifier.IsRoleLine(next.Trim()))
            return true;
        int length = line.Trim().Length;
        if (length + 1 + TextShape.FirstWord(next).Length < Width * 0.85)
            return true;
        if (!TextShape.EndsSentence(line))
            return firstOfBlock && length < Width * 0.85 && TextShape.WordCount(line) <= 10
                && TextShape.StartsLowercase(LastWord(line)) && char.IsUpper(next.TrimStart()[0]);
        // A finished sentence followed by a short unpunctuated line: that line is a heading.
        string nextText = next.Trim();
        return length < Width * 0.7 || (nextText.Length < Width * 0.6 && !TextShape.EndsSentence(nextText));
    }

    private static readonly HashSet<string> s_clauseWords = new(StringComparer.Ordinal)
    {
        "och", "att", "i", "för", "en", "ett", "med", "av", "till", "som", "på", "om", "de", "det", "den", "är",
        "samt", "eller", "vid", "från", "mot", "under", "efter", "inom", "genom", "där", "när", "hos", "mellan", "utan",
    };

    /// <summary>A line ending with a comma or a word that cannot end a sentence runs on into the next line.</summary>
    private static string LastWord(string line)
    {
        string t = line.TrimEnd();
        return t[(t.LastIndexOf(' ') + 1)..];
    }

    public static bool ContinuesSentence(string line)
    {
        string t = line.TrimEnd();
        if (t.EndsWith(',') || t.EndsWith('-') || t.EndsWith('–'))
            return true;
        int space = t.LastIndexOf(' ');
        return s_clauseWords.Contains(t[(space + 1)..]);
    }
}
