"""Workers on other machines are refused a run whose stores only this machine can open."""

from __future__ import annotations

import pytest

from headwater.errors import RunRefusedError
from headwater.integrations.ray.connection import WorkerConnection, check_workers_can_reach

LOCAL = {"192.0.2.2", "this-host"}


def test_workers_on_this_machine_may_use_sqlite_and_a_local_folder():
    connection = WorkerConnection("sqlite:///home/me/store.db", "/home/me/artifacts")

    check_workers_can_reach(connection, ["192.0.2.2", "127.0.0.1", "127.0.0.5"], LOCAL)


def test_a_remote_node_with_sqlite_and_a_local_folder_is_refused_naming_both_fixes():
    connection = WorkerConnection("sqlite:///home/me/store.db", "file:///home/me/artifacts")

    with pytest.raises(RunRefusedError) as caught:
        check_workers_can_reach(connection, ["192.0.2.2", "198.51.100.7"], LOCAL)

    message = str(caught.value)
    assert "nodes on other machines (198.51.100.7)" in message
    assert "use a server (`headwater login URL`) or PostgreSQL" in message
    assert "use a shared artifact store (any fsspec URL" in message


def test_a_remote_node_with_a_server_and_a_shared_artifact_store_is_accepted():
    connection = WorkerConnection("https://headwater.example", "s3://bucket/artifacts", "t0k")

    check_workers_can_reach(connection, ["198.51.100.7"], LOCAL)


def test_a_remote_node_with_postgresql_but_a_local_folder_is_refused_for_the_folder_only():
    connection = WorkerConnection("postgresql+psycopg://db/hw", "/home/me/artifacts")

    with pytest.raises(RunRefusedError) as caught:
        check_workers_can_reach(connection, ["198.51.100.7"], LOCAL)

    assert "metadata store" not in str(caught.value)
    assert "'/home/me/artifacts'" in str(caught.value)
