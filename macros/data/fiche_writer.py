"""A fiche's text from a contributor's answers, through the Mustache template
(macros/templates/fiche.mustache) that the site's editor fills too, for
`fiches new`, the importer and the editor's data; and the numbers in use.

The view's rules are written twice, here and in
overrides/assets/javascripts/editeur-ecriture.js: tests/browser/test_editeur_ecriture.py
compares both texts byte for byte. The answers (the editor's draft format):

    nouvelle: bool          a new fiche: template text fills what is left empty
    entete: [{cle, brut, valeur}]  the front matter's chunks as read, in order
    champs: {numero, titre, themes, statut, date_creation, resume, redaction, mots_cles}
    corps_brut: str         the body as read, when the form cannot hold its layout
    contexte: str; enjeux: [{titre, type, points: [str]}];
    pratiques: [{texte, structures: [name]}]; sections: [{titre, texte}]

An unchanged chunk is written back as read: a fiche saved unchanged keeps every byte.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import pystache
from pystache.parsed import ParsedTemplate

from macros.check.fiche_body import CONTEXT, PRACTICES, STAKE_ATTR
from macros.check.macro_grammar import read_macros
from macros.check.markdown_blocks import Heading, scan
from macros.core.diagnostics import Report
from macros.core.model import FicheNumber
from macros.index.collection import Collection
from macros.read.front_matter import split
from macros.read.yaml_reader import load_yaml

REQUIRED = ("numero", "titre", "themes", "statut")
# Written commented out in a new fiche until they are filled.
_OPTIONAL = ("resume", "redaction", "mots_cles")
# The fields the form edits, in the order new keys are written.
FIELDS = (*REQUIRED, "date_creation", *_OPTIONAL)
LISTS = frozenset(("themes", "redaction", "mots_cles"))
DATES = frozenset(("date_creation", "date_mise_a_jour"))
# The template's own text, written in a new fiche until its body is written.
_TEMPLATE_TEXT = ("aide", "contexte_modele", "enjeux_modele", "pratiques_modele", "sections_modele")
MODELINE = "# yaml-language-server: $schema=../macros/schemas/fiche.schema.json"

# Characters a YAML scalar never holds as such: PyYAML refuses most of them,
# and reads U+2028/U+2029 as line breaks.
_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# PyYAML reads these plain words as booleans or null (YAML 1.1).
_RESERVED = frozenset(("yes", "no", "true", "false", "on", "off", "null"))
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")


def double_quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04X}", escaped) + '"'


def scalar(text: str) -> str:
    """Plain when PyYAML reads it back as this very text, double-quoted otherwise."""
    plain = (
        text != ""
        and text[0].isalpha()
        and text[-1] not in " \t:"
        and _ESCAPED.search(text) is None
        and ": " not in text
        and " #" not in text
        and text.lower() not in _RESERVED
    )
    return text if plain else double_quoted(text)


def entry(key: str, value: Any) -> str:
    if key in LISTS:
        items = "".join(f"\n  - {scalar(str(item))}" for item in value or [])
        return f"{key}:{items or ' []'}"
    text = str(value or "")
    if key in DATES and _DATE.match(text):
        return f"{key}: {text}"
    # The number always quoted: «1.10» is not the number 1.1.
    return f"{key}: {double_quoted(text) if key == 'numero' else scalar(text)}"


def one_line(text: str) -> str:
    return _LINE_BREAK.sub(" ", text or "")


def block_text(text: str) -> str:
    text = (text or "").replace("\r\n", "\n")
    return _LEADING_BLANK_LINES.sub("", text).rstrip(" \t\n")


def structure_call(name: str) -> str:
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return '{{ structure("' + quoted + '") }}'


def read_credit(line: str) -> tuple[str, list[str]]:
    """A practice line split into its text and the names of its credit, when
    its last parenthesis is exactly what `practice_line` writes."""
    if not line.endswith(") }})"):
        return line, []
    calls = read_macros(line, "", 1, Report()).calls
    for index, call in enumerate(calls):
        text, names = line[: call.start - 2], [c.target for c in calls[index:]]
        if practice_line({"texte": text, "structures": names}) == line:
            return text, names
    return line, []


def practice_line(practice: dict[str, Any]) -> str:
    text = one_line(practice.get("texte", ""))
    names = [n for n in practice.get("structures", []) if n]
    if not names:
        return text
    return f"{text} ({', '.join(structure_call(n) for n in names)})"


def header_lines(answers: dict[str, Any]) -> list[str]:
    """The front matter's chunks: read ones kept, changed ones rewritten, new ones added."""
    fields = answers.get("champs", {})

    def kept(key: str) -> bool:
        # An optional key cleared in the form goes.
        return key in REQUIRED or fields.get(key) not in (None, "", [])

    out: list[tuple[str | None, str]] = []
    for chunk in answers.get("entete", []):
        key, value = chunk.get("cle"), fields.get(chunk.get("cle"))
        if key not in FIELDS:
            out.append((key, chunk["brut"]))
        elif kept(key):
            out.append((key, chunk["brut"] if value == chunk.get("valeur") else entry(key, value)))
    read = {chunk.get("cle") for chunk in answers.get("entete", [])}
    for rank, key in enumerate(FIELDS):
        if key in read or not kept(key):
            continue
        # After the last key that comes before it, else after the leading comments.
        at = 0
        for index, (other, _) in enumerate(out):
            if (other is None and at == index) or other in FIELDS[:rank]:
                at = index + 1
        out.insert(at, (key, entry(key, fields.get(key))))
    return [text for _, text in out]


def view(answers: dict[str, Any]) -> dict[str, Any]:
    fields = answers.get("champs", {})
    raw_body = answers.get("corps_brut") or ""
    context = block_text(answers.get("contexte", ""))
    stakes = [
        {
            "titre": one_line(s.get("titre", "")),
            "type": one_line(s.get("type", "")),
            # An empty item would count as an item: a stake without one is reported.
            "points": [one_line(p) for p in s.get("points", []) if p.strip(" \t\r\n")],
        }
        for s in answers.get("enjeux", [])
    ]
    practices = [
        line for line in map(practice_line, answers.get("pratiques", [])) if line.strip(" \t\r\n")
    ]
    sections = [
        {"titre": one_line(s.get("titre", "")), "texte": block_text(s.get("texte", ""))}
        for s in answers.get("sections", [])
    ]
    # Template text only where the contributor wrote nothing of the body yet.
    template = bool(answers.get("nouvelle")) and not (
        raw_body or context or stakes or practices or sections
    )
    return {
        "entete": header_lines(answers),
        "corps_brut": raw_body,
        "contexte": context,
        "enjeux": stakes,
        "pratiques": practices,
        "sections": sections,
        **dict.fromkeys(_TEMPLATE_TEXT, template),
        **{f"aide_{key}": template and fields.get(key) in (None, "", []) for key in _OPTIONAL},
    }


@cache
def load_template() -> str:
    """The packaged template, so that `fiches new` works from any install."""
    path = resources.files("macros") / "templates" / "fiche.mustache"
    return path.read_text(encoding="utf-8")


@cache
def _parsed(template: str) -> ParsedTemplate:
    # The editor's data writes back every fiche: the template is parsed once.
    return pystache.parse(template)


class TemplateError(Exception):
    """The packaged template is broken; the message says how to restore it."""


def write_fiche_text(answers: dict[str, Any], template: str | None = None) -> str:
    # Markdown and YAML, not HTML: nothing is escaped; a missing name is a bug.
    renderer = pystache.Renderer(escape=lambda text: text, missing_tags="strict")
    values = view(answers)
    try:
        return str(renderer.render(_parsed(template or load_template()), values))
    except Exception as exc:  # pystache raises several kinds; all mean a broken template
        raise TemplateError(
            "le modèle macros/templates/fiche.mustache est illisible "
            f"({exc}) ; restaurez-le depuis l'historique Git"
        ) from None


def new_fiche_answers(
    *, numero: str, titre: str, themes: list[str], statut: str, created: dt.date
) -> dict[str, Any]:
    return {
        "nouvelle": True,
        "entete": [{"cle": None, "brut": MODELINE, "valeur": None}],
        "champs": {
            "numero": numero,
            "titre": titre,
            "themes": list(themes),
            "statut": statut,
            "date_creation": created.isoformat(),
        },
    }


def used_numbers(collection: Collection) -> dict[str, str]:
    """Number -> display path of the file that holds it, broken files included."""
    used: dict[str, str] = {}
    for shown in collection.files:
        stem = Path(shown).stem
        if FicheNumber.is_valid(stem):
            used[stem] = shown
    # A parsed fiche's own number wins over its file name (fiches/foo.md may say 2.1).
    for fiche in collection.fiches:
        used[str(fiche.number)] = fiche.source
    return used


def next_free_number(used: Iterable[str], chapter: int) -> str:
    """The rank after the highest one of `chapter`: gaps may be kept for announced fiches."""
    numbers = [FicheNumber(n) for n in used if FicheNumber.is_valid(n)]
    ranks = [n.parts[1] for n in numbers if len(n.parts) == 2 and n.chapter == chapter]
    return f"{chapter}.{max(ranks, default=0) + 1}"


def last_chapter(used: Iterable[str]) -> int:
    chapters = [FicheNumber(n).chapter for n in used if FicheNumber.is_valid(n)]
    return max(chapters, default=1)


def _chunks(yaml_text: str, values: dict[str, Any]) -> list[dict[str, Any]]:
    """Each top-level key with its indented or listed lines; comments on their own."""
    chunks: list[dict[str, Any]] = []
    for line in yaml_text.split("\n"):
        key_match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if key_match:
            key = key_match.group(1)
            chunks.append({"cle": key, "brut": line, "valeur": values.get(key)})
        elif chunks and chunks[-1]["cle"] is not None and line[:1] in (" ", "\t", "-"):
            chunks[-1]["brut"] += "\n" + line
        else:
            chunks.append({"cle": None, "brut": line, "valeur": None})
    return chunks


def _structured_body(body: str, display_path: str, first_line: int) -> dict[str, Any] | None:
    """The body as the form holds it; None when it is not laid out the usual way."""
    lines = body.split("\n")
    blocks = scan(body, display_path, first_line, Report())
    headings = [b for b in blocks if isinstance(b, Heading) and b.level in (2, 3)]

    def spans(level: int) -> list[tuple[Heading, list[str]]]:
        """Each heading of `level` or above, with the lines up to the next one."""
        heads = [h for h in headings if h.level <= level]
        bounds = [h.line - first_line for h in heads] + [len(lines)]
        return [(h, lines[s + 1 : e]) for h, (s, e) in zip(heads, pairwise(bounds), strict=True)]

    def items(content: list[str]) -> list[str] | None:
        kept = [line for line in content if line.strip()]
        return [line[2:] for line in kept] if all(k.startswith("- ") for k in kept) else None

    every, parts = spans(3), spans(2)
    if [h.title for h, _ in parts[:2]] != [CONTEXT, PRACTICES] or every[0][0] is not parts[0][0]:
        return None
    # The context's sub-headings are its stakes; an optional section keeps its own in its text.
    before = parts[1][0].line
    stakes = [(h, items(content)) for h, content in every if h.level == 3 and h.line < before]
    practices = items(parts[1][1])
    if practices is None or any(points is None for _, points in stakes):
        return None
    return {
        "contexte": block_text("\n".join(every[0][1])),
        "enjeux": [
            {"titre": h.title, "type": h.attrs.get(STAKE_ATTR, ""), "points": points}
            for h, points in stakes
        ],
        "pratiques": [{"texte": t, "structures": n} for t, n in map(read_credit, practices)],
        "sections": [{"titre": h.title, "texte": block_text("\n".join(c))} for h, c in parts[2:]],
    }


def answers_from_text(text: str, display_path: str) -> dict[str, Any] | None:
    """The answers that write `text` back byte for byte; None if there are none."""
    report = Report()
    parts = split(text, display_path, report, required=True)
    if parts is None:
        return None
    meta = load_yaml(parts.yaml_text, display_path, report, line_offset=parts.yaml_first_line - 1)
    if meta is None or not isinstance(meta.data, dict):
        return None
    data: dict[str, Any] = meta.data
    # The number as written («1.10», not 1.1); load_yaml gives dates as ISO
    # text, as the editor's JSON holds them.
    values = {**data, "numero": meta.raw.get(("numero",), str(data.get("numero", ""))).strip()}
    base: dict[str, Any] = {
        "nouvelle": False,
        "entete": _chunks(parts.yaml_text, values),
        "champs": {key: values[key] for key in FIELDS if key in data},
    }
    bodies = [
        _structured_body(parts.body, display_path, parts.body_first_line),
        # The template adds the last line break itself.
        {"corps_brut": parts.body[:-1]} if parts.body.endswith("\n") else None,
    ]
    for body in bodies:
        if body is not None and write_fiche_text(answers := {**base, **body}) == text:
            return answers
    return None
