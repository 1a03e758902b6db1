"""A pipeline's versions over the API: run counts and what each version changed."""

from __future__ import annotations

from headwater import pipeline, step


@step(name="prepare")
def prepare(rows: int = 4) -> list[int]:
    return list(range(rows))


@step(name="clean")
def clean(values: list[int]) -> list[int]:
    return [v for v in values if v % 2 == 0]


@step(name="fit")
def fit(values: list[int], rate: float = 0.1) -> float:
    return sum(values) * rate


@step(name="fit")
def fit_again(values: list[int], rate: float = 0.1) -> float:
    return float(len(values)) * rate


@pipeline(name="evolving")
def first() -> None:
    fit(prepare())


@pipeline(name="evolving")
def second() -> None:
    fit(clean(prepare()))


@pipeline(name="evolving")
def third() -> None:
    fit_again(clean(prepare()), rate=0.5)


def test_each_version_says_which_steps_and_edges_it_added_and_removed(api):
    first()
    second()
    second()

    page = api.get("/pipelines/evolving/versions").json()

    newest, oldest = page["items"]
    assert (newest["version"], newest["run_count"], newest["previous_version"]) == (2, 2, 1)
    assert newest["changes"]["steps_added"] == ["clean"]
    assert newest["changes"]["steps_removed"] == []
    assert [(e["source_step"], e["target_step"]) for e in newest["changes"]["edges_added"]] == [
        ("prepare", "clean"),
        ("clean", "fit"),
    ]
    assert [(e["source_step"], e["target_step"]) for e in newest["changes"]["edges_removed"]] == [
        ("prepare", "fit")
    ]
    assert (oldest["version"], oldest["changes"], oldest["step_count"]) == (1, None, 2)
    assert newest["first_run"]["name"] == "evolving-2"
    assert newest["last_run"]["name"] == "evolving-3"


def test_a_step_with_new_code_and_parameters_is_changed(api):
    second()
    third()

    page = api.get("/pipelines/evolving/versions").json()

    changed = page["items"][0]["changes"]["steps_changed"]
    assert changed == [{"name": "fit", "is_source_changed": True, "changed_parameters": ["rate"]}]


def test_a_version_on_an_earlier_page_is_still_compared(api):
    first()
    second()
    third()

    page = api.get("/pipelines/evolving/versions", params={"size": 1, "page": 2}).json()

    assert page["items"][0]["version"] == 2
    assert page["items"][0]["previous_version"] == 1
    assert page["items"][0]["changes"]["steps_added"] == ["clean"]
    assert page["total_pages"] == 3


def test_versions_of_an_unknown_pipeline_are_a_404(api):
    response = api.get("/pipelines/nothing-here/versions")

    assert response.status_code == 404
    assert "nothing-here" in response.json()["message"]


def test_a_bad_version_filter_is_a_400(api):
    first()

    response = api.get("/pipelines/evolving/versions", params={"version": "gte:many"})

    assert response.status_code == 400
    assert set(response.json()) == {"code", "message", "details"}
