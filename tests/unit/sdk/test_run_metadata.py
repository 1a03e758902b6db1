"""`.run_metadata`, ZenML's name for what we call `.metadata`, on artifact versions,
step runs and runs."""

from __future__ import annotations

from headwater import Client, log_metadata, pipeline, step


@step
def score() -> float:
    log_metadata({"accuracy": 0.9}, infer_artifact=True)
    log_metadata({"rows": 10})
    return 0.9


def test_run_metadata_reads_what_log_metadata_attached():
    @pipeline
    def evaluation() -> None:
        score()

    run = evaluation()
    version = Client().get_artifact_version("score.output")

    assert version.run_metadata["accuracy"] == 0.9
    assert run.steps["score"].run_metadata["rows"] == 10
    assert run.run_metadata == run.metadata
