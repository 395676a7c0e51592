"""Jupyter notebooks (summarize/text/notebooks.py): their Markdown cells are the text, code and outputs are not.
Before, a notebook was read as plain text and its summary was its JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from summarize.cli import cli

CELLS = [
    {
        "cell_type": "markdown",
        "metadata": {},
        "source": [
            "# Ferry timetable analysis\n",
            "\n",
            "This notebook looks at how the winter timetable cut crossings by a third and what that did to "
            "waiting times at Penzance.",
        ],
    },
    {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {},
        "outputs": [{"output_type": "stream", "name": "stdout", "text": ["Mean wait rose sharply this winter.\n"]}],
        "source": ["import pandas as pd\n", "df = pd.read_csv('ferries.csv')  # ```fenced``` in a comment"],
    },
    {
        "cell_type": "markdown",
        "metadata": {},
        "source": "Waiting times rose by 40 minutes on average, and the longest waits were on Monday mornings "
        "when commuters crossed.",
    },
]


def notebook(cells: list[dict[str, object]], version: int = 4) -> str:
    if version == 3:
        for cell in cells:
            if cell["cell_type"] == "code":
                cell["input"] = cell.pop("source")
        return json.dumps({"metadata": {}, "nbformat": 3, "worksheets": [{"cells": cells}]})
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--engine", "extractive", "-f", "json", *args], input=input)


def test_a_notebooks_markdown_cells_are_its_text(tmp_path: Path) -> None:
    for version in (4, 3):
        path = tmp_path / f"analysis{version}.ipynb"
        path.write_text(notebook([dict(c) for c in CELLS], version), encoding="utf-8")
        res = run(str(path))
        assert res.exit_code == 0, res.output
        out = json.loads(res.stdout)
        assert out["title"] == "Ferry timetable analysis"
        assert out["summary"].startswith("This notebook looks at how the winter timetable cut crossings")
        assert "40 minutes" in out["summary"]
        said = out["summary"] + " ".join(out["key_points"])
        for gone in ("cell_type", "pd.read_csv", "import pandas", "Mean wait rose", "nbformat"):
            assert gone not in said, gone  # no JSON, no code, no output


def test_a_notebook_is_known_by_its_content_too() -> None:
    res = run("-", input=notebook([dict(c) for c in CELLS]))
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["summary"].startswith("This notebook looks at")


def test_a_notebook_without_prose_or_with_bad_json_is_a_one_line_error(tmp_path: Path) -> None:
    code_only = tmp_path / "code.ipynb"
    code_only.write_text(notebook([dict(CELLS[1])]), encoding="utf-8")
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [', encoding="utf-8")
    for path, says in ((code_only, "has no prose to summarize"), (broken, "is not a readable Jupyter notebook")):
        res = CliRunner().invoke(cli, ["--engine", "extractive", str(path)])
        assert res.exit_code != 0
        line = res.output.strip().splitlines()[-1]
        assert str(path) in line and says in line and "Traceback" not in res.output
