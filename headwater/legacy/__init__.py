"""The 0.x API of the first ZenML docs, as a thin layer over the modern one.

`headwater.steps`, `headwater.pipelines` and `headwater.post_execution` re-export what
lives here. Nothing here runs or stores anything itself: a 0.x pipeline compiles to a
modern `Pipeline` and runs through the one runner into the one store. Every entry point
warns once per process with a `LegacyApiWarning` naming its modern replacement.
"""

from headwater.legacy.deprecation import LegacyApiWarning

__all__ = ["LegacyApiWarning"]
