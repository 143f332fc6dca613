"""The ``kg`` command: a thin typer layer over the library.

Each command checks its arguments, calls one library function and prints.  Any
:class:`kg.errors.KgError` becomes one line on stderr and exit code 1 (bad input) or 2
(bad usage); never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import typer

from .errors import KgError, UsageError
from .failure import ExtractorFailure

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="grassroots-kg: build, query, export and check a knowledge graph of Chinese grassroots-governance news.",
    pretty_exceptions_enable=False,
)


def _fail(msg: str, code: int = 1) -> None:
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(code)


@contextmanager
def _deadline(seconds: float, message: str):
    """End this process with ``message`` (exit 1) if the block runs longer than ``seconds``:
    the engine runs in native code that no Python exception interrupts, and a one-shot
    command's unfinished work is best stopped with the process."""
    if not seconds:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        if not done.wait(seconds):
            sys.stdout.flush()
            sys.stderr.write(f"error: {message}\n")
            sys.stderr.flush()
            os._exit(1)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    try:
        yield
    finally:
        done.set()


def _load(path: Path):
    from .export.rdf import read_graph

    if not path.is_file():
        raise UsageError(f"{path}: no such graph file")
    return read_graph(path)


@app.command()
def build(
    inputs: list[Path] = typer.Argument(..., help="Files, or folders searched recursively: .txt, .html/.htm/.mhtml, .pdf, .png/.jpg/.tif, .docx, .jsonl and .csv corpora."),
    output: Path = typer.Option(Path("outputs"), "-o", "--output", help="Folder for graph.ttl, graph.html and build-report.json."),
    aliases: list[Path] = typer.Option([], "--aliases", help="Extra alias table(s): alias<TAB>official name[<TAB>type]."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Leave out facts below this confidence."),
    jobs: int | None = typer.Option(None, "-j", "--jobs", min=1, show_default="number of cores", help="Worker processes that extract documents."),
    scheduler: str | None = typer.Option(None, "--scheduler", metavar="tcp://HOST:8786", help="Extract on this Dask cluster instead of local processes."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every file again, ignoring OUTPUT/.kgcache."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 if any file had a problem (by default only if nothing could be built)."),
    html_max_nodes: int | None = typer.Option(None, "--html-max-nodes", min=0, help="Draw at most this many nodes in graph.html."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar and no summary; problems are still reported."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="One line per file as it is done."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Read files and folders that symbolic links inside INPUTS lead to outside them (by default they are reported and skipped)."),
    model: Path | None = typer.Option(None, "--model", help="Decision model written by `kg train` (default: the one shipped with kg)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Take the rules' proposals as they are, without the learned decisions."),
    corrections: list[Path] = typer.Option([], "--corrections", help="Corrections file(s) applied after ontology/corrections.tsv (see its header for the format)."),
    text_field: str = typer.Option("text", "--text-field", help="Corpora (.jsonl, .csv): the field holding an article's text."),
    title_field: str = typer.Option("title", "--title-field", help="Corpora: the field holding its title."),
    date_field: str = typer.Option("date", "--date-field", help="Corpora: the field holding its date (2024-03-05, 2024年3月5日 ...)."),
    url_field: str = typer.Option("url", "--url-field", help="Corpora: the field holding its URL."),
    source_field: str = typer.Option("source", "--source-field", help="Corpora: the field holding its outlet."),
    author_field: str = typer.Option("author", "--author-field", help="Corpora: the field holding its authors."),
    profile: bool = typer.Option(False, "--profile", help="Print the seconds each stage and each rule family took (on standard error)."),
    debug: bool = typer.Option(False, "--debug", help="Stop at the first extractor failure with its traceback, naming the document, sentence and stage (extracts in this process, without the cache)."),
) -> None:
    """Build the graph from INPUTS into OUTPUT/graph.ttl and OUTPUT/graph.html, with OUTPUT/build-report.json."""
    from .graph import counts
    from .pipeline import build as run_build
    from .progress import Progress, RichProgress
    from .read import CorpusFields
    from .report import one_line, profile_lines

    if quiet and verbose:
        raise UsageError("-q and -v contradict each other: choose one")
    progress = Progress() if quiet else RichProgress(verbose=verbose)
    try:
        result = run_build(
            inputs, output, aliases=[str(a) for a in aliases], min_confidence=min_confidence, jobs=jobs,
            scheduler=scheduler, cache=not no_cache, progress=progress, html_max_nodes=html_max_nodes,
            model=model, rules_only=rules_only, follow_symlinks=follow_symlinks, corrections=corrections,
            corpus_fields=CorpusFields(text_field, title_field, date_field, url_field, source_field, author_field),
            debug=debug, profile=profile,
        )
    finally:
        progress.stop()
    rep = result.report
    for path, problems in rep.by_file().items():
        typer.echo(one_line(path, problems), err=True)
    stale = (rep.corrections or {}).get("stale", [])
    for s in stale:
        typer.echo(f"warning: {s['line']}: {s['correction']}: not applied: {s['problem']}", err=True)
    if profile:
        for line in profile_lines(rep):
            typer.echo(line, err=True)
    if not quiet:
        c = counts(result.graph)
        cached = f", {rep.cached} from the cache" if rep.cached else ""
        typer.echo(f"files: {len(rep.files_read)} read{cached}, {len(rep.failures)} failed, {len(rep.by_file())} with problems")
        typer.echo("entities: " + ", ".join(f"{t} {n}" for t, n in c["entities"].items()) + f" (total {result.graph.number_of_nodes()})")
        typer.echo("relations: " + ", ".join(f"{t} {n}" for t, n in c["relations"].items()) + f" (total {result.graph.number_of_edges()})")
        if rep.corrections:
            done = ", ".join(f"{k} {n}" for k, n in rep.corrections["done"].items())
            typer.echo(f"corrections: {rep.corrections['applied']} applied, {len(stale)} not applied" + (f" ({done})" if done else ""))
        for o in result.outputs:
            typer.echo(f"wrote {o}")
        typer.echo(f"seconds: {rep.seconds:.1f}")
    if not rep.files_read:
        typer.echo("error: nothing could be built; the previous graph files are left as they were", err=True)
        raise typer.Exit(1)
    if strict and (rep.problems or stale):
        raise typer.Exit(1)


@app.command()
def query(
    graph: Path | None = typer.Argument(None, help="A graph file (Turtle, N-Triples ...)."),
    sparql: str | None = typer.Argument(None, help="The SPARQL query, or @NAME for a ready-made one (see --list)."),
    file: Path | None = typer.Option(None, "-f", "--file", help="Read the query from this file."),
    fmt: str = typer.Option("table", "--format", help="table, csv, tsv or json (SPARQL 1.1 results)."),
    store: Path | None = typer.Option(None, "--store", help="Keep the loaded graph in this folder and reuse it while the file is unchanged."),
    list_queries: bool = typer.Option(False, "--list", help="List the ready-made queries and exit."),
    allow_service: list[str] = typer.Option([], "--allow-service", metavar="HOST", help="Let SERVICE clauses call this host (repeatable); by default a query that calls a remote endpoint is refused."),
    timeout: float = typer.Option(60.0, "--timeout", min=0, metavar="SECONDS", help="Stop a query that runs longer than this (0: never)."),
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) on GRAPH with Oxigraph; common prefixes (kg:, rdfs:, skos: ...) are predeclared."""
    from .query import RESULT_FORMATS, get_ready_query, load_store, ready_queries, write_answer

    if list_queries:
        for q in ready_queries():
            typer.echo(f"@{q.name}\n    {q.summary}")
        return
    if graph is None:
        raise UsageError("give a graph file (or --list for the ready-made queries)")
    if sparql is None and file is None:
        raise UsageError("give a query: as an argument, @NAME for a ready-made one (--list), or -f FILE")
    if sparql is not None and file is not None:
        raise UsageError("give the query as an argument or with -f FILE, not both")
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown --format {fmt!r}; choose from {', '.join(RESULT_FORMATS)}")
    if file is not None:
        try:
            sparql = file.read_text(encoding="utf-8")
        except OSError as e:
            raise UsageError(f"{file}: {e.strerror}") from e
    elif sparql is not None and sparql.startswith("@"):
        sparql = get_ready_query(sparql).sparql
    if graph.is_dir():
        raise UsageError(f"{graph}: a folder, not a graph file (outputs/graph.ttl, say)")
    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    from .query import check_services

    check_services(sparql or "", allow_service)  # before loading anything
    with _deadline(timeout, f"the query ran longer than {timeout:g} s and was stopped (--timeout)"):
        try:
            write_answer(load_store(graph, store_dir=store), sparql or "", fmt, sys.stdout.buffer, allow_service=allow_service)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            # the reader has all it wanted (`| head`): not an error; nothing more to write
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@app.command()
def export(
    graph: Path = typer.Argument(..., help="A graph file (Turtle)."),
    fmt: str = typer.Option(..., "--format", help="jsonld, nt, trig (a graph per document), turtle, graphml, gexf or csv (Neo4j import layout)."),
    output: str = typer.Option("-", "-o", "--output", help="Output file (a folder for csv); - for standard output."),
) -> None:
    """Export GRAPH to another format (missing folders of OUTPUT are created)."""
    from .export.formats import check_output, get_exporter
    from .export.formats import export as run_export

    get_exporter(fmt)  # fails early with the list of formats
    if output != "-":
        check_output(fmt, output)  # a folder where a file goes (or the reverse), before loading
    g = _load(graph)
    run_export(g, fmt, sys.stdout if output == "-" else output)


@app.command()
def validate(
    graph: Path = typer.Argument(..., help="A graph file (Turtle)."),
    shapes: Path | None = typer.Option(None, "--shapes", help="SHACL shapes (default: ontology/shapes.ttl)."),
) -> None:
    """Check GRAPH against the SHACL shapes (with the ontology); exit 1 if it violates them."""
    from .validate import SHAPES_FILE, format_violation, is_violation
    from .validate import validate as run_validate

    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    results = run_validate(graph, shapes=shapes or SHAPES_FILE)
    for v in results:
        typer.echo(format_violation(v))
    violations = sum(1 for v in results if is_violation(v))
    if violations:
        kinds = sorted({v.kind for v in results if is_violation(v)})
        typer.echo(f"{graph}: {violations} violation(s) of {', '.join(kinds)}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{graph}: conforms ({len(results)} warning(s))" if results else f"{graph}: conforms")


@app.command()
def push(
    graph: Path = typer.Argument(..., help="A graph file (Turtle, N-Triples, JSON-LD)."),
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store or http://host:3030/ds/data."),
    graph_iri: str | None = typer.Option(None, "--graph", help="Named graph to replace (default: the default graph)."),
) -> None:
    """Load GRAPH into a SPARQL 1.1 Graph Store Protocol endpoint, replacing the graph there."""
    from .store import push as run_push

    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    done = run_push(graph, endpoint, graph=graph_iri)
    where = f"<{graph_iri}>" if graph_iri else "the default graph"
    typer.echo(f"pushed {done.triples} triples to {where} at {endpoint} (HTTP {done.status})")


@app.command()
def serve(
    graph: Path = typer.Argument(..., help="A graph file (Turtle, N-Triples ...)."),
    port: int = typer.Option(7878, "--port", min=1, max=65535, help="Port on 127.0.0.1."),
    timeout: float = typer.Option(30.0, "--timeout", min=0, metavar="SECONDS", help="Stop a query that runs longer than this (0: never); it gets HTTP 503."),
    allow_service: list[str] = typer.Option([], "--allow-service", metavar="HOST", help="Let SERVICE clauses call this host (repeatable); by default a query that calls a remote endpoint is refused."),
) -> None:
    """Serve GRAPH as a read-only SPARQL endpoint on 127.0.0.1 (Oxigraph) until interrupted."""
    import signal

    from .front import serve as run_serve

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)  # a terminated kg serve stops its server too
    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    try:
        run_serve(graph, port=port, timeout=timeout, allow_service=allow_service,
                  ready=lambda url: typer.echo(f"serving {graph} read-only: SPARQL endpoint {url} (Ctrl-C to stop)"))
    except KeyboardInterrupt:
        pass


@app.command()
def stats(graph: Path = typer.Argument(..., help="A graph file (Turtle)."), as_json: bool = typer.Option(False, "--json")) -> None:
    """Count entities and relations by type, places linked to the gazetteer, bodies placed."""
    from .graph import counts, documents_by_year, linking, placing

    g = _load(graph)
    c = counts(g)
    c["documents"] = len(g.graph.get("documents", {}))
    c["documents_by_year"] = documents_by_year(g)
    c["places_linked"] = linking(g)
    c["bodies_placed"] = placing(g)
    if as_json:
        typer.echo(json.dumps(c, ensure_ascii=False, indent=2))
        return
    typer.echo(f"documents: {c['documents']}")
    for year, n in c["documents_by_year"].items():
        typer.echo(f"  {year:<14}{n:>6}")
    typer.echo(f"entities: {g.number_of_nodes()}")
    for t, n in c["entities"].items():
        typer.echo(f"  {t:<14}{n:>6}")
    typer.echo(f"relations: {g.number_of_edges()}")
    for t, n in c["relations"].items():
        typer.echo(f"  {t:<14}{n:>6}")
    typer.echo("places linked to the gazetteer (linked/all, with adcode):")
    for t, row in c["places_linked"].items():
        typer.echo(f"  {t:<14}{row['linked']:>4}/{row['all']:<4}{row['adcode']:>4}")
    b = c["bodies_placed"]
    typer.echo(f"bodies based in a place their name names (kg:basedIn): {b['placed']}/{b['all']}")


@app.command()
def rules(
    graph: Path = typer.Argument(None, help="A graph file (Turtle): how often each rule fired in it."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List the extraction rules (id, kind, confidence, description) and how often each fired in GRAPH."""
    from .rulestats import fired, format_table, rule_table

    if graph is not None and not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    rows = rule_table(fired(graph) if graph is not None else None)
    if as_json:
        typer.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return
    typer.echo(format_table(rows))


@app.command("eval")
def eval_(
    graph: Path = typer.Argument(..., help="A graph file (Turtle or any RDF rdflib reads); with --cv, a folder of texts."),
    gold: Path = typer.Argument(..., help="A folder of gold files (see the annotation guideline)."),
    more: list[Path] = typer.Argument(None, help="With --cv: more TEXTS_DIR GOLD_DIR pairs."),
    errors: bool = typer.Option(False, "--errors", help="Also list what was missed and what is spurious."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    cv: int = typer.Option(0, "--cv", min=0, metavar="K", help="Grouped K-fold cross-validation of the learned decisions over the corpora given as TEXTS_DIR GOLD_DIR pairs."),
    learner: str = typer.Option(None, "--learner", metavar="NAME", help="Train every decision with this learner: logreg (logistic regression) or gbdt (boosted trees); default: the one chosen per decision."),
    weight: list[str] = typer.Option(None, "--weight", metavar="TEXTS_DIR=W", help="How much a corpus's examples count in training (default 1; for example 0.3 for pages written to imitate real ones). Repeat for several corpora."),
) -> None:
    """Score GRAPH against gold annotations: precision, recall and F1 per type and relation.

    With --cv K, train on K-1 folds of the documents of the given corpora and score the
    held-out fold, for the rules alone and with the learned decisions, side by side."""
    from .evaluate import evaluate, format_errors, format_table

    if cv:
        from .learn.train import (
            corpus_pairs,
            corpus_weights,
            cross_validate,
            format_cv,
            learners,
            load_all,
        )

        if cv < 2:
            raise UsageError("--cv needs at least 2 folds")
        learners(learner)  # an unknown name is an error before the corpora are read
        pairs = corpus_pairs([graph, gold, *(more or [])])
        weights = corpus_weights(weight or [], pairs)
        docs = load_all(pairs)
        typer.echo(format_cv(cross_validate(docs, cv, learner, weights=weights)), nl=False)
        return
    if learner or weight:
        raise UsageError(f"{'--learner' if learner else '--weight'} goes with --cv")
    if more:
        raise UsageError("one graph and one gold folder, or --cv K with TEXTS_DIR GOLD_DIR pairs")
    if not graph.is_file():
        raise UsageError(f"{graph}: no such graph file")
    if not gold.is_dir():
        raise UsageError(f"{gold}: not a folder of gold files")
    score = evaluate(graph, gold)
    if as_json:
        typer.echo(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
        return
    if errors:
        typer.echo(format_errors(score))
    typer.echo(format_table(score), nl=False)


@app.command()
def gold(
    documents: list[str] = typer.Argument(..., help="Document ids, or their files (the stem is the id), or folders of them."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder for one DOC.json per document (the guideline's gold format)."),
    graph: Path = typer.Option(Path("outputs/graph.ttl"), "--graph", help="The graph that says what the documents hold."),
) -> None:
    """Write what GRAPH says about each document as a gold file, for an annotator to correct (kg eval and kg train read them)."""
    from .curate.gold import document_ids, write_gold

    g = _load(graph)
    found, unknown = document_ids(g, documents)
    for path in write_gold(g, found, output):
        typer.echo(f"wrote {path}")
    for name in unknown:
        typer.echo(f"error: {name}: no such document in {graph}", err=True)
    if unknown:
        raise typer.Exit(1)


@app.command()
def diff(
    old: Path = typer.Argument(..., help="The graph before (Turtle)."),
    new: Path = typer.Argument(..., help="The graph after (Turtle)."),
    as_json: bool = typer.Option(False, "--json", help="Print the differences as JSON."),
) -> None:
    """Entities and facts added (+), removed (-) and changed (~) between two graphs, by type."""
    from .curate.diff import diff_graphs, format_diff

    d = diff_graphs(_load(old), _load(new))
    if as_json:
        typer.echo(json.dumps(d.as_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(format_diff(d), nl=False)


@app.command()
def train(
    corpora: list[Path] = typer.Argument(..., help="TEXTS_DIR GOLD_DIR pairs: texts and their gold files (the guideline's format)."),
    output: Path = typer.Option(Path("model.json"), "-o", "--output", help="Where to write the model (JSON)."),
    learner: str = typer.Option(None, "--learner", metavar="NAME", help="Train every decision with this learner: logreg (logistic regression) or gbdt (boosted trees); default: the one chosen per decision."),
    weight: list[str] = typer.Option(None, "--weight", metavar="TEXTS_DIR=W", help="How much a corpus's examples count in training (default 1; for example 0.3 for pages written to imitate real ones). Repeat for several corpora."),
) -> None:
    """Learn the decisions (which bodies, people and practices to take, who implements what) from annotated corpora."""
    from .learn.train import corpus_pairs, corpus_weights, learners, train_to_file

    learners(learner)  # an unknown name is an error before the corpora are read
    pairs = corpus_pairs(corpora)
    model = train_to_file(pairs, output, learner, corpus_weights(weight or [], pairs))
    n = sum(c["documents"] for c in model.meta.get("trained_on", []))
    typer.echo(f"trained on {n} documents: " + ", ".join(
        f"{k} {v.summary()}" for k, v in model.decisions.items()))
    typer.echo(f"wrote {output}")


def main() -> None:
    """Entry point: run the app, turning library errors into one line and an exit code."""
    try:
        rc = app(standalone_mode=False)
        if rc == 130:  # typer's answer to Ctrl-C; outputs are written atomically, nothing is torn
            typer.echo("interrupted", err=True)
        sys.exit(rc if isinstance(rc, int) else 0)
    except KgError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except ExtractorFailure:  # kg build --debug: the traceback is what was asked for
        raise
    except Exception as e:  # click usage errors and anything unforeseen: one line, no traceback
        kinds = {c.__name__ for c in type(e).__mro__}
        if "UsageError" in kinds or "ClickException" in kinds:
            # click's, or the copy of click that typer bundles: usage errors exit 2
            message = _usage_message(e)
            if message:
                typer.echo(f"error: {message}", err=True)
            sys.exit(2 if "UsageError" in kinds else getattr(e, "exit_code", 1))
        typer.echo(f"error: {type(e).__name__}: {e}", err=True)
        sys.exit(1)


def _usage_message(e: Exception) -> str:
    """A usage error in the words the user typed: the option as written, an argument by the
    name the help shows (GRAPH)."""
    param = getattr(e, "param", None)
    if type(e).__name__ == "MissingParameter" and param is not None and not getattr(param, "opts", [""])[0].startswith("-"):
        return f"missing argument {param.name.upper()} (see --help)"
    return e.format_message()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
