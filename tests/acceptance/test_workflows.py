"""GitHub workflows, pre-commit hooks and editor settings: valid, and doing what they claim."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import ROOT, copy_project, run_fiches

WORKFLOWS = ROOT / ".github" / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def _validate_workflow(path: Path) -> subprocess.CompletedProcess[str]:
    """The schema check-jsonschema vendors, as its pre-commit hook applies it."""
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as the boolean true.
    triggers = workflow.get("on", workflow.get(True))
    assert isinstance(triggers, dict)
    return triggers


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _run_index(steps: list[dict[str, Any]], pattern: str) -> int:
    """Index of the first step whose `run` matches `pattern`; fails if none."""
    for index, step in enumerate(steps):
        if re.search(pattern, step.get("run", "")):
            return index
    raise AssertionError(f"aucune étape ne lance {pattern!r}")


def _uses(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    for step in steps:
        if step.get("uses", "").split("@")[0] == action:
            return step
    raise AssertionError(f"aucune étape n'utilise {action}")


def test_check_jsonschema_is_installed() -> None:
    assert CHECK_JSONSCHEMA.is_file(), "check-jsonschema manque : pip install -e '.[dev]'"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.y*ml")), ids=lambda p: p.name)
def test_workflow_matches_the_github_schema(path: Path) -> None:
    result = _validate_workflow(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_both_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS.glob("*.yml")} >= {"pull-request.yml", "deploy.yml"}


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        # A job without `runs-on`: GitHub refuses the workflow.
        ({"on": "pull_request", "jobs": {"j": {"steps": [{"run": "make test"}]}}}, "runs-on"),
        # A step that both runs a command and uses an action.
        (
            {
                "on": "push",
                "jobs": {
                    "j": {
                        "runs-on": "ubuntu-latest",
                        "steps": [{"run": "x", "uses": "actions/checkout@v6"}],
                    }
                },
            },
            "$.jobs.j",
        ),
        # A misspelt event name.
        (
            {
                "on": "pull_requests",
                "jobs": {"j": {"runs-on": "ubuntu-latest", "steps": [{"run": "x"}]}},
            },
            "$.on",
        ),
    ],
)
def test_a_broken_workflow_fails_the_validation(
    tmp_path: Path, broken: dict[str, Any], expected: str
) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    result = _validate_workflow(path)
    assert result.returncode != 0
    assert "Schema validation errors" in result.stdout + result.stderr
    assert expected in result.stdout + result.stderr


def test_pull_request_workflow_checks_builds_then_tests() -> None:
    workflow = _load(WORKFLOWS / "pull-request.yml")
    triggers = _triggers(workflow)
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert str(workflow["env"]["NO_MKDOCS_2_WARNING"]) == "1"

    # Debian's chromium package, as on the project's machines.
    assert workflow["jobs"]["verifier"]["container"] == "python:3.11-bookworm"
    steps = _steps(workflow)
    _uses(steps, "actions/checkout")

    install = _run_index(steps, r"pip install -e '\.\[dev\]'")
    check = _run_index(steps, r"(^|\s)fiches check\b")
    build = _run_index(steps, r"mkdocs build --strict")
    chromium = _run_index(steps, r"apt-get update && apt-get install -y chromium")
    tests = _run_index(steps, r"(^|\s)make test\b")
    assert install < check < build < tests
    assert chromium < tests
    assert steps[build]["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    # The annotations need GITHUB_ACTIONS, which the runner sets: nothing may unset it.
    assert "GITHUB_ACTIONS" not in json.dumps(workflow)


def test_deploy_workflow_publishes_a_strict_build_to_pages() -> None:
    workflow = _load(WORKFLOWS / "deploy.yml")
    triggers = _triggers(workflow)
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False

    steps = _steps(workflow)
    check = _run_index(steps, r"(^|\s)fiches check\b")
    build = _run_index(steps, r"mkdocs build --strict --site-dir site")
    assert check < build
    assert steps[build]["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    _uses(steps, "actions/configure-pages")
    assert _uses(steps, "actions/upload-pages-artifact")["with"]["path"] == "site"
    deploy = _uses(steps, "actions/deploy-pages")

    deploy_job = next(job for job in workflow["jobs"].values() if deploy in job["steps"])
    assert deploy_job["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy_job["environment"]["name"] == "github-pages"
    assert deploy_job["needs"] in workflow["jobs"]
    # Nothing else in the workflow may write to the repository.
    assert workflow["permissions"] == {"contents": "read"}


def _fiches_hook() -> dict[str, Any]:
    config = _load(ROOT / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    return next(hook for hook in hooks if shlex.split(hook["entry"])[:2] == ["fiches", "check"])


def test_pre_commit_runs_fiches_check_on_content_files() -> None:
    hook = _fiches_hook()
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    for path in (
        "fiches/1.5.md",
        "fiches/registres/themes.yml",
        "docs/index.md",
        "docs/contribuer/index.md",
    ):
        assert files.search(path), path
    for path in ("macros/core/model.py", "mkdocs.yml", "README.md", "tests/fixtures/seed.txt"):
        assert not files.search(path), path


def test_pre_commit_hook_entry_fails_on_a_broken_fiche(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "projet")
    fiche = project / "fiches" / "1.5.md"
    arguments = shlex.split(_fiches_hook()["entry"])[1:]
    assert run_fiches(*arguments, "fiches/1.5.md", cwd=project).returncode == 0
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace("statut: publiee", "statut: fini"),
        encoding="utf-8",
    )
    result = run_fiches(*arguments, "fiches/1.5.md", cwd=project)
    assert result.returncode == 1
    assert "fiches/1.5.md:" in result.stdout


def test_pre_commit_validates_workflows_with_a_released_check_jsonschema() -> None:
    config = _load(ROOT / ".pre-commit-config.yaml")
    repo = next(
        r
        for r in config["repos"]
        if r["repo"] == "https://github.com/python-jsonschema/check-jsonschema"
    )
    assert re.fullmatch(r"\d+\.\d+\.\d+", repo["rev"]), "épinglez une version publiée"
    assert "check-github-workflows" in {hook["id"] for hook in repo["hooks"]}


def test_vscode_maps_every_registry_to_its_schema() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = {
        (ROOT / schema).resolve(): target for schema, target in settings["yaml.schemas"].items()
    }
    registries = sorted((ROOT / "fiches" / "registres").glob("*.yml"))
    assert registries
    for registry in registries:
        schema = (ROOT / "macros" / "schemas" / f"{registry.stem}.schema.json").resolve()
        assert schema.is_file(), schema
        assert mapping.get(schema) == f"fiches/registres/{registry.name}"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_fiches_carry_the_schema_modeline() -> None:
    # VS Code cannot map a schema onto Markdown front matter: the modeline does it.
    for fiche in sorted((ROOT / "fiches").glob("*.md")):
        lines = fiche.read_text(encoding="utf-8").splitlines()
        assert lines[1] == "# yaml-language-server: $schema=../macros/schemas/fiche.schema.json"


def test_vscode_task_shows_check_problems_inline(tmp_path: Path) -> None:
    """The default build task runs `fiches check`; its matchers read every message line."""
    tasks = json.loads((ROOT / ".vscode" / "tasks.json").read_text(encoding="utf-8"))
    (task,) = [t for t in tasks["tasks"] if t["label"] == "fiches check"]
    assert task["args"] == ["check"] and task["command"].endswith("/.venv/bin/fiches")
    assert task["group"] == {"kind": "build", "isDefault": True}
    matchers = {m["severity"]: re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"]}
    assert set(matchers) == {"error", "warning", "info"}

    project = copy_project(tmp_path / "projet")
    fiche = project / "fiches" / "1.5.md"
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace('structure("ARDES")', 'structure("ARDEZ")', 1),
        encoding="utf-8",
    )
    result = run_fiches("check", cwd=project)
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines
    for line in lines:
        caught = [severity for severity, regexp in matchers.items() if regexp.match(line)]
        assert len(caught) == 1, line
        match = matchers[caught[0]].match(line)
        assert match is not None
        assert (project / match.group(1)).is_file()
    error = next(line for line in lines if ": erreur: " in line)
    assert matchers["error"].match(error).group(1, 2) == ("fiches/1.5.md", "34")  # type: ignore[union-attr]
