"""A digits classifier evaluated with the scikit-learn integration (data ships with it)."""

from __future__ import annotations

from typing import Annotated, Any

from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

from headwater import pipeline, step
from headwater.integrations.sklearn import evaluate_classifier


@step
def split_digits() -> tuple[
    Annotated[Any, "train_features"],
    Annotated[Any, "train_labels"],
    Annotated[Any, "test_features"],
    Annotated[Any, "test_labels"],
]:
    features, labels = load_digits(return_X_y=True)
    train_x, test_x, train_y, test_y = train_test_split(
        features, labels, test_size=0.3, random_state=0, stratify=labels
    )
    return train_x, train_y, test_x, test_y


@step
def fit_forest(features: Any, labels: Any, n_estimators: int = 60) -> RandomForestClassifier:
    return RandomForestClassifier(n_estimators=n_estimators, random_state=0).fit(features, labels)


@pipeline
def digits_evaluation() -> None:
    train_x, train_y, test_x, test_y = split_digits()
    evaluate_classifier(fit_forest(train_x, train_y), test_x, test_y)
