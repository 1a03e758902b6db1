"""Promotion rules: typed, described in words, and decided on metadata values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from headwater.store.model_registry import (
    ModelStage,
    PromotionRule,
    RuleOperator,
    names_existing_version,
)

RULE = PromotionRule(stage="staging", metadata_key="accuracy", operator=">=", threshold=0.9)


def test_a_rule_describes_itself_in_one_line():
    assert RULE.describe() == "accuracy >= 0.9 -> staging"


@pytest.mark.parametrize(
    ("operator", "value", "holds"),
    [
        (">", 0.91, True),
        (">", 0.9, False),
        (">=", 0.9, True),
        ("<", 0.89, True),
        ("<=", 0.91, False),
        ("==", 0.9, True),
    ],
)
def test_operators_compare_the_value_with_the_threshold(operator, value, holds):
    assert RuleOperator(operator).holds(value, 0.9) is holds


def test_a_rule_that_holds_promotes_and_says_why():
    decision = RULE.decide(0.93)

    assert decision.promote
    assert decision.reason == "rule 'accuracy >= 0.9 -> staging' holds: accuracy is 0.93"


def test_a_missing_value_does_not_promote_and_says_it_was_not_logged():
    decision = RULE.decide(None)

    assert not decision.promote
    assert decision.reason == "rule 'accuracy >= 0.9 -> staging': 'accuracy' not logged"


@pytest.mark.parametrize("value", ["0.95", True, float("nan")])
def test_a_value_that_is_not_a_finite_number_does_not_promote(value):
    decision = RULE.decide(value)

    assert not decision.promote
    assert "not a number" in decision.reason


def test_an_unknown_operator_is_refused_when_the_rule_is_made():
    with pytest.raises(ValidationError, match="operator"):
        PromotionRule(stage="staging", metadata_key="accuracy", operator="~", threshold=1)


def test_only_staging_and_production_are_exclusive_stages():
    assert [s for s in ModelStage if s.is_exclusive] == [ModelStage.STAGING, ModelStage.PRODUCTION]


@pytest.mark.parametrize(
    ("version", "exists"),
    [
        (None, False),
        ("v1.0", False),
        (3, True),
        ("3", True),
        ("latest", True),
        ("Production", True),
    ],
)
def test_numbers_latest_and_stages_name_existing_versions(version, exists):
    assert names_existing_version(version) is exists
