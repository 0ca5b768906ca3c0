#!/usr/bin/env python3
"""Derives the decompounder's word lists (src/PolicySearch.Analysis/Data/lexicon-*.txt) from the
hunspell sv_SE dictionary (../shared/lexicon/sv_SE.dic + .aff, LGPL-3, see THIRD-PARTY-NOTICES.md).

  lexicon-words.txt           lower-case lemmas; "<lemma>\tY" when hunspell lets it end a compound
  lexicon-compound-heads.txt  "<form>\t<lemma>": forms hunspell lets begin a compound (flag X or U, or made
                              by a suffix rule whose continuation is X or U, e.g. trygghet -> trygghets)
  lexicon-names.txt           lower-cased proper nouns (Stockholm, Rinkeby): never split

Usage: scripts/make-lexicon.py ../shared/lexicon src/PolicySearch.Analysis/Data
"""
import re
import sys

LETTERS = re.compile(r"^[a-zåäöéü]+$")
NAME = re.compile(r"^[A-ZÅÄÖÉÜ][a-zåäöéü]+$")


def read_compound_suffixes(aff_path):
    """Suffix rules that produce a compound-begin or -middle form: flag -> [(strip, add, condition)]."""
    rules = {}
    with open(aff_path, encoding="utf-8") as aff:
        for line in aff:
            parts = line.split()
            if len(parts) < 5 or parts[0] != "SFX":
                continue
            flag, strip, affix, condition = parts[1], parts[2], parts[3], parts[4]
            add, _, continuation = affix.partition("/")
            if "X" not in continuation and "U" not in continuation:
                continue
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            if "-" in add:
                continue
            rules.setdefault(flag, []).append((strip, add, re.compile(f"(?:{condition})$")))
    return rules


def main(source, target):
    rules = read_compound_suffixes(f"{source}/sv_SE.aff")
    words, heads, names = {}, {}, set()
    with open(f"{source}/sv_SE.dic", encoding="utf-8") as dic:
        next(dic)
        for line in dic:
            word, _, flags = line.strip().partition("/")
            if NAME.match(word):
                names.add(word.lower())
                continue
            if not LETTERS.match(word) or len(word) < 2:
                continue
            if "X" in flags or "U" in flags:
                heads[word] = word
            if "Z" in flags:
                continue  # only inside compounds (samverkans, abborr): a head, not a word
            words[word] = words.get(word, False) or "Y" in flags
            for flag in flags:
                for strip, add, condition in rules.get(flag, []):
                    if condition.search(word) and word.endswith(strip):
                        form = word[: len(word) - len(strip)] + add
                        heads.setdefault(form, word)
    names -= set(words)
    with open(f"{target}/lexicon-words.txt", "w", encoding="utf-8") as out:
        out.write("# Derived from hunspell sv_SE (LGPL-3) by scripts/make-lexicon.py; Y = may end a compound.\n")
        for word in sorted(words):
            out.write(f"{word}\tY\n" if words[word] else f"{word}\n")
    with open(f"{target}/lexicon-compound-heads.txt", "w", encoding="utf-8") as out:
        out.write("# Derived from hunspell sv_SE (LGPL-3) by scripts/make-lexicon.py: compound-begin form, lemma.\n")
        for form in sorted(heads):
            out.write(f"{form}\t{heads[form]}\n")
    with open(f"{target}/lexicon-names.txt", "w", encoding="utf-8") as out:
        out.write("# Derived from hunspell sv_SE (LGPL-3) by scripts/make-lexicon.py: proper nouns, lower-cased.\n")
        for name in sorted(names):
            out.write(f"{name}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
