"""A `uuid.UUID` (or any value pydantic serialises: datetimes, paths, enums) passes as a
pipeline and step parameter, as in ZenML, and the step gets its own type back."""

from __future__ import annotations

import datetime as dt
import uuid

from headwater import pipeline, step
from headwater.runner.parameters import prepare_parameters


@step
def tag_rows(batch_id: uuid.UUID, since: dt.date) -> str:
    assert isinstance(batch_id, uuid.UUID)
    assert isinstance(since, dt.date)
    return f"{batch_id}@{since.isoformat()}"


def test_a_uuid_pipeline_parameter_reaches_the_step_and_is_recorded_as_text():
    batch = uuid.UUID("12345678-1234-5678-1234-567812345678")

    @pipeline
    def ingest(batch_id: uuid.UUID, since: dt.date) -> None:
        tag_rows(batch_id, since)

    run = ingest(batch, dt.date(2026, 1, 2))

    assert run.steps["tag_rows"].output.load() == f"{batch}@2026-01-02"
    assert run.steps["tag_rows"].parameters["batch_id"] == str(batch)
    rebuilt = prepare_parameters(
        tag_rows.entrypoint, {"batch_id": str(batch), "since": "2026-01-02"}
    )
    assert rebuilt == {"batch_id": batch, "since": dt.date(2026, 1, 2)}
