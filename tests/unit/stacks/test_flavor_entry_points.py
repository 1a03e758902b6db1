"""Flavors that installed packages declare as `headwater.flavors` entry points."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from headwater.stacks import flavor_registry

_GROUP = flavor_registry.ENTRY_POINT_GROUP


def _install_distribution(site: Path, name: str, entry_points_text: str) -> None:
    info = site / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points_text)


def test_flavor_entry_points_are_those_the_standard_library_finds(tmp_path, monkeypatch):
    _install_distribution(
        tmp_path,
        "fancy_flavors",
        f"[console_scripts]\nfancy = fancy:main\n\n[{_GROUP}]\nfancy = fancy.flavors:Fancy\n",
    )
    _install_distribution(tmp_path, "plain_tool", "[console_scripts]\nplain = plain:main\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    found = flavor_registry._flavor_entry_points()

    # Headwater's own (ray) is installed too; the tool without flavors adds nothing.
    assert ("fancy", "fancy.flavors:Fancy") in [(e.name, e.value) for e in found]
    assert "plain" not in {e.name for e in found}
    assert sorted(found) == sorted(entry_points(group=_GROUP))
