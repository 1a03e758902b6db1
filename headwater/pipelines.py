"""The 0.x import path `headwater.pipelines`: re-exports the legacy API of `headwater.legacy`."""

from headwater.legacy.pipelines import BasePipeline, pipeline

__all__ = ["BasePipeline", "pipeline"]
