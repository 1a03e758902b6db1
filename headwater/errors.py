"""Every exception Headwater raises, in one tree.

HeadwaterError
├── DefinitionError        a step or pipeline is defined or wired wrongly (compile time)
├── StepFailedError        a step raised while a pipeline ran; carries the run's id
├── OutputTypeError        a step returned a value its return annotation does not allow
├── ConfigurationError     HEADWATER_HOME, a store URL or an artifact store URL is unusable
├── StoreError             the metadata store could not do what was asked
│   ├── EntityNotFoundError    no run, step, artifact, ... with that name or id
│   ├── EntityExistsError      a name that must be unique is taken
│   ├── FilterError            a list filter or sort key is malformed
│   ├── MetadataError          a metadata value has a type the store cannot keep
│   ├── InvalidValueError      a value is beyond what the database keeps (range, NUL, length)
│   ├── EntityInUseError       an entity others depend on cannot be deleted
│   ├── StackValidationError   a stack or component's settings are invalid
│   ├── StageConflictError     another model version holds the stage (pass force=True)
│   ├── StatusTransitionError  a run or step run cannot take that status (now, or ever)
│   └── RepeatedWriteError     a write with this idempotency key was applied already
├── ArtifactError          an artifact could not be saved, found or loaded
│   └── MaterializerError      no materializer fits a type, or one failed
└── IntegrationError       an integration is unknown, not installed, or failed to install
"""

from __future__ import annotations


class HeadwaterError(Exception):
    """Base of every error Headwater raises on purpose."""


class DefinitionError(HeadwaterError):
    """A step or pipeline definition is invalid; the message lists every problem."""


class StepFailedError(HeadwaterError):
    """A step raised during a run; the original exception is the `__cause__`."""

    def __init__(self, message: str, *, run_id: str, step_name: str) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.step_name = step_name


class OutputTypeError(HeadwaterError, TypeError):
    """A step returned a value of another type than its return annotation declares.

    Also a `TypeError`, so `except TypeError` around a pipeline call catches it.
    """


class ConfigurationError(HeadwaterError):
    """Headwater's configuration (home folder, store URL, artifact store) is unusable."""


class StoreError(HeadwaterError):
    """The metadata store failed to do what was asked."""


class EntityNotFoundError(StoreError):
    """No entity with the given name or id exists."""


class EntityExistsError(StoreError):
    """An entity with a name that must be unique already exists."""


class FilterError(StoreError):
    """A list filter or sort expression is malformed."""


class StageConflictError(StoreError):
    """A model version cannot take a stage another version holds without `force`."""


class MetadataError(StoreError):
    """A metadata key or value cannot be stored; the message lists every bad entry."""


class InvalidValueError(StoreError):
    """A value is outside what the database keeps: an integer beyond 64 bits, a NUL
    character, a name longer than its column. The caller's mistake, not the store's."""


class ArtifactError(HeadwaterError):
    """An artifact could not be saved, found or loaded."""


class MaterializerError(ArtifactError):
    """No materializer handles a type, or a materializer failed."""


class EntityInUseError(StoreError):
    """An entity cannot be deleted while others use it; the message names them."""


class StackValidationError(StoreError):
    """A stack or stack component is invalid; the message lists every problem."""


class IntegrationError(HeadwaterError):
    """An integration is unknown, its packages are missing, or installing them failed."""


class StatusTransitionError(StoreError):
    """A step run cannot start or finish with the given status, or already finished."""


class RepeatedWriteError(StoreError):
    """A write with this idempotency key was applied already; its answer is kept."""
