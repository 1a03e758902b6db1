"""The scikit-learn evaluation steps, run inside real pipelines with the real library."""

from __future__ import annotations

import warnings

from sklearn.datasets import load_diabetes, load_iris
from sklearn.linear_model import LinearRegression, LogisticRegression

from headwater import Client, pipeline, step
from headwater.integrations.sklearn import evaluate_classifier, evaluate_regressor


@step
def train_iris() -> LogisticRegression:
    features, labels = load_iris(return_X_y=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return LogisticRegression(max_iter=500).fit(features, labels)


@step
def iris_features() -> list[list[float]]:
    return load_iris(return_X_y=True)[0].tolist()


@step
def iris_labels() -> list[int]:
    return load_iris(return_X_y=True)[1].tolist()


@pipeline
def iris_evaluation() -> None:
    evaluate_classifier(train_iris(), iris_features(), iris_labels())


@step
def diabetes_model() -> LinearRegression:
    features, targets = load_diabetes(return_X_y=True)
    return LinearRegression().fit(features, targets)


@step
def diabetes_features() -> list[list[float]]:
    return load_diabetes(return_X_y=True)[0].tolist()


@step
def diabetes_targets() -> list[float]:
    return load_diabetes(return_X_y=True)[1].tolist()


@pipeline
def diabetes_evaluation() -> None:
    evaluate_regressor(diabetes_model(), diabetes_features(), diabetes_targets())


def test_a_classifier_report_shows_its_confusion_matrix_curves_and_report() -> None:
    run = iris_evaluation()

    report = Client().get_pipeline_run(run.id).steps["evaluate_classifier"].outputs["output"]
    names = [v.name for v in report.visualizations]
    loaded = report.load()
    assert names == [
        "confusion matrix",
        "confusion matrix (normalized)",
        "ROC curve",
        "precision-recall curve",
        "classification report",
    ]
    assert [v.type.value for v in report.visualizations][-1] == "table"
    assert len(loaded.charts["ROC curve"].series) == 3
    assert loaded.metrics["accuracy"] > 0.9
    assert report.metadata["roc_auc"] > 0.9


def test_a_regressor_report_shows_predictions_and_residuals_with_its_metrics() -> None:
    run = diabetes_evaluation()

    report = Client().get_pipeline_run(run.id).steps["evaluate_regressor"].outputs["output"]

    assert [v.name for v in report.visualizations] == ["predicted vs actual", "residuals"]
    assert 0.3 < report.metadata["r2"] < 1.0
    assert report.metadata["rmse"] > report.metadata["mae"] > 0


def test_an_estimator_is_saved_in_skops_format_with_its_parameters_and_diagram() -> None:
    run = iris_evaluation()

    model = Client().get_pipeline_run(run.id).steps["train_iris"].outputs["output"]

    assert model.metadata["format"] == "skops"
    assert model.metadata["is_fitted"] is True
    assert [(v.name, v.type.value) for v in model.visualizations] == [
        ("parameters", "table"),
        ("diagram", "html"),
    ]
    assert model.load().predict(load_iris(return_X_y=True)[0][:1]).shape == (1,)
