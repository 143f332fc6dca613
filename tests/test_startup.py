"""A one-page build starts lean: what it does not need, it does not import.

Speed itself is measured by ``benchmarks/bench_startup.py``; this checks the cause that is
easy to undo by accident: an import at the top of a module that pulls a heavy package into
every ``kg build`` (rdflib for Turtle, pyvis and with it IPython for the HTML view, pydantic
through typer 0.29, Dask for clusters, rich when ``-q`` shows no progress)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_BUILD = """
import json, sys
from kg.cli import app
code = None
try:
    app(["build", sys.argv[1], "-o", sys.argv[2], "-q", "--no-cache"])
except SystemExit as e:
    code = e.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NOT_NEEDED = ("rdflib", "pyvis", "IPython", "pydantic", "dask", "distributed", "rich", "jieba", "pyoxigraph",
              "kg.export.formats", "kg.export.rdf", "kg.vocab")


def test_a_one_page_build_imports_no_package_it_does_not_need(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("标题：某镇推行网格化管理\n\n东风镇向阳村党支部书记李明介绍，村里推行“网格化管理”机制。\n", encoding="utf-8")
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run fills the caches (and reads jieba's dictionary to do so)
        run = subprocess.run([sys.executable, "-c", _BUILD, str(page), str(tmp_path / "out")], capture_output=True,
                             text=True, timeout=300, env=env)
        assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, None)
    assert "kg:Person" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    loaded = set(result["modules"])
    assert [m for m in NOT_NEEDED if m in loaded] == []
