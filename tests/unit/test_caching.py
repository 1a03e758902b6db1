from __future__ import annotations

from headwater.compiler.spec import OutputSpec, StepSpec
from headwater.runner.caching import cache_components, cache_key, describe_change, diff_components


def _step(**changes) -> StepSpec:
    values = {
        "name": "train",
        "source": "m:train",
        "source_hash": "abc",
        "source_code": "def train(): ...",
        "inputs": (),
        "outputs": (OutputSpec("output", "train.output", (), "builtins.float", None),),
        "parameters": {"gamma": 0.1},
        "upstream": (),
        "enable_cache": True,
        "extra": None,
    }
    values.update(changes)
    return StepSpec(**values)


def test_key_is_stable_for_equal_components():
    first = cache_key(cache_components(_step(), {"X": "h1"}))
    second = cache_key(cache_components(_step(), {"X": "h1"}))

    assert first == second


def test_keys_stay_what_earlier_versions_recorded():
    # Cache hits of runs recorded before an upgrade depend on these exact values.
    with_parameters = cache_key(cache_components(_step(), {"X": "h1"}))
    without = cache_key(cache_components(_step(parameters={}), {}))

    assert with_parameters == "455fe18740ad5e26dca7fd643f516d3cb3afaa0f66c340d044c93e7667ef2e3b"
    assert without == "85dcc6974deb745accaeaea5375099e5dd4c0d7eb4c3ac7f7eeb23551622d798"


def test_each_component_changes_the_key():
    base = cache_key(cache_components(_step(), {"X": "h1"}))
    variants = [
        cache_components(_step(source_hash="other"), {"X": "h1"}),
        cache_components(_step(parameters={"gamma": 0.2}), {"X": "h1"}),
        cache_components(_step(), {"X": "h2"}),
        cache_components(_step(extra="v2"), {"X": "h1"}),
        cache_components(
            _step(outputs=(OutputSpec("output", "a", (), "builtins.float", "my.Mat"),)),
            {"X": "h1"},
        ),
    ]

    assert all(cache_key(v) != base for v in variants)


def test_diff_names_only_the_components_that_changed():
    before = cache_components(_step(), {"X": "h1"})
    after = cache_components(_step(parameters={"gamma": 0.2}), {"X": "h1"})

    changes = diff_components(before, after)

    assert [c.name for c in changes] == ["parameters"]
    assert "parameters changed from" in describe_change(
        changes[0], ({"gamma": 0.1}, {"gamma": 0.2})
    )


def test_changed_input_content_is_described_by_name():
    changes = diff_components({"input:X": "h1"}, {"input:X": "h2"})

    assert describe_change(changes[0]) == "the content of its input 'X' changed"
