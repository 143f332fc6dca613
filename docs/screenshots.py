"""The screenshots in docs/: the seeds graph, the real development corpus and 20,000 entities.

    .venv/bin/python docs/screenshots.py [--real ../shared/real/texts]

Each graph is built with ``kg build`` (the 20,000-entity one is the real corpus replicated
as ``benchmarks/bench_html.py`` does), written with :func:`kg.export.html.write_html`, and
photographed at its first view at 1400×900 in headless Chromium, offline.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_html import CHROMIUM, CHROMIUM_ARGS, real_graph, replicate  # noqa: E402

from kg.export.html import write_html  # noqa: E402


def shoot(browser, g, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page_path = write_html(g, Path(tmp) / "graph.html")
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_path.as_uri())
        page.wait_for_function("() => window.kgApp && kgApp.timings.settled !== null")
        page.wait_for_timeout(500)
        page.screenshot(path=str(out))
        page.close()
    print(f"wrote {out}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "real" / "texts")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    seeds = real_graph(ROOT / "seeds")
    real = real_graph(args.real)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shoot(browser, seeds, ROOT / "docs" / "graph.png")
        shoot(browser, real, ROOT / "docs" / "real-graph.png")
        shoot(browser, replicate(real, 20_000), ROOT / "docs" / "graph-20k.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
