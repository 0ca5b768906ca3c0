namespace PolicySearch.Analysis;

/// <summary>Folds Swedish and common Latin diacritics to their base letter (å ä → a, ö → o, é → e, ü → u), one character for one.</summary>
internal static class DiacriticFolder
{
    /// <summary>Folds <paramref name="source"/> into <paramref name="target"/> (same length); false when nothing changed.</summary>
    public static bool Fold(ReadOnlySpan<char> source, Span<char> target)
    {
        bool changed = false;
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            char folded = c < '\u00C0' ? c : Fold(c);
            changed |= folded != c;
            target[i] = folded;
        }
        return changed;
    }

    public static string Fold(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return Fold(text, buffer) ? new string(buffer) : text;
    }

    public static bool NeedsFolding(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c >= '\u00C0' && Fold(c) != c)
            {
                return true;
            }
        }
        return false;
    }

    private static char Fold(char c) => c switch
    {
        'å' or 'ä' or 'á' or 'à' or 'â' or 'ã' => 'a',
        'Å' or 'Ä' or 'Á' or 'À' or 'Â' or 'Ã' => 'A',
        'ö' or 'ø' or 'ó' or 'ò' or 'ô' or 'õ' => 'o',
        'Ö' or 'Ø' or 'Ó' or 'Ò' or 'Ô' or 'Õ' => 'O',
        'é' or 'è' or 'ê' or 'ë' => 'e',
        'É' or 'È' or 'Ê' or 'Ë' => 'E',
        'ü' or 'ú' or 'ù' or 'û' => 'u',
        'Ü' or 'Ú' or 'Ù' or 'Û' => 'U',
        'í' or 'ì' or 'î' or 'ï' => 'i',
        'Í' or 'Ì' or 'Î' or 'Ï' => 'I',
        _ => c,
    };
}
