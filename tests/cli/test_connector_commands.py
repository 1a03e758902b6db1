"""`headwater connector ...`: register, list, describe, update, verify, delete, types."""

from __future__ import annotations

_KEYS = ("-s", "aws_access_key_id=AKIA-CLI", "-s", "aws_secret_access_key=cli-s3cret")


def _register(headwater, name="my-s3", *extra):
    return headwater("connector", "register", name, "--type", "aws", *_KEYS, *extra)


def test_register_then_list_shows_settings_and_which_secrets_are_set(headwater):
    registered = _register(headwater, "my-s3", "-s", "region=eu-west-1")

    listed = headwater("connector", "list", "-o", "json").json()

    assert registered.exit_code == 0
    assert "Registered aws service connector 'my-s3'." in registered.stdout
    assert [(c["name"], c["settings"]["region"], c["secrets"]) for c in listed] == [
        (
            "my-s3",
            "eu-west-1",
            {
                "aws_access_key_id": "set",
                "aws_secret_access_key": "set",
                "aws_session_token": "not set",
            },
        )
    ]


def test_no_output_of_the_connector_commands_shows_a_secret(headwater):
    outputs = [
        _register(headwater).stdout,
        headwater("connector", "list").stdout,
        headwater("connector", "list", "-o", "json").stdout,
        headwater("connector", "describe", "my-s3").stdout,
        headwater("connector", "describe", "my-s3", "-o", "json").stdout,
    ]

    assert [o for o in outputs if "cli-s3cret" in o or "AKIA-CLI" in o] == []


def test_register_with_bad_settings_prints_one_line_listing_every_problem(headwater):
    result = headwater("connector", "register", "bad", "--type", "aws", "-s", "colour=red")

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: The settings of aws service connector 'bad'")
    assert "'aws_access_key_id' is required" in result.stderr
    assert "'colour' is not a setting of this connector type" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_type_is_one_line_naming_the_types(headwater):
    result = headwater("connector", "register", "x", "--type", "dropbox")

    assert result.exit_code == 1
    assert "'dropbox' is not a service connector type. Use one of: aws, gcp" in result.stderr


def test_describe_names_the_components_that_use_the_connector(headwater, tmp_path):
    _register(headwater)
    headwater(
        "component", "register", "s3-store", "-t", "artifact_store", "-f", "fsspec",
        "-s", "path=s3://bucket/prefix", "-s", "connector=my-s3",
    )  # fmt: skip

    described = headwater("connector", "describe", "my-s3", "-o", "json").json()

    assert described["components"] == ["artifact_store 's3-store'"]


def test_delete_of_a_connector_in_use_is_refused_naming_the_component(headwater):
    _register(headwater)
    headwater(
        "component", "register", "s3-store", "-t", "artifact_store", "-f", "fsspec",
        "-s", "path=s3://bucket/prefix", "-s", "connector=my-s3",
    )  # fmt: skip

    refused = headwater("connector", "delete", "my-s3")
    headwater("component", "delete", "s3-store")
    deleted = headwater("connector", "delete", "my-s3")

    assert refused.exit_code == 1
    assert "the component artifact_store 's3-store' uses it" in refused.stderr
    assert (deleted.exit_code, deleted.stdout.strip()) == (0, "Deleted service connector 'my-s3'.")


def test_update_changes_one_setting_and_keeps_the_secrets(headwater):
    _register(headwater, "my-s3", "-s", "region=eu-west-1")

    updated = headwater("connector", "update", "my-s3", "-s", "region=us-east-1")
    described = headwater("connector", "describe", "my-s3", "-o", "json").json()

    assert updated.exit_code == 0
    assert described["settings"]["region"] == "us-east-1"
    assert described["secrets"]["aws_secret_access_key"] == "set"


def test_verify_of_a_local_location_says_ok(headwater, tmp_path):
    headwater("connector", "register", "opts", "--type", "generic")

    result = headwater("connector", "verify", "opts", "--location", str(tmp_path / "store"))

    assert result.exit_code == 0
    assert result.stdout.startswith(f"OK {tmp_path / 'store'}")


def test_a_failed_verify_exits_1_saying_what_failed(headwater, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    headwater("connector", "register", "opts", "--type", "generic")

    result = headwater("connector", "verify", "opts", "-l", str(blocker / "store"), "-o", "json")

    assert result.exit_code == 1
    assert [(v["ok"], v["failed_step"], v["failure"]) for v in result.json()] == [
        (False, "write", "not_writable")
    ]


def test_verify_without_a_location_and_no_store_using_it_is_one_line(headwater):
    _register(headwater)

    result = headwater("connector", "verify", "my-s3")

    assert result.exit_code == 1
    assert "no location to verify" in result.stderr
    assert "--location URL" in result.stderr


def test_types_lists_every_type_with_its_secret_fields(headwater):
    kinds = headwater("connector", "types", "-o", "json").json()

    assert {k["type"]: k["secret_fields"] for k in kinds} == {
        "aws": ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"],
        "gcp": ["token"],
        "azure": ["account_key"],
        "generic": ["values"],
    }
