"""Every integration, the pinned packages it needs, and whether they are installed."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from dataclasses import dataclass

from headwater.errors import IntegrationError


@dataclass(frozen=True, slots=True)
class Integration:
    """An optional feature and the exact package versions it is tested with."""

    name: str
    description: str
    # Pinned requirements, e.g. "dash==4.4.1".
    requirements: tuple[str, ...]

    @property
    def install_command(self) -> str:
        """The command that installs this integration's packages."""
        return f"headwater integration install {self.name} -y"

    def missing(self) -> list[str]:
        """The requirements whose package is not installed (at any version)."""
        return [r for r in self.requirements if installed_version(r) is None]

    def is_installed(self) -> bool:
        """True when every requirement's package is installed."""
        return not self.missing()


INTEGRATIONS: dict[str, Integration] = {
    integration.name: integration
    for integration in (
        Integration(
            "dash",
            "Interactive run lineage in the browser (PipelineRunLineageVisualizer)",
            ("dash==4.4.1", "dash-cytoscape==1.0.2"),
        ),
        Integration(
            "sklearn",
            "scikit-learn estimators (skops' safe format) and evaluation reports",
            ("scikit-learn==1.9.1", "skops==0.16.0"),
        ),
        Integration(
            "evidently",
            "Evidently drift reports, offline",
            ("evidently==0.7.23",),
        ),
        Integration(
            "great-expectations",
            "Validation results as tables",
            ("great-expectations==1.24.1",),
        ),
        Integration(
            "whylogs",
            "whylogs profiles, compared",
            ("whylogs==1.6.4",),
        ),
        Integration(
            "ray",
            "The 'ray' orchestrator: independent steps run at the same time on Ray",
            ("ray==2.60.0",),
        ),
    )
}


def get_integration(name: str) -> Integration:
    """The integration called `name`.

    Raises:
        IntegrationError: no integration has that name.
    """
    integration = INTEGRATIONS.get(name)
    if integration is None:
        raise IntegrationError(
            f"There is no integration '{name}'. Known integrations: "
            f"{', '.join(sorted(INTEGRATIONS))}; `headwater integration list` shows them."
        )
    return integration


def require_integration(name: str) -> None:
    """Check that an integration's packages are installed before using it.

    Raises:
        IntegrationError: some packages are missing; the message names the command.
    """
    check_installed(get_integration(name))


def check_installed(integration: Integration) -> None:
    """Raise unless every package of `integration` is installed.

    Raises:
        IntegrationError: some packages are missing; the message names the command.
    """
    missing = integration.missing()
    if missing:
        raise IntegrationError(
            f"The '{integration.name}' integration is not installed (missing "
            f"{', '.join(missing)}). Install it with `{integration.install_command}`."
        )


def install_integration(integration: Integration) -> None:
    """Install the integration's pinned packages with pip into this Python environment.

    Raises:
        IntegrationError: pip failed; its output went to the terminal.
    """
    command = [sys.executable, "-m", "pip", "install", *integration.requirements]
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        raise IntegrationError(
            f"pip could not install the '{integration.name}' integration "
            f"({' '.join(integration.requirements)}); it exited with {result.returncode}. "
            f"Read pip's message above, fix it, and run `{integration.install_command}` again."
        )


def installed_version(requirement: str) -> str | None:
    """The installed version of a requirement's package, or None when it is missing."""
    distribution = requirement.partition("==")[0]
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
