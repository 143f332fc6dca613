"""The hostile suite: every kind of hostile input or client, what it gets, and the tests
that hold it to that. The README's promise table ("Hostile input") must say exactly what
:data:`PROMISES` says, row for row; every test named here must exist.

Kinds, by the point of issue 13 they come from:

 1. SERVICE in a query (``kg query``, ``kg serve``): refused unless ``--allow-service HOST``;
    a foreign Host header at ``kg serve`` (DNS rebinding): 403.
 2. A planted or damaged ``OUT/.kgcache`` entry: ignored, reported, extracted again
    (JSON checked by digest, never a pickle).
 3. A query that runs on: stopped by ``--timeout`` (``kg query``; ``kg serve`` answers 503
    and restarts its Oxigraph server); a ``kg serve`` client that leaves: its query stopped.
 4. XML with a DOCTYPE or entities (billion laughs): refused before parsing.
 5. A symbolic link out of the input folder: reported, not read.
 6. Formula-like CSV cells, control characters in GraphML/GEXF: neutralised.
 7. A file name that is not UTF-8: built, escaped.
 8. Big5 without a marker: read as Big5.
 9. NUL bytes in text, UTF-16/32 without a byte-order mark: read, with a note;
    real binary data: reported, skipped.
10. A folder that cannot be listed: reported as failed, the rest built.
11. One very large file: built; its cost grows with its size, not its square
    (``benchmarks/bench_scale.py`` prints the figures).
12. A build run from another working directory: the same bytes; two builds into one
    folder: the second refused; ``kg serve`` killed outright: its server goes too.
13. Usage mistakes: one line, exit 2.
14. Output paths that cannot be used: one line naming them, before any work.
15. A malformed or unreachable ``--scheduler``: one line at once, exit 2.
16. A node breaking a property shape and a SPARQL constraint: ``kg validate`` lists both.
17. Query mistakes (no query, unknown prefix, an update, a folder, ``| head``): one line.

Points 18-20 of the issue are not hostile input (vague aliases, an HTML click on a hidden
edge, ``make run``'s set-up): their tests are ``tests/test_resolve.py``
(``test_forms_read_only_in_context_are_no_aliases``) and ``tests/test_html_browser.py``
(``test_a_hidden_edges_statement_opens_without_errors``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
README = TESTS.parent / "README.md"
TABLE_HEAD = "| hostile input or client | what it gets |"

#: (kind, what it gets, [tests]) — the README's table, row for row.
PROMISES: list[tuple[str, str, list[str]]] = [
    ("a binary file (an image, an archive, an executable)", "reported, skipped",
     ["test_encodings.py::test_real_binary_data_is_still_refused_as_binary",
      "test_robust.py::test_each_bad_file_is_reported_on_one_line"]),
    ("a few NUL bytes amid text; UTF-16/32 without a byte-order mark; Big5", "read, with a note",
     ["test_encodings.py::test_a_page_with_a_nul_byte_in_the_middle_is_read_with_a_note",
      "test_encodings.py::test_utf16_and_utf32_without_a_byte_order_mark_are_read",
      "test_encodings.py::test_a_big5_build_finds_the_places_and_the_quoted_practice"]),
    ("a symbolic link out of the input folder",
     "reported, not read (`--follow-symlinks` reads it); link loops end",
     ["test_inputs.py::test_symlinks_out_of_the_input_folder_are_reported_not_read",
      "test_inputs.py::test_follow_symlinks_reads_the_links_out_and_loops_end"]),
    ("a file name that is not UTF-8",
     "built, its bytes escaped (`bad\\xff.txt`) in the graph and the report",
     ["test_inputs.py::test_a_file_name_that_is_not_utf8_is_built_like_any_other"]),
    ("a folder that cannot be listed", "reported as failed; the rest is built",
     ["test_inputs.py::test_a_folder_that_cannot_be_listed_is_a_failure",
      "test_inputs.py::test_a_folder_without_read_permission_is_reported_by_kg_build"]),
    ("a damaged or planted entry in `OUT/.kgcache`",
     "ignored and reported, the file extracted again: entries are JSON with a digest, never pickles",
     ["test_cache.py::test_a_planted_pickle_is_never_unpickled",
      "test_cache.py::test_an_entry_that_fails_its_digest_is_rejected_and_extracted_again"]),
    ("one very large file",
     "built, its cost in proportion to its size: 16 MiB takes 6.6× the CPU of 1 MiB (goal ≤ 20×; figures below)",
     ["test_robust.py::test_a_50_mb_file_is_read_only_up_to_the_limit"]),
    ("a graph file in XML declaring a DOCTYPE or entities",
     "refused by `kg query`, `stats`, `export`, `validate` before parsing",
     ["test_rdfsafety.py::test_entity_expansion_is_refused_by_every_command"]),
    ("a query with `SERVICE <…>`",
     "refused by `kg query` and `kg serve` (HTTP 403) unless `--allow-service HOST` names the host",
     ["test_query_safety.py::test_kg_query_refuses_a_service_call_and_sends_nothing",
      "test_query_safety.py::test_an_allowed_host_is_called",
      "hostile/test_hostile_query.py::test_every_form_of_service_is_refused_and_nothing_is_sent",
      "hostile/test_hostile_query.py::test_the_same_forms_allowed_do_call_the_host",
      "hostile/test_hostile_serve.py::test_service_is_refused_and_the_target_never_contacted",
      "hostile/test_hostile_serve.py::test_service_to_an_allowed_host_is_followed"]),
    ("a query that runs on",
     "stopped by `kg query --timeout` (60 s by default) and `kg serve --timeout` (30 s; HTTP 503, its Oxigraph server restarted)",
     ["test_query_safety.py::test_a_query_that_never_ends_is_stopped_by_its_timeout",
      "hostile/test_hostile_serve.py::test_a_query_that_runs_on_gets_503_and_is_stopped"]),
    ("a `kg serve` client that leaves before its answer", "its query stopped",
     ["hostile/test_hostile_serve.py::test_a_query_whose_client_leaves_is_stopped"]),
    ("a request to `kg serve` naming another host (DNS rebinding)", "HTTP 403",
     ["hostile/test_hostile_serve.py::test_a_foreign_host_header_is_refused"]),
    ("an update or a store write sent to `kg serve`", "HTTP 403",
     ["hostile/test_hostile_serve.py::test_updates_and_writes_are_refused_by_the_front",
      "test_store.py::test_kg_serve_answers_queries_and_refuses_updates"]),
    ("`kg serve` killed outright (SIGKILL)",
     "its Oxigraph server dies with it; the next `kg serve` removes the store it left",
     ["hostile/test_hostile_serve.py::test_sigkill_of_kg_serve_takes_its_oxigraph_server_along"]),
    ("a build killed at any moment (SIGKILL, Ctrl-C)",
     "the previous outputs whole; the next build removes what it left",
     ["test_robust.py::test_sigkill_leaves_the_previous_outputs_whole",
      "test_robust.py::test_sigint_stops_cleanly_and_leaves_the_previous_outputs",
      "test_robust.py::test_stale_temporary_files_of_dead_builds_are_removed"]),
    ("the same input built from another working directory",
     "the same bytes: paths start at the input folder's name (`seeds/001.txt`)",
     ["hostile/test_hostile_outputs.py::test_a_build_writes_the_same_bytes_from_any_working_directory"]),
    ("a second build into a folder a build is writing",
     "refused at once with one line (`OUT/.kglock`); the first goes on",
     ["hostile/test_hostile_outputs.py::test_a_second_build_into_a_busy_folder_is_refused_and_the_first_finishes"]),
    ("names beginning with `=`, `+`, `-`, `@` in a CSV export; control characters in GraphML/GEXF",
     "quoted for spreadsheets; replaced by U+FFFD in XML",
     ["test_formats.py::test_csv_neutralises_formulas_in_every_text_cell",
      "test_formats.py::test_xml_formats_replace_control_characters"]),
    ("an output path that cannot be used (a file where a folder goes, a folder not writable)",
     "one line naming it, before any work (exit 2, or 1 if not writable)",
     ["test_paths.py::test_kg_build_into_a_file_says_one_line_and_exits_2",
      "test_paths.py::test_kg_build_into_a_folder_it_cannot_write_says_one_line_and_exits_1",
      "test_paths.py::test_kg_export_to_a_path_it_cannot_use_says_one_line_and_exits_2"]),
    ("a malformed or unreachable `--scheduler`", "one line, exit 2",
     ["test_parallel.py::test_kg_build_refuses_a_malformed_scheduler_at_once",
      "test_parallel.py::test_kg_build_with_an_unreachable_scheduler_says_one_line"]),
    ("a node breaking a property shape and a SPARQL constraint at once", "`kg validate` lists both",
     ["test_validate.py::test_one_node_breaking_a_property_shape_and_a_sparql_shape_lists_both"]),
    ("a query mistake (no query, an undeclared prefix, an update, a folder, output piped to `head`)",
     "one short line",
     ["test_query_safety.py::test_query_mistakes_are_one_short_line",
      "test_query_safety.py::test_a_folder_is_named_as_a_folder",
      "test_query_safety.py::test_a_reader_that_stops_early_is_no_error"]),
    ("a usage mistake", "one line in the user's terms, exit 2",
     ["test_cli.py::test_usage_errors_exit_2_with_one_line_in_the_users_terms",
      "test_cli.py::test_no_arguments_shows_the_help_and_exits_2"]),
]


def readme_table() -> list[tuple[str, str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(TABLE_HEAD)
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 2, line
        rows.append((cells[0], cells[1]))
    return rows


def test_the_readme_promises_exactly_what_the_suite_checks():
    assert readme_table() == [(kind, outcome) for kind, outcome, _ in PROMISES]


def _defined_tests(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


@pytest.mark.parametrize("kind, tests", [(k, t) for k, _, t in PROMISES], ids=[k[:40] for k, _, _ in PROMISES])
def test_every_promise_is_held_by_tests_that_exist(kind, tests):
    assert tests, kind
    for ref in tests:
        path, name = ref.split("::")
        assert name in _defined_tests(TESTS / path), f"{kind}: {ref} does not exist"


def test_the_docstring_lists_every_point_of_the_issue():
    numbered = [line.split(".", 1)[0].strip() for line in __doc__.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert numbered == [str(i) for i in range(1, 18)]
