"""Where a project's fiches, registries and pages live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# mkdocs.yml's theme.custom_dir.
THEME_DIR = "overrides"
REGISTRY_FILES = {
    "structures": "structures.yml",
    "themes": "themes.yml",
    "chapitres": "chapitres.yml",
    "enjeux": "enjeux.yml",
    "glossaire": "glossaire.yml",
}


@dataclass(frozen=True)
class ProjectPaths:
    root: Path
    fiches_dir: Path
    registries_dir: Path
    docs_dir: Path

    @classmethod
    def at(
        cls,
        root: Path,
        *,
        fiches: str = "fiches",
        registries: str = "fiches/registres",
        docs: str = "docs",
    ) -> ProjectPaths:
        root = root.resolve()
        return cls(root, root / fiches, root / registries, root / docs)

    def display(self, path: Path) -> str:
        """Paths in messages are relative to the project, as a contributor sees them."""
        if path.is_absolute() and path.is_relative_to(self.root) and ".." not in path.parts:
            return path.relative_to(self.root).as_posix()  # no symlink to resolve inside
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def content_dirs(self) -> list[Path]:
        """The folders whose files reach the site: contributor content, and the
        theme's overrides (MkDocs copies its static files as well)."""
        return [self.fiches_dir, self.registries_dir, self.docs_dir, self.root / THEME_DIR]

    def registry(self, name: str) -> Path:
        return self.registries_dir / REGISTRY_FILES[name]

    def fiche_files(self) -> list[Path]:
        # All in one folder: ordering by name is the paths' order, and cheaper.
        return sorted(self.fiches_dir.glob("*.md"), key=lambda path: path.name)

    def page_files(self) -> list[Path]:
        return sorted(self.docs_dir.rglob("*.md")) if self.docs_dir.is_dir() else []

    def static_files(self) -> list[Path]:
        """Every other file under docs/, which MkDocs copies into the site as it is."""
        if not self.docs_dir.is_dir():
            return []
        return sorted(
            p
            for p in self.docs_dir.rglob("*")
            if p.is_file() and p.suffix != ".md" and not p.name.startswith(".")
        )


def find_root(start: Path) -> Path | None:
    """The nearest folder, from `start` upwards, that holds mkdocs.yml."""
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None
