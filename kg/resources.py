"""The data files the tool reads at run time, found inside the installed package.

The project keeps them in the top-level ``ontology/`` folder, where users edit them in a
checkout; ``kg/ontology`` is a symbolic link to that folder, so the same files are
``importlib.resources.files("kg") / "ontology"`` in a checkout, in an editable install and
in a wheel (whose build copies the files the link points at into the package, see
``[tool.setuptools.package-data]`` in ``pyproject.toml``).  An installed tool therefore
reads the ontology, the shapes, the ready-made queries, the alias table and the
corrections file it was built with, and builds the same graph as the checkout.

>>> sorted(p.name for p in ONTOLOGY_DIR.glob("*.ttl"))[:2]
['kg.ttl', 'shapes.ttl']
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .errors import InputError

__all__ = ["ALIASES_FILE", "CORRECTIONS_FILE", "FORMER_NAMES_FILE", "NATIONAL_BODIES_FILE", "ONTOLOGY_DIR",
           "ONTOLOGY_FILE", "QUERIES_DIR", "SHAPES_FILE", "require"]


def _ontology_dir() -> Path:
    found = files(__package__) / "ontology"
    # A package imported as files (not from a zip archive) hands out real paths; resolved,
    # so a checkout names ontology/... rather than the link kg/ontology/...
    return Path(str(found)).resolve()


#: ``ontology/`` of the checkout, or its copy inside an installed package.
ONTOLOGY_DIR: Path = _ontology_dir()
#: The ontology (classes and properties).
ONTOLOGY_FILE: Path = ONTOLOGY_DIR / "kg.ttl"
#: The SHACL shapes ``kg validate`` checks against by default.
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"
#: The ready-made queries: ``<name>.rq``, each opening with a comment.
QUERIES_DIR: Path = ONTOLOGY_DIR / "queries"
#: The project's alias table (tab-separated: alias, canonical name, optional type).
ALIASES_FILE: Path = ONTOLOGY_DIR / "aliases.tsv"
#: Former names of divisions (呼伦贝尔盟 before it became 呼伦贝尔市), with their successors' codes.
FORMER_NAMES_FILE: Path = ONTOLOGY_DIR / "former_names.tsv"
#: The central bodies of the Party and the state, with their short forms (民政部, 中宣部, 全国妇联).
NATIONAL_BODIES_FILE: Path = ONTOLOGY_DIR / "national_bodies.tsv"
#: The project's corrections, applied by every build (see :mod:`kg.curate`).
CORRECTIONS_FILE: Path = ONTOLOGY_DIR / "corrections.tsv"


def require(path: Path) -> Path:
    """``path`` if it is there; else an :class:`InputError` saying the install is incomplete
    (a data file the package ships is missing, so the tool would quietly build another graph).

    >>> require(ONTOLOGY_FILE) == ONTOLOGY_FILE
    True
    >>> require(ONTOLOGY_DIR / "missing.ttl")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.InputError: ...missing.ttl: a data file of the kg package is missing (an incomplete install? reinstall grassroots-kg)
    """
    if not path.exists():
        raise InputError(str(path), "a data file of the kg package is missing (an incomplete install? reinstall grassroots-kg)")
    return path
