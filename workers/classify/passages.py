"""Cut an article into sentences, and normalise text so that a source's style does not leak.

The training data mixes sources whose house style gives their label away (the BBC corpus is all
lower case and all negative, MUC-4 is upper case, SATP has no punctuation and is all positive,
Wikipedia items end with a "(Reuters)" citation). The model therefore only ever sees
:func:`normalise`'d text: lower case, plain quotes and dashes, digits kept, citations and
punctuation runs tidied.

Sentences are found with a cheap regular expression on the original text (the spaCy parser would
cost more than the whole classifier); sentences longer than ``max_tokens`` words, as in
unpunctuated text, are cut into windows so that one sentence never swallows a whole article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
# A trailing "(Reuters)" / "(BBC) (AP via ESPN)" citation of the Wikipedia Current Events Portal.
_CITATION = re.compile(r"(?:\s*\([^()]{1,80}\))+\s*$")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_WRAPPED_LINE = 40  # a line at least this long, not ending a sentence, was wrapped: join the next
# End of sentence: . ! ? (optionally followed by a closing quote or bracket), then white space.
_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+")
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|gen|col|lt|capt|sgt|maj|gov|sen|rep|st|no|vs|jan|feb|mar|apr|jun|jul"
    r"|aug|sep|sept|oct|nov|dec|inc|corp|co|ltd|jr|sr)|\b[a-z]|\b(?:[a-z]\.){1,3}[a-z])\.[\"')\]]*$",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Text as the model sees it: NFKC, lower case, plain quotes, no trailing citation."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _CITATION.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def text_hash(text: str) -> str:
    """sha256 of the normalised text: the key of a row in ``label_corrections.tsv``."""
    return hashlib.sha256(" ".join(normalise(text).split()).encode("utf-8")).hexdigest()


def split_sentences(text: str, max_chars: int = 400) -> list[str]:
    """Sentences of ``text`` as written (stripped), in order; over-long ones are cut at word breaks."""
    sentences: list[str] = []
    for paragraph in _paragraphs(text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        pending = ""
        pos = 0
        for match in _SENT_END.finditer(paragraph):
            piece = paragraph[pos : match.start()] + paragraph[match.start() : match.end()].rstrip()
            candidate = pending + piece
            pos = match.end()
            if ABBREVIATION.search(candidate) and pos < len(paragraph):
                pending = candidate + " "
                continue
            sentences.extend(_cut(candidate.strip(), max_chars))
            pending = ""
        rest = (pending + paragraph[pos:]).strip()
        if rest:
            sentences.extend(_cut(rest, max_chars))
    return sentences


def _paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; inside a block, a line break ends a paragraph unless the
    line was hard-wrapped (long and not ending a sentence, as in wire copy such as MUC-4)."""
    out: list[str] = []
    for block in _BLANK_LINE.split(text):
        current = ""
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if (
                current
                and len(current.rsplit("\n", 1)[-1]) >= _WRAPPED_LINE
                and not _LINE_END.search(current)
            ):
                current += " " + line
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def _cut(sentence: str, max_chars: int) -> list[str]:
    if len(sentence) <= max_chars:
        return [sentence]
    words = sentence.split(" ")
    out: list[str] = []
    current: list[str] = []
    size = 0
    for word in words:
        if current and size + len(word) + 1 > max_chars:
            out.append(" ".join(current))
            current, size = [], 0
        current.append(word)
        size += len(word) + 1
    if current:
        out.append(" ".join(current))
    return out
