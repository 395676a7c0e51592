"""The real pre-commit tool runs this repository's hook in a fresh git repo, with a tiny local model.

``pre-commit try-repo`` builds the hook's own virtualenv and pip-installs this project into it
(the committed HEAD, plus uncommitted changes to tracked files), so this tests the hook exactly as
users get it. PIP_CONSTRAINT pins torch to the CPU wheel on local disk; without it pip would fetch
a multi-GB CUDA build. About 1.5 minutes on an otherwise idle 2-core machine (about 85 s of CPU),
most of it the virtualenv install; marked slow, kept in the default run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.hook import END, START
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ("twir_2019-06-25.md", "swiftweekly_issue-201_short.md")


def _git(repo: Path, *args: str, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo_runs_the_hook(tmp_path: Path, tiny_bart: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and this project as a git checkout")
    repo = tmp_path / "newsletters"
    repo.mkdir()
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("torch==2.13.0\n", encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_CONSTRAINT": str(constraints),
        "SUMMARIZE_MODEL": str(tiny_bart),
        "SUMMARIZE_BACKEND": "transformers",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    env.pop("VIRTUAL_ENV", None)
    for name in LETTERS:
        shutil.copy(SHARED / "newsletters" / name, repo / name)
    (repo / "pyproject.toml").write_text("[tool.summarize]\npoints = 3\n", encoding="utf-8")
    _git(repo, "init", "-q", env=env)
    _git(repo, "add", ".", env=env)
    _git(repo, "commit", "-q", "-m", "newsletters", env=env)
    originals = {name: (repo / name).read_bytes() for name in LETTERS}

    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "summarize-newsletter", "--all-files"]
    first = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    for name in LETTERS:
        assert f"updated the summary block in {name}" in output
        text = (repo / name).read_text(encoding="utf-8")
        block = text[text.index(START) : text.index(END)]
        assert block.count("\n- ") == 3  # points from [tool.summarize]
        assert text.replace(block + END + "\n\n", "").encode() == originals[name]

    second = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
