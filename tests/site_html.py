"""Reading a built site: links, ids and their targets."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    classes: str


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.sources: list[str] = []
        self._open: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self._open.append((values["href"], values.get("class", ""), []))
        if tag in ("img", "script") and values.get("src"):
            self.sources.append(values["src"])
        if tag == "link" and values.get("href"):
            self.sources.append(values["href"])

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, classes, parts = self._open.pop()
            self.links.append(Link(href, " ".join("".join(parts).split()), classes))


def parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal `href` of `page` points to; None if external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page, unquote(parts.fragment)
    target = posixpath.normpath(
        posixpath.join(page.parent.relative_to(site).as_posix(), unquote(parts.path))
    )
    path = site / target
    if href.split("#")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def links_to(site: Path, page: Path, target_dir: str) -> list[Link]:
    """Links of `page` that resolve to `site/<target_dir>/index.html`."""
    wanted = (site / target_dir / "index.html").resolve()
    found = []
    for link in parse(page).links:
        resolved = resolve(site, page, link.href)
        if resolved and resolved[0].resolve() == wanted:
            found.append(link)
    return found


def dead_links(site: Path) -> list[str]:
    """Every internal link or asset whose file or fragment does not exist."""
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in sorted(site.rglob("*.html")):
        collected = parse(page)
        ids[page.resolve()] = collected.ids
    for page in sorted(site.rglob("*.html")):
        if page == site / "404.html":
            continue  # served at any depth, so MkDocs writes it with root-absolute URLs
        collected = parse(page)
        for href in [link.href for link in collected.links] + collected.sources:
            resolved = resolve(site, page, href)
            if resolved is None:
                continue
            target, fragment = resolved
            rel = page.relative_to(site)
            if not target.exists():
                problems.append(f"{rel}: {href} (fichier absent)")
            elif (
                fragment
                # «#structure=pes-21&…» is the catalogue's filter state, not an anchor:
                # tests/acceptance/test_catalogue_site.py checks those.
                and "=" not in fragment
                and target.suffix == ".html"
                and fragment not in ids.get(target.resolve(), set())
            ):
                problems.append(f"{rel}: {href} (ancre absente)")
    return problems
