"""Saved views of the runs list: saved, listed, overwritten and deleted per project."""

from __future__ import annotations

import httpx

from headwater.session import get_session
from tests.server.auth_fixtures import AuthServer
from tests.store_contract.records import a_run

VIEW = {"columns": ["accuracy", "loss"], "search": {"status": "completed", "sort": "metadata.f1"}}


def _with_default_project() -> None:
    get_session().store.create_run(a_run())


def test_a_saved_view_is_listed_with_its_columns_and_search(api: httpx.Client):
    _with_default_project()

    saved = api.put("/projects/default/saved-views/best runs", json=VIEW)
    listed = api.get("/projects/default/saved-views")

    assert saved.status_code == 200
    assert [v["name"] for v in listed.json()] == ["best runs"]
    view = listed.json()[0]
    assert (view["columns"], view["search"]) == (VIEW["columns"], VIEW["search"])
    assert view["owner_id"] is None


def test_saving_a_name_again_overwrites_the_view(api: httpx.Client):
    _with_default_project()
    api.put("/projects/default/saved-views/sweep", json=VIEW)

    api.put("/projects/default/saved-views/sweep", json={"columns": ["f1"]})

    views = api.get("/projects/default/saved-views").json()
    assert [(v["name"], v["columns"], v["search"]) for v in views] == [("sweep", ["f1"], {})]


def test_a_deleted_view_is_gone_and_deleting_it_again_answers_404(api: httpx.Client):
    _with_default_project()
    api.put("/projects/default/saved-views/sweep", json=VIEW)

    deleted = api.delete("/projects/default/saved-views/sweep")
    again = api.delete("/projects/default/saved-views/sweep")

    assert deleted.status_code == 204
    assert api.get("/projects/default/saved-views").json() == []
    assert again.status_code == 404
    assert "no saved view 'sweep'" in again.json()["message"]


def test_a_view_with_too_many_columns_answers_422_with_the_error_body(api: httpx.Client):
    _with_default_project()

    answer = api.put(
        "/projects/default/saved-views/wide", json={"columns": [f"k{i}" for i in range(51)]}
    )

    assert answer.status_code == 422
    assert answer.json()["code"]


def test_views_of_an_unknown_project_answer_404(api: httpx.Client):
    answer = api.get("/projects/nowhere/saved-views")

    assert answer.status_code == 404


def _as(server: AuthServer, user: str) -> httpx.Client:
    headers = {"Authorization": f"Bearer {server.token(user)}"}
    return httpx.Client(base_url=f"{server.url}/api/v1", headers=headers, timeout=30)


def test_a_view_is_shared_with_the_project_but_only_its_owner_changes_it(
    auth_server: AuthServer,
):
    _with_default_project()
    with _as(auth_server, "member") as member, _as(auth_server, "viewer") as viewer:
        member.put("/projects/default/saved-views/sweep", json=VIEW)

        seen = viewer.get("/projects/default/saved-views").json()
        overwritten = viewer.put("/projects/default/saved-views/sweep", json={"columns": []})
        deleted = viewer.delete("/projects/default/saved-views/sweep")
        own = viewer.put("/projects/default/saved-views/mine", json={"columns": ["f1"]})

    assert [(v["name"], v["owner_name"]) for v in seen] == [("sweep", "member")]
    assert overwritten.status_code == 409
    assert "saved by 'member'" in overwritten.json()["message"]
    assert deleted.status_code == 403
    assert own.status_code == 200


def test_a_server_admin_may_delete_anyones_view(auth_server: AuthServer):
    _with_default_project()
    with _as(auth_server, "member") as member, _as(auth_server, "admin") as admin:
        member.put("/projects/default/saved-views/sweep", json=VIEW)

        deleted = admin.delete("/projects/default/saved-views/sweep")

    assert deleted.status_code == 204
