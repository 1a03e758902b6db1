"""Staging folder owners read from /proc agree with psutil, which they replaced (issue 19)."""

from __future__ import annotations

import subprocess
import sys
import time

import psutil

from headwater.artifacts.staging_owners import StagingOwner, current_owner, is_abandoned


def _folder_name(owner: StagingOwner) -> str:
    return f"{owner.prefix}-0123456789abcdef"


def test_current_owner_names_this_process_and_its_start_time_as_psutil_does():
    owner = current_owner()

    process = psutil.Process()
    assert (owner.pid, owner.start_centiseconds) == (
        process.pid,
        int(process.create_time() * 100),
    )


def test_folder_of_this_running_process_is_not_abandoned(tmp_path):
    assert not is_abandoned(str(tmp_path), _folder_name(current_owner()))


def test_folder_of_a_process_that_exited_is_abandoned(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    started = psutil.Process(child.pid).create_time()
    child.wait()
    owner = StagingOwner(current_owner().host, child.pid, int(started * 100))

    assert is_abandoned(str(tmp_path), _folder_name(owner))


def test_folder_of_a_zombie_process_is_abandoned(tmp_path):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        process = psutil.Process(child.pid)
        started = process.create_time()
        # It exits at once; unreaped until `wait()`, it stays a zombie meanwhile.
        while process.status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.01)
        owner = StagingOwner(current_owner().host, child.pid, int(started * 100))

        is_gone = is_abandoned(str(tmp_path), _folder_name(owner))
    finally:
        child.wait()

    assert is_gone


def test_folder_of_a_pid_reused_by_a_later_process_is_abandoned(tmp_path):
    owner = current_owner()
    earlier = StagingOwner(owner.host, owner.pid, owner.start_centiseconds - 10_000)

    assert is_abandoned(str(tmp_path), _folder_name(earlier))
