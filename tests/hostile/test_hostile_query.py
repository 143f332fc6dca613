"""SERVICE written every way the SPARQL grammar allows: refused by ``kg query`` (and by the
library, which ``kg serve``'s front shares) unless the host is allowed, and the forms are
real calls: allowed, each reaches a real listener on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.errors import QueryError
from kg.query import load_store_from_text, run_query

FORMS = [
    "SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE<{url}>{{ ?s ?p ?o }} }}",  # no space: one token after another
    "SELECT * {{ {{}}service silent<{url}> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICE # a comment between\n <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX far: <{url}>\nSELECT * {{ SERVICE far: {{ ?s ?p ?o }} }}",
]


@pytest.fixture
def store():
    return load_store_from_text('<urn:kg-test:a> <urn:kg-test:name> "石桥村" .')


@pytest.mark.parametrize("form", FORMS)
def test_every_form_of_service_is_refused_and_nothing_is_sent(form, listener, store):
    query = form.format(url=listener.url)
    with pytest.raises(QueryError, match="calls a remote service"):
        run_query(store, query)
    assert listener.hits == []


@pytest.mark.parametrize("form", FORMS[:4])
def test_the_same_forms_allowed_do_call_the_host(form, listener, store):
    run_query(store, form.format(url=listener.url), allow_service=["127.0.0.1"])
    assert listener.hits, "not a SERVICE call after all: the refusal above proves nothing"


def test_kg_query_refuses_service_without_a_space(listener, tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text('<urn:kg-test:a> <urn:kg-test:name> "石桥村" .\n', encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(ttl), FORMS[1].format(url=listener.url)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "calls a remote service" in r.stderr, r.stderr
    assert listener.hits == []


def test_a_word_service_in_an_iri_or_a_name_is_no_call(store):
    query = "SELECT * { ?s <http://schema.example/Service> ?o . ?s <urn:kg-test:SERVICE> ?SERVICE }"
    assert run_query(store, query).rows == []
