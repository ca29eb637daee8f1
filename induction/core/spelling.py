"""Spelling: British and American forms of the same word, so that search finds either.

Beside the flow, after rendering: the MkDocs adapter adds, to each entry of the built search
index, the other spelling of every word that has one ("behaviour" -> "behavior", "modelling" ->
"modeling"), once per entry and in a field of its own that results never show, so a reader typing
either finds the page. lunr's English stemmer
does not join them ("modelling" stems to "modell", "modeling" to "model").

The word families are rules over stems, not only a dictionary of whole words: a stem listed once
covers its inflections (behaviour, behaviours, behavioural), and only the endings listed, so that
"laboratory" or "emphasis" are left alone.
"""

from __future__ import annotations

import functools
import json
import re

# -our / -or (behaviour, behavioural, colours, ...): the stems before the ending, and the endings that
# may follow, so that "laboratory" is not taken for "labour".
_OUR = re.compile(
    r"(behavi|col|fav|hon|lab|neighb|hum|rum|endeav|harb|vap|sav|flav|rig|vig|cand|od|parl)"
    r"(our|or)(s|al|ally|ed|ing|ful|less|able|ably|ist|ists|ite|ites|er|ers|hood|hoods)?"
)
# -ise / -ize, -isation / -ization (organise, organised, organising, organisation, ...).
_ISE = re.compile(
    r"(organ|recogn|priorit|summar|emphas|personal|categor|memor|visual|real|scrutin|minim|maxim|"
    r"apolog|critic|familiar|internal|general|standard|special|util|final|character|normal|verbal|"
    r"conceptual|contextual|social|author|custom|optim|symbol|sympath|theor|mobil|stabil|formal|"
    r"capital|harmon|special|modern|agon|jeopard|patron|central|legal|global|individual)"
    r"(is|iz)(e|es|ed|ing|ation|ations|er|ers)"
)
# Doubled l before -ing/-ed/-er (modelling, labelled, travelled, ...).
_LL = re.compile(
    r"(model|label|travel|cancel|signal|level|channel|fuel|counsel|tunnel|marvel|total|dial|equal|"
    r"pencil|rival|shovel|spiral|funnel|jewel|quarrel)(l?)(ing|ed|er|ers)"
)
_WHOLE = {
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "programme": "program",
    "programmes": "programs",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analysing": "analyzing",
    "judgement": "judgment",
    "judgements": "judgments",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "licence": "license",
    "defence": "defense",
    "offence": "offense",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "enrolment": "enrollment",
    "fulfil": "fulfill",
    "learnt": "learned",
    "grey": "gray",
    "metre": "meter",
    "litre": "liter",
    "paediatric": "pediatric",
    "encyclopaedia": "encyclopedia",
    "mum": "mom",
}
_WHOLE_BACK = {american: british for british, american in _WHOLE.items() if american not in _WHOLE}


def other_spelling(word: str) -> str:
    """The word in the other spelling (British <-> American), lower-case, or '' if it has none."""
    w = word.lower()
    if w in _WHOLE:
        return _WHOLE[w]
    if w in _WHOLE_BACK:
        return _WHOLE_BACK[w]
    match = _OUR.fullmatch(w)
    if match:
        return match.group(1) + ("or" if match.group(2) == "our" else "our") + (match.group(3) or "")
    match = _ISE.fullmatch(w)
    if match:
        return match.group(1) + ("iz" if match.group(2) == "is" else "is") + match.group(3)
    match = _LL.fullmatch(w)
    if match:
        return match.group(1) + ("" if match.group(2) else "l") + match.group(3)
    return ""


_WORD = re.compile(r"[A-Za-z]{4,}")


def variants(text: str) -> list[str]:
    """The other spellings of the words in `text`, each once, in the order first met."""
    return list(_variants(text))


# Kept by the text itself: the live preview adds the variants to the whole search index on every
# save, where all but a few entries are the same text as before (~0.4 s for the imported corpus).
@functools.lru_cache(maxsize=16384)
def _variants(text: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for word in _WORD.findall(text):
        other = other_spelling(word)
        if other and other not in found and other != word.lower():
            found[other] = None
    return tuple(found)


# The index field that holds the other spellings. Material's search worker indexes every field its
# index's config names (config.fields), but shows a result's title and text only: the variants find
# a page without ever appearing in its snippet ("practise modeling").
FIELD = "variants"


def add_variants(index_json: str) -> str:
    """Material's search_index.json with each entry's other spellings in a field of their own,
    indexed with the weight of the text and never shown in a result."""
    index = json.loads(index_json)
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields.setdefault(FIELD, {"boost": fields.get("text", {}).get("boost", 1.0)})
    for doc in index.get("docs", []):
        extra = variants(doc.get("title", "") + " " + doc.get("text", ""))
        if extra:
            doc[FIELD] = " ".join(extra)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
