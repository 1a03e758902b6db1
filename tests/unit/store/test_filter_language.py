"""The metadata filter language: what each text means, and where a bad one stops."""

from __future__ import annotations

import pytest

from headwater.errors import FilterError
from headwater.store.filter_language import (
    And,
    Comparison,
    Exists,
    KeyRef,
    KeyScope,
    Not,
    Or,
    parse_filter,
)
from headwater.store.filters import Operator


def _run(name):
    return KeyRef(KeyScope.RUN, name)


def test_and_binds_tighter_than_or_and_parentheses_group():
    parsed = parse_filter(
        'accuracy >= 0.9 and (optimizer == "adam" or optimizer in ["sgd", "lion"])'
    )

    assert parsed == And(
        (
            Comparison(_run("accuracy"), Operator.GTE, 0.9),
            Or(
                (
                    Comparison(_run("optimizer"), Operator.EQUALS, "adam"),
                    Comparison(_run("optimizer"), Operator.ONE_OF, ["sgd", "lion"]),
                )
            ),
        )
    )


def test_exists_and_not_exists():
    assert parse_filter("exists(loss)") == Exists(_run("loss"))
    assert parse_filter("NOT exists(loss)") == Not(Exists(_run("loss")))


def test_step_and_artifact_keys_name_their_scope():
    parsed = parse_filter("step:loss < 0.2 or artifact:rows > 100")

    assert parsed == Or(
        (
            Comparison(KeyRef(KeyScope.STEP, "loss"), Operator.LT, 0.2),
            Comparison(KeyRef(KeyScope.ARTIFACT, "rows"), Operator.GT, 100),
        )
    )


def test_the_old_comma_form_with_bare_words_still_reads():
    parsed = parse_filter("accuracy > 0.9, optimizer = adam, name ~ res")

    assert parsed == And(
        (
            Comparison(_run("accuracy"), Operator.GT, 0.9),
            Comparison(_run("optimizer"), Operator.EQUALS, "adam"),
            Comparison(_run("name"), Operator.CONTAINS, "res"),
        )
    )


def test_values_keep_their_types_and_quoted_keys_any_text():
    parsed = parse_filter("`my key` == true and n != -3 and s == 'it\\'s' and x not in []")

    assert parsed == And(
        (
            Comparison(_run("my key"), Operator.EQUALS, True),
            Comparison(_run("n"), Operator.NOT_EQUALS, -3),
            Comparison(_run("s"), Operator.EQUALS, "it's"),
            Not(Comparison(_run("x"), Operator.ONE_OF, [])),
        )
    )


def test_dotted_keys_are_one_key():
    assert parse_filter("params.lr <= 1e-3") == Comparison(_run("params.lr"), Operator.LTE, 0.001)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("accuracy >> 0.9", r"at column 11 \('>'\): expected a value"),
        ("accuracy >= ", r"at the end \(column 13\): expected a value"),
        ("(a > 1", r"at the end \(column 7\): expected '\)'"),
        ("a > 1 b > 2", r"at column 7 \('b'\): expected 'and', 'or'"),
        ("a in [1, 2", r"expected ',' or '\]'"),
        ("a > 1 and", r"expected a metadata key"),
        ("a $ 1", r"at column 3 \('\$'\): expected a key, a value or an operator"),
        ("exists loss", r"at column 8 \('loss'\): expected '\(' after exists"),
        ("a not > 1", r"expected 'in' after 'not'"),
        ("  ", r"The filter is empty"),
    ],
)
def test_a_bad_filter_names_the_column_and_token_where_it_stopped(text, message):
    with pytest.raises(FilterError, match=message):
        parse_filter(text)
