"""The metadata codec: Python values to typed entries and back."""

from __future__ import annotations

import datetime as dt
import math
import pathlib

import pytest

from headwater.errors import MetadataError
from headwater.metadata_types import Path, StorageSize, Uri
from headwater.store.metadata import decode_value, encode_metadata, normalize_entry
from headwater.store.models import MetadataEntry, MetadataType


def _types(values):
    return {entry.key: entry.type for entry in encode_metadata(values)}


def test_each_python_type_gets_its_metadata_type():
    values = {
        "flag": True,
        "count": 3,
        "ratio": 0.5,
        "name": "x",
        "params": {"a": 1},
        "items": [1, 2],
        "pair": (1, 2),
        "when": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "link": Uri("s3://b/k"),
        "folder": Path("/tmp"),
        "size": StorageSize(10),
    }

    types = _types(values)

    assert types == {
        "flag": MetadataType.BOOL,
        "count": MetadataType.INT,
        "ratio": MetadataType.FLOAT,
        "name": MetadataType.STRING,
        "params": MetadataType.DICT,
        "items": MetadataType.LIST,
        "pair": MetadataType.LIST,
        "when": MetadataType.DATETIME,
        "link": MetadataType.URI,
        "folder": MetadataType.PATH,
        "size": MetadataType.STORAGE_SIZE,
    }


def test_a_bool_is_not_taken_for_an_int():
    entry = encode_metadata({"flag": False})[0]

    assert (entry.type, entry.value) == (MetadataType.BOOL, False)


def test_entry_values_are_plain_json():
    entries = encode_metadata(
        {"when": dt.datetime(2026, 1, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))}
    )

    assert entries[0].value == "2026-01-01T07:30:00.000000+00:00"


@pytest.mark.parametrize(
    "value",
    [
        7,
        0.25,
        "text",
        True,
        {"nested": {"list": [1, "a", None]}},
        [1.5, "b"],
        dt.datetime(2026, 5, 17, 12, 0, 1, 123456, tzinfo=dt.UTC),
        Uri("https://example.com"),
        Path("/data/file.csv"),
        StorageSize(2048),
    ],
)
def test_decoding_restores_the_value_and_its_type(value):
    entry = encode_metadata({"key": value})[0]

    decoded = decode_value(entry)

    assert decoded == value
    assert type(decoded) is type(value)


def test_non_finite_floats_survive_as_floats():
    entries = encode_metadata({"nan": math.nan, "inf": math.inf, "low": -math.inf})

    decoded = [decode_value(entry) for entry in entries]

    assert math.isnan(decoded[0])
    assert decoded[1:] == [math.inf, -math.inf]
    assert [entry.value for entry in entries] == ["NaN", "Infinity", "-Infinity"]


def test_a_naive_datetime_is_taken_as_local_time():
    naive = dt.datetime(2026, 1, 1, 12, 0)

    decoded = decode_value(encode_metadata({"when": naive})[0])

    assert decoded == naive.astimezone(dt.UTC)
    assert decoded.tzinfo is dt.UTC


def test_a_pathlib_path_is_kept_as_a_path():
    entry = encode_metadata({"where": pathlib.PurePosixPath("/data")})[0]

    assert (entry.type, decode_value(entry)) == (MetadataType.PATH, Path("/data"))


def test_every_unsupported_value_is_named_in_one_error():
    with pytest.raises(MetadataError) as raised:
        encode_metadata({"ok": 1, "labels": {"a", "b"}, "nothing": None, "deep": {"x": {1}}})

    message = str(raised.value)
    assert "'labels' is a set" in message
    assert "'nothing' is a NoneType" in message
    assert "'deep'['x'] holds a set, which is not JSON" in message
    assert "convert other values first" in message


def test_a_non_string_key_is_refused():
    with pytest.raises(MetadataError, match="key 1 is not a non-empty string"):
        encode_metadata({1: "a"})  # type: ignore[dict-item]  # a wrong key on purpose


def test_a_non_finite_float_inside_a_dict_is_refused():
    with pytest.raises(MetadataError, match="'scores'\\['a'\\] is nan"):
        encode_metadata({"scores": {"a": math.nan}})


def test_a_hand_built_entry_is_normalized_to_plain_json():
    entry = MetadataEntry(key="when", type=MetadataType.DATETIME, value=dt.datetime(2026, 1, 1))

    normalized = normalize_entry(entry)

    assert normalized.value == "2026-01-01T00:00:00.000000+00:00"


def test_an_entry_whose_value_does_not_fit_its_type_is_refused():
    entry = MetadataEntry(key="params", type=MetadataType.DICT, value=[1, 2])

    with pytest.raises(MetadataError, match="'params' says it is a dict but holds"):
        normalize_entry(entry)
