"""Graph files that would exhaust memory when parsed are refused before any parser reads
them: a "billion laughs" RDF/XML file through every command that reads a graph."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
 <rdf:Description rdf:about="http://example.org/a"><ex:p>&h;&h;&h;&h;&h;&h;&h;&h;</ex:p></rdf:Description>
</rdf:RDF>
"""


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GiB: an expansion fails the test


@pytest.mark.parametrize(
    "args",
    [
        ["query", "{f}", "SELECT * {{ ?s ?p ?o }}"],
        ["stats", "{f}"],
        ["export", "{f}", "--format", "nt", "-o", "{out}"],
        ["validate", "{f}"],
    ],
    ids=["query", "stats", "export", "validate"],
)
def test_entity_expansion_is_refused_by_every_command(tmp_path, args):
    f = tmp_path / "laughs.rdf"
    f.write_text(LAUGHS, encoding="utf-8")
    argv = [a.format(f=f, out=tmp_path / "out.nt") for a in args]
    r = subprocess.run([sys.executable, "-m", "kg.cli", *argv], capture_output=True, text=True, cwd=ROOT,
                       timeout=120, preexec_fn=_limit_memory)
    assert r.returncode == 1, r.stderr
    assert r.stderr.count("\n") == 1 and "declares a DOCTYPE or entities" in r.stderr and str(f) in r.stderr


def test_plain_rdf_xml_is_still_read(tmp_path):
    f = tmp_path / "plain.rdf"
    f.write_text('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                 'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
                 "<ex:p>1</ex:p></rdf:Description></rdf:RDF>\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(f), "SELECT ?o { ?s ?p ?o }", "--format", "tsv"],
                       capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1].strip(chr(34)) == "1"
