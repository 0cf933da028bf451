"""A corpus of hostile fiches and pages, checked and built with a secret in the environment.

tests/fixtures/hostile/ holds one file per payload: the issue's (commands
through `cycler`, the secret through `lipsum`, `config`, `environment`, a
rendering error, `render_macros: true`), the known Jinja sandbox escapes,
what mkdocs-macros itself offers a page (`macros_info()`, `now()`,
`fix_url()`, `context()`, `navigation`, `files`, `page`, `extra`, include,
arguments a macro does not take, macros in a page title), raw HTML,
dangerous URLs and hostile YAML. `expected.txt` is the exact report
(UPDATE_GOLDEN=1 rewrites it).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support import ROOT, build_site, copy_project, run_fiches

CORPUS = ROOT / "tests" / "fixtures" / "hostile"
SECRET = "s3cret-du-test-9f1c"
# What a leak would look like: the secret, `id`'s output, the config dump.
LEAK_MARKERS = (SECRET, "uid=", "gid=", "site_dir", "docs_dir", "__globals__", "Traceback")


def _payload_files() -> list[Path]:
    return sorted((CORPUS / "fiches").glob("*.md")) + sorted((CORPUS / "docs").glob("*"))


def _registry_errors(report: str) -> list[str]:
    return re.findall(r"^fiches/registres/structures\.yml:\d+:\d+: erreur: .*$", report, re.M)


def _payload_lines(path: Path) -> set[int]:
    """Lines of `path` that carry its payload (everything but the benign scaffold)."""
    benign = re.compile(
        r"^(---|# .*|numero: .*|statut: .*|themes:.*|  - projet-politique|## .*|"
        r"- Une pratique ordinaire .*|Texte\.|titre: Charge hostile .*|)$"
    )
    lines = path.read_text(encoding="utf-8").split("\n")
    return {n for n, line in enumerate(lines, start=1) if not benign.match(line)}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "projet", with_fiches=False)
    shutil.copytree(CORPUS / "fiches", project / "fiches", dirs_exist_ok=True)
    shutil.copytree(CORPUS / "docs", project / "docs", dirs_exist_ok=True)
    registry = project / "fiches" / "registres" / "structures.yml"
    extra = (CORPUS / "structures-en-plus.yml").read_text(encoding="utf-8")
    registry.write_text(registry.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project


def test_check_reports_every_payload_at_its_line(hostile: Path) -> None:
    result = run_fiches("check", "--sans-info", cwd=hostile, env={"SECRET": SECRET})
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    expected = CORPUS / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
    errors: dict[str, set[int]] = {}
    for match in re.finditer(r"^([\w./-]+):(\d+):\d+: erreur: ", result.stdout, re.M):
        errors.setdefault(match.group(1), set()).add(int(match.group(2)))
    for path in _payload_files():
        shown = path.relative_to(CORPUS).as_posix()
        payload = _payload_lines(path)
        assert payload, shown
        assert errors.get(shown, set()) & payload, f"{shown}: no error on lines {payload}"
    assert len(_payload_files()) >= 45
    # The appended registry entry: a quote in its name, markup and a link in its description.
    assert len(_registry_errors(result.stdout)) == 2


def test_build_fails_on_every_payload_and_leaks_nothing(hostile: Path) -> None:
    result = build_site(hostile, env={"SECRET": SECRET})
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "Traceback" not in log
    assert SECRET not in log
    # Exactly the errors `fiches check` reports, file, line and column included.
    check = run_fiches("check", "--sans-info", cwd=hostile)
    expected = {
        line.replace(": erreur: ", ": ", 1)
        for line in check.stdout.splitlines()
        if ": erreur: " in line
    }
    assert set(re.findall(r"^ERROR\s+-\s+mes-fiches: (.*)$", log, re.M)) == expected
    for path in _payload_files():
        shown = path.relative_to(CORPUS).as_posix()
        assert any(line.startswith(f"{shown}:") for line in expected), shown
    _assert_no_leak(hostile / "site", hostile)


def _assert_no_leak(site: Path, project: Path) -> None:
    for file in site.rglob("*") if site.exists() else []:
        if file.is_file():
            data = file.read_bytes()
            for marker in (*LEAK_MARKERS, str(project), str(project.resolve())):
                assert marker.encode() not in data, f"{marker!r} in {file}"


HARMLESS = """# Mise en forme permise

| Gauche | Centre | Droite |
| :--- | :---: | ---: |
| <abbr title="Économie sociale et solidaire">ESS</abbr> | 1<sup>er</sup> | H<sub>2</sub>O |

<details markdown>
<summary>Plus</summary>

Appuyez sur <kbd>Ctrl</kbd>, <mark>surligné</mark>, <small>petit</small>.<br>
[Site du MES](https://exemple.org/){ target=_blank rel=noopener }
</details>

Paragraphe avec attributs.
{ .note data-origine="test" }

```html
<script>alert("un exemple de code, affiché")</script>
```
"""


def test_pages_that_opt_out_show_payloads_as_text_and_leak_nothing(tmp_path: Path) -> None:
    """`render_macros: false` shows a page's braces as written: nothing runs.
    The same build shows that harmless markup passes both locks."""
    project = copy_project(tmp_path / "projet")
    (project / "docs" / "mise-en-forme.md").write_text(HARMLESS, encoding="utf-8")
    payloads = [
        line
        for path in _payload_files()
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if n in _payload_lines(path) and "{" in line and "<" not in line
    ]
    page = "---\nrender_macros: false\n---\n\n# Exemples\n\n" + "\n\n".join(
        f"`{line}`" for line in payloads
    )
    (project / "docs" / "exemples.md").write_text(page + "\n", encoding="utf-8")
    # Not strict: the extra page is deliberately left out of the nav.
    result = build_site(project, strict=False, env={"SECRET": SECRET})
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "exemples" / "index.html").read_text(encoding="utf-8")
    assert "cycler.__init__.__globals__" in html  # shown, not run
    assert SECRET not in html
    assert "uid=" not in html
    assert str(project) not in html
    shown = (project / "site" / "mise-en-forme" / "index.html").read_text(encoding="utf-8")
    assert 'style="text-align: center;"' in shown
    assert 'target="_blank"' in shown
    assert "&lt;script&gt;" in shown and "<script>alert" not in shown


def _blind_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, *, raises: type[BaseException]
) -> BaseException:
    """Build `project` in this process with the engine's check blinded on
    purpose, so that only the gate in front of mkdocs-macros can refuse."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import macros.site.plugin as plugin_module
    from macros.index.collection import load_collection

    def blind(*args: object, **kwargs: object) -> object:
        collection = load_collection(*args, **kwargs)  # type: ignore[arg-type]
        collection.report.items = [d for d in collection.report.items if d.severity < 2]
        return collection

    monkeypatch.setattr(plugin_module, "load_collection", blind)
    monkeypatch.setenv("SECRET", SECRET)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    with pytest.raises(raises) as caught:
        build(config)
    return caught.value


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("fiches/9.1.md", "fiches/9.1.md", "fiches/9.1.md:11:1: construction refusée"),
        ("fiches/9.48.md", "fiches/9.48.md", "fiches/9.48.md:11:1: macro inconnue « macros_info »"),
        ("fiches/9.55.md", "fiches/9.55.md", "fiches/9.55.md:11:1: nombre ou nom d'arguments"),
        ("docs/render-macros.md", "docs/piege.md", "docs/piege.md:8:1: construction refusée"),
        ("docs/render-macros-vrai.md", "docs/piege.md", "docs/piege.md:7:1: nom inconnu"),
        ("docs/titre-macro.md", "docs/piege.md", "docs/piege.md:1:1: titre de page"),
        ("docs/titre-h1.md", "docs/piege.md", "docs/piege.md:1:1: construction refusée"),
    ],
)
def test_gate_stops_a_payload_the_check_missed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    source: str,
    target: str,
    expected: str,
) -> None:
    """Blind the engine's check on purpose: the gate in front of mkdocs-macros
    still refuses, in a real build, with the check's message, file and line,
    whatever the page's front matter says, and nothing runs or is written."""
    from mkdocs.exceptions import Abort

    project = copy_project(tmp_path / "projet")
    shutil.copy2(CORPUS / source, project / target)
    _blind_build(project, monkeypatch, raises=Abort)
    assert f"mes-fiches: {expected}" in caplog.text
    assert "page refusée avant le rendu des macros" in caplog.text
    assert "Traceback" not in caplog.text
    assert SECRET not in caplog.text and "uid=" not in caplog.text
    _assert_no_leak(project / "site", project)


def test_a_macro_that_fails_for_another_reason_fails_the_build(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """mkdocs-macros (on_error_fail) stops the build, naming the page and the error."""
    import macros.render.links as links

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("panne simulée du lien de structure")

    monkeypatch.setattr(links, "structure_link", broken)
    project = copy_project(tmp_path / "projet")
    stopped = _blind_build(project, monkeypatch, raises=SystemExit)
    assert isinstance(stopped, SystemExit) and stopped.code not in (0, None)
    assert "panne simulée du lien de structure" in caplog.text
    assert re.search(r"_File_: `[^`]+\.md`", caplog.text)
