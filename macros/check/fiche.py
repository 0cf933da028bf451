"""One fiche file -> a `Fiche` model, with every problem reported at its line."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from macros.check import schemas
from macros.check.fiche_body import parenthetical_groups, parse_body, split_names
from macros.check.html_safety import check_yaml_text
from macros.check.macro_grammar import MAX_CONSTRUCTS, Macros, read_macros
from macros.check.markdown_blocks import Heading, scan
from macros.check.markdown_safety import check_markdown
from macros.check.references import report_plain_refs, resolve_calls
from macros.check.registries import Registries
from macros.core.diagnostics import Report, Severity
from macros.core.model import Fiche, FicheNumber, FormerNumber, PlainFicheRef
from macros.read.front_matter import split
from macros.read.yaml_reader import Located, load_yaml

_PLACEHOLDER = re.compile(r"\bà remplacer\b", re.I)
# `f(?<!\w.)` is `\bf` with the letter first, which the regex engine can look for quickly.
_TEXT_FICHE_REF = re.compile(r"f(?<!\w.)iches?\s+n\s*[°o]\s*(\d+(?:\.\d+)?)", re.I)


def parse_fiche(
    text: str, display_path: str, registries: Registries, report: Report
) -> Fiche | None:
    """Parse and check one fiche; None when it is too broken to index.

    Plain-text fiche numbers («fiche n°2.3») are left in `Fiche.plain_refs`
    for the collection to report (references.report_plain_refs).
    """
    parts = split(text, display_path, report, required=True)
    if parts is None:
        return None
    meta = load_yaml(parts.yaml_text, display_path, report, line_offset=parts.yaml_first_line - 1)
    meta_ok = False
    if meta is not None and not isinstance(meta.data, dict):
        report.error(
            display_path,
            parts.yaml_first_line,
            1,
            "entete-vide",
            "l'en-tête YAML doit contenir des clés (numero, titre, themes, statut)",
            "copiez l'en-tête d'une fiche existante ou lancez « fiches new »",
        )
    elif meta is not None:
        meta_ok = not schemas.validate(meta, "fiche", display_path, report, what="l'en-tête")
        meta_ok = check_yaml_text(meta, display_path, report) and meta_ok

    macros = read_macros(
        parts.body, display_path, parts.body_first_line, report, limit=MAX_CONSTRUCTS
    )
    calls = macros.calls
    check_markdown(parts.body, display_path, parts.body_first_line, report, macros)
    mentions, refs = resolve_calls(calls, registries, display_path, report)
    blocks = scan(parts.body, display_path, parts.body_first_line, report, macros)
    stakes, practices = parse_body(
        blocks, calls, parts.body, registries, display_path, parts.body_first_line, report
    )
    plain_refs = _unlinked_names(blocks, macros, registries, display_path, report)
    pieces = _pieces(blocks, macros)

    number = _number(meta, display_path, report) if meta_ok and meta is not None else None
    if meta is None or number is None:
        report_plain_refs(plain_refs, display_path, {}, report)
        return None
    data: dict[str, Any] = meta.data
    fiche = Fiche(
        number=number,
        title=data["titre"].strip(),
        source=display_path,
        themes=list(data["themes"]),
        status=data["statut"],
        created=data.get("date_creation"),
        updated=data.get("date_mise_a_jour"),
        summary=(data.get("resume") or "").strip(),
        keywords=list(data.get("mots_cles", [])),
        authors=list(data.get("redaction", [])),
        search=dict(data.get("search") or {}),
        body=parts.body,
        body_first_line=parts.body_first_line,
        stakes=stakes,
        practices=practices,
        mentions=mentions,
        fiche_refs=refs,
        former=_former_numbers(meta),
        plain_refs=plain_refs,
        release_note=(data.get("note_de_version") or "").strip(),
        pieces=pieces,
        macros=macros,
        headings=[block for block in blocks if isinstance(block, Heading)],
    )
    _check_meta(fiche, meta, registries, display_path, report)
    _placeholders(fiche, display_path, report)
    return fiche


def _pieces(blocks: list[Any], macros: Macros) -> dict[str, list[Any]]:
    """Each block text that holds calls, split at them from the body's one reading."""
    found: dict[str, list[Any]] = {}
    for block in blocks:
        if isinstance(block, Heading) or "{" not in block.text:
            continue
        split = macros.pieces_of(block.text, block.line, block.end_line)
        if split is not None:
            found[block.text] = split
    return found


def _number(meta: Located, display_path: str, report: Report) -> FicheNumber | None:
    raw = meta.raw.get(("numero",), str(meta.data["numero"])).strip()
    if not FicheNumber.is_valid(raw):
        if isinstance(meta.data["numero"], str):
            return None  # the schema's pattern already said so
        line, column = meta.where(["numero"])
        report.error(
            display_path,
            line,
            column,
            "numero-invalide",
            f"numéro de fiche mal formé « {raw} »",
            "écrivez le numéro entre guillemets sous la forme chapitre.rang, "
            'par exemple numero: "1.5"',
        )
        return None
    return FicheNumber(raw)


def _former_numbers(meta: Located) -> list[FormerNumber]:
    """`anciens_numeros`, as written (`2.10` stays «2.10»); the schema checked the form."""
    found = []
    for i, value in enumerate(meta.data.get("anciens_numeros", [])):
        raw = meta.raw.get(("anciens_numeros", i), str(value)).strip()
        if FicheNumber.is_valid(raw):
            found.append(FormerNumber(raw, *meta.where(["anciens_numeros", i])))
    return found


def _placeholders(fiche: Fiche, display_path: str, report: Report) -> None:
    """Template text left in place: fine while drafting, not once published."""
    # The case-blind search is slow: most bodies are spared it. No character
    # but those of «à remplacer» and «À» folds to its letters.
    if "à remplacer" not in fiche.body.lower():
        return
    for offset, line in enumerate(fiche.body.split("\n")):
        match = _PLACEHOLDER.search(line)
        if match is None:
            continue
        published = fiche.status == "publiee"
        report.add(
            display_path,
            fiche.body_first_line + offset,
            match.start() + 1,
            Severity.ERROR if published else Severity.INFO,
            "texte-a-remplacer",
            "texte du modèle encore en place" + (" dans une fiche publiée" if published else ""),
            "remplacez ce passage « à remplacer » par le vrai texte, ou supprimez-le"
            if published
            else "remplacez ce passage avant de passer la fiche en « publiee »",
        )


def _check_meta(
    fiche: Fiche, meta: Located, registries: Registries, display_path: str, report: Report
) -> None:
    data = meta.data
    stem = PurePosixPath(display_path).stem
    if stem != str(fiche.number):
        line, column = meta.where(["numero"])
        report.error(
            display_path,
            line,
            column,
            "numero-fichier",
            f"le fichier s'appelle « {stem}.md » mais la fiche porte le numéro « {fiche.number} »",
            f"renommez le fichier en « {fiche.number}.md » ou corrigez le numéro",
        )
    if "chapitre" in data and data["chapitre"] != fiche.chapter:
        line, column = meta.where(["chapitre"])
        report.error(
            display_path,
            line,
            column,
            "chapitre-incoherent",
            f"chapitre {data['chapitre']} alors que le numéro « {fiche.number} » "
            f"est dans le chapitre {fiche.chapter}",
            "supprimez la clé « chapitre » : elle se déduit du numéro",
        )
    for index, slug in enumerate(fiche.themes):
        if slug not in registries.themes:
            registries.unknown_theme(slug, display_path, *meta.where(["themes", index]), report)
    if fiche.status == "publiee" and not fiche.themes:
        line, column = meta.where(["themes"])
        report.error(
            display_path,
            line,
            column,
            "themes-vides",
            "une fiche publiée doit avoir au moins un thème",
            "ajoutez un thème du registre, ou gardez « statut: brouillon »",
        )
    for index, slug in enumerate(fiche.authors):
        if slug not in registries.structures:
            where = meta.where(["redaction", index])
            registries.unknown_structure(slug, display_path, *where, report)


def _unlinked_names(
    blocks: list[Any], macros: Macros, registries: Registries, display_path: str, report: Report
) -> list[PlainFicheRef]:
    """Names written as plain text where a macro would credit or link them.

    Structures are reported here; fiche numbers are returned, to be reported
    once every fiche's former numbers are known (the fix names the current one).
    """
    found: list[PlainFicheRef] = []
    texts = [block for block in blocks if not isinstance(block, Heading)]
    plains = [macros.remove_calls(b.text) for b in texts]
    # One search over all the texts, joined by a character no match can hold
    # or follow, says whether any holds a fiche number: usually none does.
    numbers = _TEXT_FICHE_REF.search("\x00".join(plains)) is not None
    for block, plain in zip(texts, plains, strict=True):
        opened = "(" in block.text
        if numbers and (opened or "fiche" in block.text.casefold()):
            for match in _TEXT_FICHE_REF.finditer(plain):
                found.append(PlainFicheRef(match.group(1), match.group(0), block.line, 1))
        if not opened:
            continue  # removing macros adds no parenthesis: no group to read
        for part in (p for g in parenthetical_groups(plain) for p in split_names(g)):
            structure = registries.find_structure(part)
            if structure is not None:
                report.info(
                    display_path,
                    block.line,
                    1,
                    "structure-non-liee",
                    f"« {part} » est écrit en texte simple",
                    f'écrivez {{{{ structure("{structure.short_name}") }}}} '
                    "pour créditer et lier la structure",
                )
    return found
