"""grassroots-kg: a knowledge graph of Chinese grassroots-governance news.

The pipeline reads one way: :mod:`kg.read` → :mod:`kg.extract` → :mod:`kg.resolve` →
:mod:`kg.graph` → :mod:`kg.export`.  :func:`kg.pipeline.build` runs it end to end.
"""

__version__ = "0.1.0"
