"""A wheel built from the checkout, installed in a fresh virtual environment, is the whole
tool: it builds the seeds graph byte for byte as the checkout does, lists the ready-made
queries and validates against the shapes, reading only the files the wheel shipped (the
corrections file too: never one of the working folder).

This builds a real wheel (``pip wheel``) and installs it with its dependencies from the
package index (pip's wheel cache makes that quick after the first time), so it takes about
a minute; it is marked ``slow`` but runs in the normal suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
#: What a wheel is built from: the sources and their data, not the local state of a checkout.
_NOT_SOURCES = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "outputs", "test-output",
                                      ".kgcache", "__pycache__", ".pytest_cache", ".ruff_cache")


def _run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    r = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"{args} exited {r.returncode}:\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}"
    return r


#: A page written for these tests, and corrections of it.
PAGE = "白桦社区党委书记赵文静介绍，社区推行“楼栋议事”机制，居民踊跃参加。\n"
SHIPPED_CORRECTION = "reject-entity\tPerson:赵文静\ttester\t2026-12-05\tshipped with the wheel\n"
LOCAL_CORRECTION = "reject-entity\tMechanism:楼栋议事\ttester\t2026-12-05\ta file of the working folder\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh venv with the wheel of this checkout installed; the
    wheel's corrections file holds one more line (:data:`SHIPPED_CORRECTION`)."""
    tmp = tmp_path_factory.mktemp("packaging")
    src = tmp / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=_NOT_SOURCES)  # the build writes build/ in its tree
    with (src / "ontology" / "corrections.tsv").open("a", encoding="utf-8") as f:
        f.write(SHIPPED_CORRECTION)  # names nothing of the seeds: their graph is not changed
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp / "dist", src], cwd=tmp)
    wheels = sorted((tmp / "dist").glob("grassroots_kg-*.whl"))
    assert len(wheels) == 1, wheels
    _run([sys.executable, "-m", "venv", tmp / "venv"], cwd=tmp)
    bin_ = tmp / "venv" / "bin"
    _run([bin_ / "python", "-m", "pip", "install", "--quiet", wheels[0]], cwd=tmp)
    return bin_


def _env(cache: Path) -> dict[str, str]:
    # no PYTHONPATH into the checkout; a cache of derived data of its own
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, "KG_CACHE_DIR": str(cache)}


def test_the_installed_package_reads_its_own_data_files(installed, tmp_path):
    r = _run([installed / "python", "-c", "import kg, kg.resources as r; print(kg.__file__); print(r.ONTOLOGY_DIR)"],
             cwd=tmp_path, env=_env(tmp_path / "cache"))
    module, ontology = (Path(line) for line in r.stdout.splitlines())
    venv = installed.parent
    assert module.is_relative_to(venv) and ontology.is_relative_to(venv), r.stdout
    shipped = sorted(p.relative_to(ontology).as_posix() for p in ontology.rglob("*") if p.is_file())
    in_checkout = sorted(p.relative_to(ROOT / "ontology").as_posix() for p in (ROOT / "ontology").rglob("*") if p.is_file())
    assert shipped == in_checkout


def test_a_wheel_install_builds_the_same_graph_lists_the_queries_and_validates(installed, tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")  # the same relative paths in both builds
    env = _env(tmp_path / "cache")
    _run([installed / "kg", "build", "seeds", "-o", "wheel-out"], cwd=tmp_path, env=env)
    _run([sys.executable, "-m", "kg.cli", "build", "seeds", "-o", "checkout-out"], cwd=tmp_path, env=env)
    for name in ("graph.ttl", "graph.html"):
        wheel, checkout = (tmp_path / out / name for out in ("wheel-out", "checkout-out"))
        assert wheel.read_bytes() == checkout.read_bytes(), f"{name} differs between the wheel and the checkout"

    listed = _run([installed / "kg", "query", "--list"], cwd=tmp_path, env=env).stdout
    names = sorted(p.stem for p in (ROOT / "ontology" / "queries").glob("*.rq"))
    assert names and all(f"@{n}" in listed for n in names), listed
    answer = _run([installed / "kg", "query", "wheel-out/graph.ttl", "@most-connected"], cwd=tmp_path, env=env).stdout
    assert len(answer.splitlines()) > 2, answer

    said = _run([installed / "kg", "validate", "wheel-out/graph.ttl"], cwd=tmp_path, env=env).stdout
    assert "conforms" in said, said


def test_a_wheel_applies_the_corrections_it_shipped_and_none_of_the_working_folder(installed, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ontology").mkdir()  # a working folder that looks like a checkout
    (tmp_path / "ontology" / "corrections.tsv").write_text(LOCAL_CORRECTION, encoding="utf-8")
    env = _env(tmp_path / "cache")
    _run([sys.executable, "-m", "kg.cli", "build", "in", "-o", "checkout-out"], cwd=tmp_path, env=env)
    _run([installed / "kg", "build", "in", "-o", "wheel-out"], cwd=tmp_path, env=env)
    checkout, wheel = ((tmp_path / out / "graph.ttl").read_text(encoding="utf-8") for out in ("checkout-out", "wheel-out"))
    assert '"赵文静"@zh' in checkout and '"赵文静"@zh' not in wheel  # the shipped correction applied
    assert '"楼栋议事"@zh' in checkout and '"楼栋议事"@zh' in wheel  # the working folder's file not read
