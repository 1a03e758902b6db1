"""Every exception Headwater raises, in one tree.

HeadwaterError
├── DefinitionError        a step or pipeline is defined or wired wrongly (compile time)
├── StepExecutionError     a step raised while a pipeline ran; the user's error is its cause
├── OutputTypeError        a step returned a value its return annotation does not allow
├── NotCanonicalError      a value has no canonical JSON form (for hashing)
├── ConfigurationError     HEADWATER_HOME, a store URL or an artifact store URL is unusable
│   └── RunRefusedError        an orchestrator refused a run before its first step (stopped)
├── StoreError             the metadata store could not do what was asked
│   ├── EntityNotFoundError    no run, step, artifact, ... with that name or id (a KeyError)
│   ├── EntityExistsError      a name that must be unique is taken
│   ├── FilterError            a list filter or sort key is malformed
│   ├── MetadataError          a metadata value has a type the store cannot keep
│   ├── InvalidValueError      a value is beyond what the database keeps (range, NUL, length)
│   ├── EntityInUseError       an entity others depend on cannot be deleted
│   ├── StackValidationError   a stack or component's settings are invalid
│   ├── StageConflictError     another model version holds the stage (pass force=True)
│   ├── ApprovalError          an approval request cannot take this vote or request
│   │   └── ApprovalRequiredError  a stage change needs approvals first (request it)
│   ├── StatusTransitionError  a run or step run cannot take that status (now, or ever)
│   ├── RepeatedWriteError     a write with this idempotency key was applied already
│   └── AccessError            the server refused the caller
│       ├── NotAuthenticatedError  no valid credentials (HTTP 401)
│       └── PermissionDeniedError  the caller may not do this (HTTP 403)
├── ArtifactError          an artifact could not be saved, found or loaded
│   ├── MaterializerError      no materializer fits a type, or one failed
│   └── VisualizationError     a chart or table a materializer emits is malformed
├── IntegrationError       an integration is unknown, not installed, or failed to install
├── ComparisonError        runs cannot be compared as asked (too few, too many, repeated)
├── DataValidationError    a validation step found failed expectations (when asked to fail)
├── StatementError         a SQL store's statement failed (internal: stores raise StoreError)
│   ├── StatementIntegrityError  a constraint refused it
│   └── StatementDataError       the database cannot hold a bound value
└── ApiError               a request a route refuses, with its HTTP status and code
    └── TooManyLoginAttempts   a 429 after too many failed logins, with its Retry-After
"""

from __future__ import annotations

from typing import Any


class HeadwaterError(Exception):
    """Base of every error Headwater raises on purpose."""


class DefinitionError(HeadwaterError):
    """A step or pipeline definition is invalid; the message lists every problem."""


class StepExecutionError(HeadwaterError):
    """A step's function raised; the step run is recorded as failed.

    The user's exception is the `__cause__`; the runner re-raises it to the caller.
    """

    def __init__(self, step_name: str, traceback_text: str) -> None:
        super().__init__(f"Step '{step_name}' failed.")
        self.step_name = step_name
        self.traceback_text = traceback_text


class NotCanonicalError(HeadwaterError, TypeError):
    """A value has no canonical JSON form (callers turn this into a clear message)."""


class OutputTypeError(HeadwaterError, TypeError):
    """A step returned a value of another type than its return annotation declares.

    Also a `TypeError`, so `except TypeError` around a pipeline call catches it.
    """


class ConfigurationError(HeadwaterError):
    """Headwater's configuration (home folder, store URL, artifact store) is unusable."""


class RunRefusedError(ConfigurationError):
    """An orchestrator refused a run before its first step started (no cluster answers,
    its workers could not reach the stores): the run is recorded `stopped`, not failed,
    since nothing of the pipeline ran."""


class StoreError(HeadwaterError):
    """The metadata store failed to do what was asked."""


class EntityNotFoundError(StoreError, KeyError):
    """No entity with the given name or id exists.

    Also a `KeyError`, so ZenML's documented `except KeyError:` around a lookup catches
    it; its text is the message itself, not `KeyError`'s quoted repr.
    """

    def __str__(self) -> str:
        return Exception.__str__(self)


class EntityExistsError(StoreError):
    """An entity with a name that must be unique already exists."""


class FilterError(StoreError):
    """A list filter or sort expression is malformed."""


class StageConflictError(StoreError):
    """A model version cannot take a stage another version holds without `force`."""


class ApprovalError(StoreError):
    """An approval request cannot take this vote (own request, voted or decided already),
    or cannot be made (nothing needs approval, one is pending already)."""


class ApprovalRequiredError(ApprovalError):
    """A stage change (or deleting a protected version) needs approvals; request it."""


class MetadataError(StoreError):
    """A metadata key or value cannot be stored; the message lists every bad entry."""


class InvalidValueError(StoreError):
    """A value is outside what the database keeps: an integer beyond 64 bits, a NUL
    character, a name longer than its column. The caller's mistake, not the store's."""


class ArtifactError(HeadwaterError):
    """An artifact could not be saved, found or loaded."""


class MaterializerError(ArtifactError):
    """No materializer handles a type, or a materializer failed."""


class VisualizationError(ArtifactError):
    """A chart or table a materializer emits is malformed; the message lists every problem."""


class EntityInUseError(StoreError):
    """An entity cannot be deleted while others use it; the message names them."""


class StackValidationError(StoreError):
    """A stack or stack component is invalid; the message lists every problem."""


class IntegrationError(HeadwaterError):
    """An integration is unknown, its packages are missing, or installing them failed."""


class DataValidationError(HeadwaterError):
    """A data validation step found expectations that failed, and was asked to fail."""


class StatusTransitionError(StoreError):
    """A step run cannot start or finish with the given status, or already finished."""


class RepeatedWriteError(StoreError):
    """A write with this idempotency key was applied already; its answer is kept."""


class ComparisonError(HeadwaterError):
    """Runs cannot be compared as asked: fewer than 2, more than 500, one given twice."""


class AccessError(StoreError):
    """The server refused the caller; over REST, 401 and 403 answers become these."""


class NotAuthenticatedError(AccessError):
    """No valid credentials were sent (log in again, or send an API key)."""


class PermissionDeniedError(AccessError):
    """The caller is known but may not do this."""


class ApiError(HeadwaterError):
    """An error raised by a route itself, with its HTTP status and stable code."""

    def __init__(self, status_code: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.details = details


class TooManyLoginAttempts(ApiError):
    """A 429: the user name or address failed too often; retry after some seconds."""

    def __init__(self, reason: str, retry_after_seconds: int) -> None:
        super().__init__(
            429,
            "too_many_login_attempts",
            f"{reason}, so logins are refused for {retry_after_seconds} s. Wait that long "
            f"(see the Retry-After header), then try again with the right password; an "
            f"admin can reset a forgotten one.",
        )
        self.retry_after_seconds = retry_after_seconds


class StatementError(HeadwaterError):
    """A driver error raised while a prepared statement ran; `orig` is the driver's.

    Internal to the SQL stores, which turn it into a `StoreError` before it leaves them.
    """

    def __init__(self, sql: str, orig: BaseException) -> None:
        super().__init__(f"{orig}\n[SQL: {sql}]")
        self.sql = sql
        self.orig = orig


class StatementIntegrityError(StatementError):
    """A constraint refused the statement (unique, foreign key, not null)."""


class StatementDataError(StatementError):
    """The database cannot hold a value the statement bound (PostgreSQL's data errors)."""
