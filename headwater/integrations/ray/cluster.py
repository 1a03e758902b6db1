"""Joining Ray (or starting it on this machine) and reading what its nodes offer."""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

import psutil

from headwater.errors import ConfigurationError
from headwater.integrations.registry import require_integration

if TYPE_CHECKING:
    from types import ModuleType

    from headwater.integrations.ray.settings import RayOrchestratorSettings


def connect_ray(settings: RayOrchestratorSettings) -> ModuleType:
    """The `ray` module, connected: to the Ray this process already joined, to the
    cluster at `settings.address`, or to a Ray started here with `settings.num_cpus`.

    Ray stays up for the rest of the process, so only a process's first run pays for it.

    Raises:
        IntegrationError: Ray is not installed.
        ConfigurationError: the cluster cannot be joined.
    """
    require_integration("ray")
    import ray

    if ray.is_initialized():
        return ray
    options: dict[str, Any] = {
        "address": settings.address,
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
        raise ConfigurationError(
            f"Cannot start or join Ray at '{where}': {exc}. Check the orchestrator's "
            f"'address' setting (unset, 'auto' or 'ray://host:10001') and that the "
            f"cluster is up (`ray status`)."
        ) from exc
    return ray


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
