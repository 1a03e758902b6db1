"""`StepExecutor`: runs one step end to end and records everything about it.

Cache check, input loading, the call itself under log capture and a resource meter,
output saving, and one store write at the start and one at the end.
"""

from __future__ import annotations

import contextlib
import traceback
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.registry import find_materializer, load_class
from headwater.errors import EntityNotFoundError, HeadwaterError, StepExecutionError
from headwater.hashing import to_json_value
from headwater.runner.caching import cache_components, cache_key
from headwater.runner.context import ModelView, StepContext, step_context
from headwater.runner.early_ends import (
    describe_interruption,
    finish_step_or_fall_back,
    short_reason,
)
from headwater.runner.folder_claims import FolderClaim, RunFolderClaim
from headwater.runner.logs import get_log_capture
from headwater.runner.output_types import check_output_types, declared_output_types
from headwater.runner.parameters import prepare_parameters
from headwater.runner.resources import ResourceFigures, ResourceMeter
from headwater.store.metadata import encode_metadata
from headwater.store.models import (
    ArtifactType,
    ArtifactVersion,
    ArtifactVersionCreate,
    CachedOutput,
    ExecutionStatus,
    MetadataTarget,
    PipelineRun,
    ResourceUsage,
    StepRun,
    StepRunCreate,
    StepRunEnd,
    Visualization,
    VisualizationType,
)

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore, SavedArtifact
    from headwater.compiler.spec import OutputSpec, StepSpec
    from headwater.store.base import RunRecorder
    from headwater.store.model_registry import ModelVersion


@dataclass(frozen=True, slots=True)
class ArtifactRef:
    """What a downstream step needs to know about an upstream output."""

    id: uuid.UUID
    uri: str
    content_hash: str
    materializer: str
    data_type: str

    @classmethod
    def of(cls, version: ArtifactVersion) -> ArtifactRef:
        """The reference to a stored artifact version."""
        return cls(
            version.id,
            version.uri,
            version.content_hash,
            version.materializer,
            version.data_type,
        )

    @classmethod
    def of_cached(cls, output: CachedOutput) -> ArtifactRef:
        """The reference to an output a cache hit reuses."""
        return cls(
            output.artifact_version_id,
            output.uri,
            output.content_hash,
            output.materializer,
            output.data_type,
        )


@dataclass(frozen=True, slots=True)
class StepOutcome:
    """A finished (completed or cached) step run and references to its outputs."""

    step_run: StepRun
    outputs: dict[str, ArtifactRef]


class StepExecutor:
    """Executes steps of runs against one metadata store and one artifact store."""

    def __init__(
        self,
        store: RunRecorder,
        artifact_store: ArtifactStore,
        *,
        model_versions: Mapping[str, ModelVersion] | None = None,
        model_view: ModelView | None = None,
    ) -> None:
        self.store = store
        self.artifact_store = artifact_store
        # Model name -> the run's version of it (see runner/models.py).
        self.model_versions = dict(model_versions or {})
        self.model_view = model_view
        # One claim for the folders of every step this executor runs (folder_claims.py).
        self._folder_claim = RunFolderClaim(store)

    def close(self) -> None:
        """Release the claim on the folders of the steps executed; call when the run (or
        this process's part of it) has ended."""
        self._folder_claim.release()

    def execute(
        self,
        run: PipelineRun,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        function: Callable[..., Any],
    ) -> StepOutcome:
        """Run one step (or reuse its cached outputs) and record it.

        Raises:
            StepExecutionError: the step's function (or saving its outputs) raised.
        """
        inputs = {**inputs, **self._external_inputs(step)}
        components = cache_components(step, {n: ref.content_hash for n, ref in inputs.items()})
        key = cache_key(components)
        if step.enable_cache:
            # The originals' bytes must outlive the check that they exist (prune_lock on
            # local disks, the claim in the metadata store everywhere).
            with self.artifact_store.saving(), self._folder_claim.step() as claim:
                outcome = self._reuse_cached(run, step, inputs, key, components, claim)
            if outcome is not None:
                return outcome
        return self._run(run, step, inputs, function, key, components)

    def _external_inputs(self, step: StepSpec) -> dict[str, ArtifactRef]:
        """The existing artifact versions the pipeline passed to the step.

        Raises:
            EntityNotFoundError: one of them was deleted since.
        """
        if not step.external_inputs:
            return {}
        ids = {name: uuid.UUID(vid) for name, vid in step.external_inputs.items()}
        versions = self.store.get_artifact_versions(list(ids.values()))
        missing = sorted(name for name, vid in ids.items() if vid not in versions)
        if missing:
            raise EntityNotFoundError(
                f"Step '{step.name}' gets input(s) {', '.join(repr(m) for m in missing)} "
                f"from an artifact version that no longer exists. Pass one that does."
            )
        return {name: ArtifactRef.of(versions[vid]) for name, vid in ids.items()}

    def _reuse_cached(
        self,
        run: PipelineRun,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        key: str,
        components: dict[str, str],
        claim: FolderClaim,
    ) -> StepOutcome | None:
        hit = self.store.find_cache_hit(key)
        # A hit lacks an output when the step's outputs changed or a version is gone.
        if hit is None or set(hit.outputs) != {o.name for o in step.outputs}:
            return None
        refs = {name: ArtifactRef.of_cached(output) for name, output in hit.outputs.items()}
        claim.add([ref.uri for ref in refs.values()])
        if not all(self.artifact_store.exists(ref.uri) for ref in refs.values()):
            return None  # outputs were pruned: run the step again
        step_run = self.store.start_step(
            self._step_run_create(
                run,
                step,
                inputs,
                key,
                components,
                ExecutionStatus.CACHED,
                original_step_run_id=hit.original_step_run_id,
            )
        )
        model_version = self._model_version(step)
        if model_version is not None:  # reused outputs belong to this run's version too
            self.store.link_artifacts_to_model_version(
                model_version.id,
                {refs[o.name].id: ArtifactType(o.artifact_type) for o in step.outputs},
            )
        return StepOutcome(step_run, refs)

    def _run(
        self,
        run: PipelineRun,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        function: Callable[..., Any],
        key: str,
        components: dict[str, str],
    ) -> StepOutcome:
        # The save window opens once the function returns and closes once the outputs
        # are recorded, so no prune deletes their bytes in between (prune_lock). The turn:
        # steps of pipelines in other threads wait, as the log capture takes fd 1 and 2.
        with get_log_capture().turn(), contextlib.ExitStack() as save_window:
            return self._run_in(save_window, run, step, inputs, function, key, components)

    def _run_in(
        self,
        save_window: contextlib.ExitStack,
        run: PipelineRun,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        function: Callable[..., Any],
        key: str,
        components: dict[str, str],
    ) -> StepOutcome:
        log_uri, log_file = self.artifact_store.open_log(str(run.id), step.name)
        try:
            step_run = self.store.start_step(
                self._step_run_create(
                    run, step, inputs, key, components, ExecutionStatus.RUNNING, log_uri=log_uri
                )
            )
            # From here on every way out ends the step run: it never stays running.
            meter = ResourceMeter()
            meter.start()
            try:
                context = self._step_context(run, step, step_run)
                with get_log_capture().step(log_file), step_context(context):
                    saved = self._call_and_save(step, inputs, function, save_window)
            except Exception as exc:
                self._record_failure(step_run, meter, exc)
                raise StepExecutionError(step.name, traceback.format_exc()) from exc
            except BaseException as exc:  # Ctrl-C, SystemExit: stopped, then passed on
                self._record_interruption(step_run, meter, exc)
                raise
            figures = meter.stop()
        finally:
            log_file.close()
        return self._record_success(run, step, step_run, saved, context, figures)

    def _step_context(self, run: PipelineRun, step: StepSpec, step_run: StepRun) -> StepContext:
        return StepContext(
            step_name=step.name,
            pipeline_name=run.pipeline_name,
            run_id=run.id,
            run_name=run.name,
            step_run_id=step_run.id,
            output_names=tuple(o.name for o in step.outputs),
            output_metadata={o.name: dict(o.metadata) for o in step.outputs if o.metadata},
            **self._model_context(step),
        )

    def _call_and_save(
        self,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        function: Callable[..., Any],
        save_window: contextlib.ExitStack,
    ) -> dict[str, SavedArtifact]:
        arguments = {
            name: self.artifact_store.load(ref.uri, ref.materializer, ref.data_type)
            for name, ref in inputs.items()
        }
        arguments.update(prepare_parameters(function, step.parameters))
        result = function(**arguments)
        values = _split_outputs(step, result)
        check_output_types(step.name, declared_output_types(function), values)
        # Not before the call: a prune would wait for the whole of a long step.
        save_window.enter_context(self.artifact_store.saving())
        claim = save_window.enter_context(self._folder_claim.step())
        # All outputs claimed in one call: recording costs the same requests however many.
        saved = self.artifact_store.save_all(
            [
                (values[output.name], self._materializer(output.materializer, values[output.name]))
                for output in step.outputs
            ],
            before_publish=claim.add,
        )
        return {output.name: one for output, one in zip(step.outputs, saved, strict=True)}

    @staticmethod
    def _materializer(chosen: str | None, value: Any) -> Any:
        return load_class(chosen) if chosen else find_materializer(type(value))

    def _record_failure(self, step_run: StepRun, meter: ResourceMeter, exc: BaseException) -> None:
        end = StepRunEnd(
            status=ExecutionStatus.FAILED,
            resources=_usage(meter.stop()),
            exception="".join(traceback.format_exception(exc)),
        )
        finish_step_or_fall_back(self.store, step_run.id, end)

    def _record_interruption(
        self, step_run: StepRun, meter: ResourceMeter, exc: BaseException
    ) -> None:
        end = StepRunEnd(
            status=ExecutionStatus.STOPPED,
            resources=_usage(meter.stop()),
            exception=describe_interruption(exc, "step"),
        )
        finish_step_or_fall_back(self.store, step_run.id, end)

    def _record_success(
        self,
        run: PipelineRun,
        step: StepSpec,
        step_run: StepRun,
        saved: dict[str, SavedArtifact],
        context: StepContext,
        figures: ResourceFigures,
    ) -> StepOutcome:
        model_version_id = None if context.model_version is None else context.model_version.id
        try:
            outputs = tuple(
                _artifact_version_create(
                    output,
                    saved[output.name],
                    context.output_metadata.get(output.name, {}),
                    model_version_id,
                )
                for output in step.outputs
            )
            finished = self.store.finish_step(
                step_run.id,
                StepRunEnd(
                    status=ExecutionStatus.COMPLETED,
                    outputs=outputs,
                    metadata=tuple(encode_metadata(context.step_metadata)),
                    resources=_usage(figures),
                ),
            )
        except Exception as exc:  # metadata it cannot keep, too large a body, a NUL (PostgreSQL)
            reason = f"Headwater could not record the step's end: {short_reason(exc)}"
            failed = StepRunEnd(
                status=ExecutionStatus.FAILED, resources=_usage(figures), exception=reason
            )
            finish_step_or_fall_back(self.store, step_run.id, failed)
            raise StepExecutionError(step.name, reason) from exc
        self._record_other_metadata(run, step, context, model_version_id)
        refs = {
            name: ArtifactRef(
                finished.outputs[name], s.uri, s.content_hash, s.materializer, s.data_type
            )
            for name, s in saved.items()
        }
        return StepOutcome(finished, refs)

    def _record_other_metadata(
        self,
        run: PipelineRun,
        step: StepSpec,
        context: StepContext,
        model_version_id: uuid.UUID | None,
    ) -> None:
        """The run and model version metadata the step logged, after its end."""
        try:
            if context.run_metadata:
                self.store.add_metadata(
                    MetadataTarget.RUN, run.id, encode_metadata(context.run_metadata)
                )
            if context.model_metadata and model_version_id is not None:
                self.store.add_metadata(
                    MetadataTarget.MODEL_VERSION,
                    model_version_id,
                    encode_metadata(context.model_metadata),
                )
        except Exception as exc:  # the step's own end is recorded; the run fails
            reason = (
                f"Headwater could not record the metadata step '{step.name}' logged for its "
                f"run or model version: {short_reason(exc)}"
            )
            raise StepExecutionError(step.name, reason) from exc

    def _model_version(self, step: StepSpec) -> ModelVersion | None:
        if step.model is None:
            return None
        version = self.model_versions.get(step.model.name)
        if version is None:
            raise HeadwaterError(
                f"Step '{step.name}' declares model '{step.model.name}', but its run has no "
                f"version of it. Run the pipeline through its Pipeline object, which "
                f"resolves its models when the run starts."
            )
        return version

    def _model_context(self, step: StepSpec) -> dict[str, Any]:
        """The step context's model fields: the version, and stores to load from."""
        version = self._model_version(step)
        if version is None:
            return {}
        return {"model_version": version, "model_view": self.model_view}

    @staticmethod
    def _step_run_create(
        run: PipelineRun,
        step: StepSpec,
        inputs: Mapping[str, ArtifactRef],
        key: str,
        components: dict[str, str],
        status: ExecutionStatus,
        *,
        log_uri: str | None = None,
        original_step_run_id: uuid.UUID | None = None,
    ) -> StepRunCreate:
        return StepRunCreate(
            run_id=run.id,
            name=step.name,
            status=status,
            cache_key=key,
            cache_components=components,
            parameters=_json_parameters(step),
            source_code=step.source_code,
            inputs={name: ref.id for name, ref in inputs.items()},
            log_uri=log_uri,
            original_step_run_id=original_step_run_id,
        )


def _json_parameters(step: StepSpec) -> dict[str, Any]:
    parameters: dict[str, Any] = to_json_value(dict(step.parameters))
    return parameters


def _usage(figures: ResourceFigures) -> ResourceUsage:
    return ResourceUsage(
        cpu_seconds=figures.cpu_seconds, peak_memory_bytes=figures.peak_memory_bytes
    )


def _artifact_version_create(
    output: OutputSpec,
    saved: SavedArtifact,
    user_metadata: Mapping[str, Any],
    model_version_id: uuid.UUID | None,
) -> ArtifactVersionCreate:
    return ArtifactVersionCreate(
        output_name=output.name,
        artifact_name=output.artifact_name,
        uri=saved.uri,
        content_hash=saved.content_hash,
        data_type=saved.data_type,
        materializer=saved.materializer,
        size_bytes=saved.size_bytes,
        visualizations=tuple(
            Visualization(type=VisualizationType(v.type), uri=v.uri, name=v.name)
            for v in saved.visualizations
        ),
        metadata=tuple(encode_metadata({**saved.metadata, **user_metadata})),
        tags=output.tags,
        model_version_id=model_version_id,
        artifact_type=ArtifactType(output.artifact_type),
    )


def _split_outputs(step: StepSpec, result: Any) -> dict[str, Any]:
    names = [o.name for o in step.outputs]
    if len(names) == 0:
        return {}
    if len(names) == 1:
        return {names[0]: result}
    if not isinstance(result, tuple | list) or len(result) != len(names):
        count = len(result) if isinstance(result, tuple | list) else 1
        raise HeadwaterError(
            f"Step '{step.name}' declares {len(names)} outputs ({', '.join(names)}) but "
            f"returned {count} value(s). Return a tuple with one value per output."
        )
    return dict(zip(names, result, strict=True))
