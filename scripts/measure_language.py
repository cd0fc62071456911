"""How well and how fast each language identifier answers: CLD2, py3langid, and cleaner's
`detect_language`, which sends long texts to the first and short ones to the second.

Two sets of texts:
- the wcxb-dev gold bodies (nearly all English): how often the identifiers agree, and the time
  a body takes;
- word salads: texts of N words drawn at random, by frequency, from the 3,000 commonest words
  of each of wordfreq's 42 languages (`pip install wordfreq`; used here only). A salad has a
  language's word frequencies but no sentences, a harder test than prose of the same length.
  Names that differ only by convention (Filipino "fil" / Tagalog "tl", Bokmål "nb" /
  Norwegian "no", Serbo-Croatian "sh" / Serbian, Croatian, Bosnian) count as right.

Usage: python scripts/measure_language.py [--salads-per-language N] [--seed N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import _wcxb  # noqa: E402

from cleaner.metadata import language  # noqa: E402

SALAD_WORDS = (15, 25, 40, 60, 100)
SAME_LANGUAGE = {("fil", "tl"), ("nb", "no"), ("sh", "hr"), ("sh", "sr"), ("sh", "bs")}
UNSPACED = ("zh", "ja")


def cld2_alone(text: str) -> str | None:
    sample = text[: language.MAX_CHARS]
    if language.count_words(sample) < language.MIN_WORDS:
        return None
    return language._cld2(sample)


def py3langid_alone(text: str) -> str | None:
    sample = text[: language.MAX_CHARS]
    if language.count_words(sample) < language.MIN_WORDS:
        return None
    code, confidence = language._identifier().classify(sample)
    return str(code) if confidence >= language.MIN_CONFIDENCE else None


IDENTIFIERS: dict[str, Callable[[str], str | None]] = {
    "cld2": cld2_alone,
    "py3langid": py3langid_alone,
    "detect_language": language.detect_language,
}


def dev_bodies() -> None:
    bodies = [page.body for page in _wcxb.load_pages("all")]
    answers: dict[str, list[str | None]] = {}
    print(f"## wcxb-dev gold bodies ({len(bodies)})\n")
    print("| identifier | ms a body | answers | most common |")
    print("|---|---|---|---|")
    for name, identify in IDENTIFIERS.items():
        identify(bodies[0])  # load the model
        started = time.perf_counter()
        answers[name] = [identify(body) for body in bodies]
        ms = (time.perf_counter() - started) / len(bodies) * 1000
        given = sum(a is not None for a in answers[name])
        common = Counter(answers[name]).most_common(4)
        print(f"| {name} | {ms:.3f} | {given} | {common} |")
    pairs = Counter(zip(answers["cld2"], answers["py3langid"], strict=True))
    differ = {pair: n for pair, n in pairs.items() if pair[0] != pair[1]}
    print(f"\ncld2 and py3langid differ on {sum(differ.values())} bodies: {differ}\n")


def salads(per_language: int, seed: int) -> None:
    import wordfreq

    rng = random.Random(seed)
    tally: dict[tuple[str, int], Counter[str]] = {}
    wrong: dict[str, Counter[tuple[int, str, str | None]]] = {n: Counter() for n in IDENTIFIERS}
    languages = sorted(wordfreq.available_languages())
    for lang in languages:
        frequencies = sorted(wordfreq.get_frequency_dict(lang).items(), key=lambda kv: -kv[1])
        words = [w for w, _ in frequencies[:3000]]
        weights = [f for _, f in frequencies[:3000]]
        joiner = "" if lang in UNSPACED else " "
        for n_words in SALAD_WORDS:
            # Unspaced scripts: about two characters a word, as `count_words` counts them.
            k = n_words * 2 if lang in UNSPACED else n_words
            for _ in range(per_language):
                text = joiner.join(rng.choices(words, weights, k=k))
                for name, identify in IDENTIFIERS.items():
                    found = identify(text)
                    right = found == lang or (lang, found) in SAME_LANGUAGE
                    outcome = "right" if right else "none" if found is None else "wrong"
                    tally.setdefault((name, n_words), Counter())[outcome] += 1
                    if outcome == "wrong":
                        wrong[name][(n_words, lang, found)] += 1
    total = len(languages) * per_language
    print(f"## Word salads: {len(languages)} languages, {per_language} a language and length\n")
    print("| identifier | " + " | ".join(f"{n} words: wrong / none" for n in SALAD_WORDS) + " |")
    print("|---|" + "---|" * len(SALAD_WORDS))
    for name in IDENTIFIERS:
        cells = [
            f"{tally[name, n]['wrong'] / total:.1%} / {tally[name, n]['none'] / total:.1%}"
            for n in SALAD_WORDS
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for name, mistakes in wrong.items():
        print(f"\n{name}, commonest mistakes (words, language, answer): {mistakes.most_common(8)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--salads-per-language", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    dev_bodies()
    try:
        salads(args.salads_per_language, args.seed)
    except ImportError:
        print("word salads skipped: `pip install wordfreq` to run them")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
