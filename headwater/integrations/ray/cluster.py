"""Joining Ray (or starting it on this machine) and reading what its nodes offer."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil

from headwater.errors import RunRefusedError
from headwater.integrations.registry import require_integration

if TYPE_CHECKING:
    from types import ModuleType

    from headwater.integrations.ray.settings import RayOrchestratorSettings

# How long a cluster's address may take to accept a connection. Ray itself retries an
# address nobody answers at for minutes, so a run would hang instead of being refused.
_CONNECT_SECONDS = 5.0
_ADDRESS_HELP = (
    "Check the orchestrator's 'address' setting (unset, 'auto' or 'ray://host:10001') and "
    "that the cluster is up (`ray status`)."
)


def connect_ray(settings: RayOrchestratorSettings) -> ModuleType:
    """The `ray` module, connected: to the Ray this process already joined, to the
    cluster at `settings.address`, or to a Ray started here with `settings.num_cpus`.

    Ray stays up for the rest of the process, so only a process's first run pays for it.

    Raises:
        IntegrationError: Ray is not installed.
        RunRefusedError: the cluster cannot be joined (the run is stopped, never started).
    """
    require_integration("ray")
    import ray

    if ray.is_initialized():
        return ray
    refuse_a_shadowing_headwater_folder()
    if settings.address is not None:
        check_address_answers(settings.address)
    options: dict[str, Any] = {
        # Unset means "start Ray here": Ray's own default would join whatever
        # `ray start` or RAY_ADDRESS left on this machine instead.
        "address": settings.address or "local",
        "runtime_env": settings.runtime_env,
        "include_dashboard": False,
        "log_to_driver": False,  # workers' output is captured per step, in the store
        "configure_logging": False,
    }
    if settings.address is None:
        options["num_cpus"] = settings.num_cpus
    try:
        ray.init(**options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = settings.address or "this machine"
        raise RunRefusedError(
            f"Cannot start or join Ray at '{where}': {exc}. {_ADDRESS_HELP}"
        ) from exc
    return ray


def refuse_a_shadowing_headwater_folder() -> None:
    """Refuse to start Ray's workers where they would import another Headwater.

    Ray puts the driver's current folder and script folder first on every worker's
    `sys.path`, ahead of the installed packages, so a `headwater/` folder there (a clone, a
    project's own package) would be what the workers import.

    Raises:
        RunRefusedError: naming the folder.
    """
    import headwater

    ours = Path(headwater.__file__).resolve().parent
    for folder in _folders_ray_puts_first():
        for shadow in (folder / "headwater", folder / "headwater.py"):
            if shadow.exists() and shadow.resolve() != ours:
                raise RunRefusedError(
                    f"'{shadow}' would shadow the installed Headwater ({ours}) on Ray's "
                    "workers, which import from the driver's folder first. Run the pipeline "
                    "from another folder, or rename that one."
                )


def _folders_ray_puts_first() -> list[Path]:
    folders = [Path.cwd()]
    if sys.argv and sys.argv[0] not in ("", "-c", "-m"):
        script_folder = Path(sys.argv[0]).resolve().parent
        if str(script_folder) in sys.path:
            folders.append(script_folder)
    return folders


def check_address_answers(address: str) -> None:
    """Refuse at once a `host:port` or `ray://host:port` nothing accepts connections at.

    Raises:
        RunRefusedError: naming the address and what the connection attempt answered.
    """
    host, separator, port = address.removeprefix("ray://").rpartition(":")
    if not separator or not port.isdigit():
        return  # 'auto', or malformed: Ray's own message says which
    try:
        socket.create_connection((host.strip("[]"), int(port)), _CONNECT_SECONDS).close()
    except OSError as exc:
        raise RunRefusedError(
            f"No Ray cluster answers at '{address}' ({exc.strerror or exc}). {_ADDRESS_HELP}"
        ) from None


def node_resources(ray: ModuleType) -> list[dict[str, float]]:
    """What each alive node offers in total (CPU, GPU, memory, custom resources)."""
    return [dict(node["Resources"]) for node in ray.nodes() if node.get("Alive")]


def node_addresses(ray: ModuleType) -> list[str]:
    """The address of each alive node."""
    return [str(node["NodeManagerAddress"]) for node in ray.nodes() if node.get("Alive")]


def local_addresses() -> set[str]:
    """This machine's own addresses and names."""
    found = {socket.gethostname(), socket.getfqdn()}
    for addresses in psutil.net_if_addrs().values():
        found.update(a.address for a in addresses if a.family in (socket.AF_INET, socket.AF_INET6))
    return found
