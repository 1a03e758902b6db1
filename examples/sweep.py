"""A hyperparameter sweep: one training pipeline run with eight settings.

Each run logs accuracy, loss and f1 and its configuration, so the comparison view, the
parallel coordinates and the metadata explorer have a real sweep to show.
"""

from __future__ import annotations

from typing import Annotated

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from headwater import log_metadata, pipeline, step

# (learning rate, loss function, penalty, epochs): eight trainings worth comparing.
SETTINGS = [
    (0.001, "log_loss", "l2", 5),
    (0.01, "log_loss", "l2", 5),
    (0.1, "log_loss", "l2", 5),
    (0.01, "log_loss", "l1", 20),
    (0.01, "modified_huber", "l2", 20),
    (0.1, "modified_huber", "elasticnet", 20),
    (0.001, "modified_huber", "l1", 50),
    (0.05, "log_loss", "elasticnet", 50),
]


@step
def make_data(
    samples: int = 600, seed: int = 7
) -> tuple[Annotated[np.ndarray, "features"], Annotated[np.ndarray, "labels"]]:
    """A synthetic binary classification set, the same for every run of the sweep."""
    features, labels = make_classification(
        n_samples=samples, n_features=12, n_informative=6, class_sep=1.5, random_state=seed
    )
    # Scaled once here, so every setting trains on the same standardized features.
    return StandardScaler().fit_transform(features), labels


@step(enable_cache=False)
def fit(
    features: np.ndarray,
    labels: np.ndarray,
    learning_rate: float = 0.01,
    loss_function: str = "log_loss",
    penalty: str = "l2",
    epochs: int = 5,
) -> Annotated[float, "accuracy"]:
    """Train a linear classifier with these settings and log how well it did."""
    train_x, test_x, train_y, test_y = train_test_split(
        features, labels, test_size=0.3, random_state=0
    )
    model = SGDClassifier(
        loss=loss_function,
        penalty=penalty,
        learning_rate="constant",
        eta0=learning_rate,
        max_iter=epochs,
        tol=None,
        random_state=0,
    )
    model.fit(train_x, train_y)
    predicted = model.predict(test_x)
    accuracy = float(accuracy_score(test_y, predicted))
    log_metadata(
        {
            "accuracy": accuracy,
            "f1": float(f1_score(test_y, predicted)),
            "loss": float(log_loss(test_y, model.predict_proba(test_x))),
            "config": {"optimizer": "sgd", "loss": loss_function, "penalty": penalty},
        }
    )
    return accuracy


@pipeline(tags=["demo", "sweep"])
def sweep_training(
    learning_rate: float = 0.01,
    loss_function: str = "log_loss",
    penalty: str = "l2",
    epochs: int = 5,
) -> None:
    """Fit one setting of the sweep."""
    features, labels = make_data()
    fit(
        features,
        labels,
        learning_rate=learning_rate,
        loss_function=loss_function,
        penalty=penalty,
        epochs=epochs,
    )


def run_sweep() -> list[str]:
    """Run every setting; returns the runs' names, in order."""
    names = []
    for learning_rate, loss_function, penalty, epochs in SETTINGS:
        run = sweep_training(
            learning_rate=learning_rate,
            loss_function=loss_function,
            penalty=penalty,
            epochs=epochs,
        )
        names.append(run.name)
    return names
