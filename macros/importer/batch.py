"""Importing a batch of exports: each one read, converted, checked, then written or not.

An input with any error writes nothing and does not stop the others. What the
validation of the generated fiche finds is reported at the export line it
comes from: the export is what the contributor has at hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from macros.check.fiche import parse_fiche
from macros.core.diagnostics import Report, Severity
from macros.core.project import ProjectPaths
from macros.core.safe_write import AlreadyExists, write_fiche
from macros.importer.convert import Converted, convert
from macros.importer.text_export import Export, parse_export
from macros.index.collection import Collection
from macros.read.sources import decode

# Why an input was skipped, by the code of its first error (summary lines).
REASONS = {
    "import-lecture": "fichier illisible",
    "encodage": "fichier qui n'est pas en UTF-8",
    "import-entete-absent": "en-tête « ••• FICHE » absent",
    "import-entete-en-double": "plusieurs fiches dans un même export",
    "import-numero-invalide": "numéro de fiche mal formé",
    "import-titre-absent": "titre absent",
    "import-texte-hors-section": "texte hors section",
    "import-section-manquante": "section obligatoire absente",
    "import-section-en-double": "section écrite deux fois",
    "import-section-ordre": "sections dans le désordre",
    "import-pratiques-vides": "aucune pratique",
    "import-numero-en-double": "numéro déjà importé dans ce lot",
    "import-fiche-existante": "fiche déjà existante",
    "import-numero-deja-utilise": "numéro déjà pris par une autre fiche",
    "import-fiche-invalide": "fiche produite invalide",
    "import-ecriture": "écriture impossible",
}


@dataclass
class Outcome:
    source: str  # the input as the contributor named it
    report: Report = field(default_factory=Report)
    target: str | None = None  # display path of the fiche, once known
    replaced: bool = False

    @property
    def failure(self) -> str | None:
        """The code of the first error; None when imported."""
        return next((d.code for d in self.report.items if d.severity == Severity.ERROR), None)


@dataclass
class Importer:
    paths: ProjectPaths
    collection: Collection
    dest: Path
    force: bool
    themes: list[str]
    today: dt.date
    batch: dict[str, str] = field(default_factory=dict)  # number -> input that claimed it

    @cached_property
    def taken(self) -> dict[str, str]:
        """Numbers of the collection, where the imported fiches land among them."""
        if self.dest.resolve() != self.paths.fiches_dir.resolve():
            return {}
        return {str(f.number): f.source for f in self.collection.fiches}

    def run_one(self, path: Path, shown: str) -> Outcome:
        outcome = Outcome(shown)
        report = outcome.report
        try:
            raw = path.read_bytes()
        except OSError as exc:
            report.error(
                shown,
                1,
                1,
                "import-lecture",
                f"impossible de lire l'export : {exc.strerror or exc}",
                "vérifiez le chemin et les droits du fichier",
            )
            return outcome
        text = decode(raw, shown, report)
        if text is None:
            return outcome
        export = parse_export(text, shown, report)
        if export.number in self.batch:
            report.error(
                shown,
                export.header_line,
                1,
                "import-numero-en-double",
                f"le numéro « {export.number} » est déjà celui de "
                f"{self.batch[export.number]} dans cet import",
                "corrigez le numéro de l'une des deux fiches, ou importez-les séparément",
            )
        elif export.number is not None:
            self.batch[export.number] = shown
        if report.has_errors or export.number is None:
            return outcome
        target = self.dest / f"{export.number}.md"
        outcome.target = self.paths.display(target)
        registries = self.collection.registries
        converted = convert(export, registries, themes=self.themes, today=self.today)
        for line, column, name in converted.unknown:
            report.warning(
                shown,
                line,
                column,
                "import-structure-inconnue",
                f"« {name} » ressemble à un nom de structure absent du registre : "
                "laissé en texte simple",
                f"pour la créditer et la lier, ajoutez-la à {registries.source()}, "
                f'puis écrivez {{{{ structure("{name}") }}}} dans la fiche',
            )
        self._validate(converted, export, outcome.target, report)
        self._check_target(export, target, outcome)
        if report.has_errors:
            return outcome
        try:
            outcome.replaced = write_fiche(target, converted.text, replace=self.force)
        except AlreadyExists:
            self._exists(export, outcome)
        except OSError as exc:
            report.error(
                shown,
                1,
                1,
                "import-ecriture",
                f"impossible d'écrire {outcome.target} : {exc.strerror or exc}",
                "vérifiez que le dossier de destination existe et est modifiable",
            )
        if outcome.replaced:
            report.info(
                shown,
                export.header_line,
                1,
                "import-fiche-remplacee",
                f"{outcome.target} existait : remplacée (--force)",
                "l'ancienne version reste dans l'historique Git",
            )
        return outcome

    def _validate(self, converted: Converted, export: Export, target: str, report: Report) -> None:
        checks = Report()
        parse_fiche(converted.text, target, self.collection.registries, checks)
        for diag in checks.items:
            if diag.severity < Severity.WARNING:
                continue  # infos (e.g. a fiche cited but not yet written) do not block
            report.error(
                export.path,
                converted.lines.get(diag.line, export.header_line),
                1,
                "import-fiche-invalide",
                f"la fiche produite ne serait pas valide ({diag.code}) : {diag.message}",
                diag.hint or "corrigez l'export à cette ligne",
            )

    def _check_target(self, export: Export, target: Path, outcome: Outcome) -> None:
        number = export.number
        other = self.taken.get(str(number))
        if other is not None and other != outcome.target:
            outcome.report.add(
                export.path,
                export.header_line,
                1,
                Severity.WARNING if self.force else Severity.ERROR,
                "import-numero-deja-utilise",
                f"le numéro « {number} » est {'aussi' if self.force else 'déjà'} celui de {other}",
                "la collection aura deux fiches de même numéro : renumérotez l'une d'elles"
                if self.force
                else "choisissez un numéro libre dans l'export, ou relancez avec "
                "--force pour importer quand même",
            )
        if not self.force and target.exists():
            self._exists(export, outcome)

    def _exists(self, export: Export, outcome: Outcome) -> None:
        outcome.report.error(
            export.path,
            export.header_line,
            1,
            "import-fiche-existante",
            f"{outcome.target} existe déjà : rien n'a été écrit",
            "relancez avec --force pour la remplacer, ou changez le numéro de l'export",
        )
