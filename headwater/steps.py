"""The 0.x import path `headwater.steps`: re-exports the legacy API of `headwater.legacy`."""

from headwater.legacy.steps import BaseParameters, BaseStep, BaseStepConfig, Output, step

__all__ = ["BaseParameters", "BaseStep", "BaseStepConfig", "Output", "step"]
