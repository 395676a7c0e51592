"""The built wheel carries prompts/ and an installed (non-editable) package finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_prompt_templates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    wheel = next(dist.glob("summarize-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for template in sorted((ROOT / "prompts").glob("*.txt")):
        assert f"summarize/prompts/{template.name}" in names
    # The faithfulness check's common-word list is package data too.
    assert "summarize/text/common_en.txt" in names

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import summarize.engines.prompts as p\n"
        "print(p.prompts_dir())\n"
        "print(p.render('summary', text='BODY', words=50, language='English'))\n"
        "from summarize.text import mentions\n"
        "print('common words', len(mentions._common_en()), mentions.__file__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    ).stdout
    folder = out.splitlines()[0]
    # Found inside the installed package, not in this source checkout.
    assert folder == str(target / "summarize" / "prompts")
    assert "BODY" in out and "about 50 words" in out
    words_line = next(line for line in out.splitlines() if line.startswith("common words"))
    assert int(words_line.split()[2]) > 10_000 and str(target) in words_line
