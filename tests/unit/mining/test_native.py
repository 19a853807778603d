"""The compiled mining modules: in use after `make setup`, mining exactly what their sources mine, and
never hiding an edit to a source."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.corpus import read_document
from desktop.core.mining import native
from desktop.core.mining.text import content_lines, split_clauses, split_sentences
from tests.conftest import REPO_ROOT, SEEDS_DIR

# Mines the texts of a JSON file with the `desktop` package under argv[1]; prints which modules loaded
# compiled and every phrase found.
CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from desktop.core.mining import native
from desktop.core.mining.miner import mine_text
texts = json.load(open(sys.argv[2], encoding="utf-8"))
phrases = [p.to_json() for i, text in enumerate(texts) for p in mine_text(text, f"t{i}")]
print(json.dumps({"compiled": native.loaded_compiled(), "phrases": phrases}, ensure_ascii=False))
"""


def _mine_with(root: Path, texts_file: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(texts_file)],
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def _copy_package(target: Path, with_extensions: bool) -> Path:
    ignored = ["__pycache__"] + ([] if with_extensions else ["*.so", "*.pyd", native.DIGESTS])
    shutil.copytree(REPO_ROOT / "desktop", target / "desktop", ignore=shutil.ignore_patterns(*ignored))
    (target / "resources").symlink_to(REPO_ROOT / "resources")  # word lists the extractors read
    return target


def _texts() -> list[str]:
    """The seeds, and 、-parts and clauses of the seeds recombined at random into runs never written."""
    seeds = [read_document(path).text for path in sorted(SEEDS_DIR.glob("*.txt"))]
    sentences = [s for text in seeds for line in content_lines(text) for s in split_sentences(line)]
    clauses = [clause for sentence in sentences for clause in split_clauses(sentence)]
    parts = [part for clause in clauses if "、" in clause for part in clause.split("、")]
    rng = random.Random(11)
    recombined = [
        "\n".join(
            "、".join(rng.sample(parts, rng.choice([2, 3, 4]))) + "，" + "，".join(rng.sample(clauses, 3)) + "。"
            for _ in range(80)
        )
        for _ in range(5)
    ]
    return seeds + recombined


def test_every_mining_module_runs_compiled():
    assert native.stale() == [], "the compiled mining modules are older than their sources: run `make setup`"
    assert native.loaded_compiled() == list(native.MODULES), "`make setup` compiles them (needs gcc)"


def test_sources_mine_exactly_what_the_extensions_mine(tmp_path):
    texts_file = tmp_path / "texts.json"
    texts_file.write_text(json.dumps(_texts(), ensure_ascii=False), encoding="utf-8")
    compiled = _mine_with(REPO_ROOT, texts_file)
    sources = _mine_with(_copy_package(tmp_path / "sources", with_extensions=False), texts_file)
    assert compiled["compiled"] == list(native.MODULES) and sources["compiled"] == []
    assert len(compiled["phrases"]) > 500
    assert sources["phrases"] == compiled["phrases"]


@pytest.mark.parametrize("edited", [None, "heading"])
def test_an_edited_source_is_never_hidden_by_its_extension(tmp_path, edited):
    """One edited module makes every module load from source: the compiled ones call each other in C."""
    root = _copy_package(tmp_path, with_extensions=True)
    mining = root / "desktop" / "core" / "mining"
    if edited:
        with (mining / f"{edited}.py").open("a", encoding="utf-8") as source:
            source.write("\nEDITED = True\n")
    assert native.stale(mining) == ([] if edited is None else [edited])
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from desktop.core.mining import native, heading;"
        "print(len(native.loaded_compiled()), getattr(heading, 'EDITED', False))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(root)], capture_output=True, text=True, timeout=120, cwd=root
    )
    assert result.returncode == 0, result.stderr
    if edited:
        assert result.stdout.split() == ["0", "True"]
        assert "stale (heading)" in result.stderr
    else:
        assert result.stdout.split() == [str(len(native.MODULES)), "False"]
        assert "stale" not in result.stderr


def test_stale_without_a_record_of_what_was_compiled(tmp_path):
    root = _copy_package(tmp_path, with_extensions=True)
    mining = root / "desktop" / "core" / "mining"
    assert native.extensions(mining) and native.stale(mining) == []
    (mining / native.DIGESTS).unlink()
    assert native.stale(mining) == list(native.MODULES)
    for extension in native.extensions(mining):
        extension.unlink()
    assert native.stale(mining) == []  # nothing compiled: nothing to hide a source
