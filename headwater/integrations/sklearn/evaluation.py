"""Classifier and regressor evaluation as charts, tables and headline metrics."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

from headwater.artifacts.chart_spec import Chart, ChartAxis, ChartSeries
from headwater.artifacts.table_spec import Table, TableColumn
from headwater.integrations.sklearn.report import EvaluationReport

# Curves are thinned to this many points each, so a report stays small.
_CURVE_POINTS = 500


def classifier_report(model: Any, features: Any, labels: Any) -> EvaluationReport:
    """Confusion matrix, classification report, ROC and precision-recall curves."""
    predicted = model.predict(features)
    classes = [str(c) for c in getattr(model, "classes_", np.unique(labels))]
    metrics = {
        "accuracy": float(skm.accuracy_score(labels, predicted)),
        "f1_macro": float(skm.f1_score(labels, predicted, average="macro")),
    }
    charts = dict(_confusion_charts(labels, predicted, model, classes))
    if hasattr(model, "predict_proba"):
        curves = _curves(model, features, labels)
        charts.update(curves)
        metrics["roc_auc"] = float(
            np.mean([float(s.name.rsplit("=", 1)[1]) for s in curves["ROC curve"].series])
        )
    return EvaluationReport(
        kind="classifier",
        metrics=metrics,
        charts=charts,
        tables={"classification report": _classification_table(labels, predicted, classes)},
    )


def regressor_report(model: Any, features: Any, targets: Any) -> EvaluationReport:
    """Predicted against actual values, and residuals."""
    predicted = np.asarray(model.predict(features), dtype=float)
    actual = np.asarray(targets, dtype=float)
    sample = _thin(len(actual), 5_000)
    metrics = {
        "r2": float(skm.r2_score(actual, predicted)),
        "mae": float(skm.mean_absolute_error(actual, predicted)),
        "rmse": float(np.sqrt(skm.mean_squared_error(actual, predicted))),
    }
    low, high = float(min(actual.min(), predicted.min())), float(max(actual.max(), predicted.max()))
    return EvaluationReport(
        kind="regressor",
        metrics=metrics,
        charts={
            "predicted vs actual": Chart(
                kind="scatter",
                title="Predicted against actual",
                x_axis=ChartAxis(label="actual"),
                y_axis=ChartAxis(label="predicted"),
                series=[
                    ChartSeries(
                        name="predictions", x=_xs(actual[sample]), y=_list(predicted[sample])
                    ),
                    ChartSeries(name="ideal", x=[low, high], y=[low, high]),
                ],
            ),
            "residuals": Chart(
                kind="scatter",
                title="Residuals (actual - predicted)",
                x_axis=ChartAxis(label="predicted"),
                y_axis=ChartAxis(label="residual"),
                series=[
                    ChartSeries(
                        name="residuals",
                        x=_xs(predicted[sample]),
                        y=_list((actual - predicted)[sample]),
                    )
                ],
            ),
        },
    )


def _confusion_charts(
    labels: Any, predicted: Any, model: Any, classes: list[str]
) -> list[tuple[str, Chart]]:
    order = getattr(model, "classes_", None)
    counts = skm.confusion_matrix(labels, predicted, labels=order)
    totals = counts.sum(axis=1, keepdims=True)
    normalized = np.divide(counts, totals, out=np.zeros(counts.shape), where=totals > 0)
    x_axis = ChartAxis(label="predicted", categories=classes)
    y_axis = ChartAxis(label="true", categories=classes)
    return [
        (
            "confusion matrix",
            Chart(
                kind="heatmap",
                title="Confusion matrix (counts)",
                cells=counts.astype(float).tolist(),
                cell_labels=[[str(int(v)) for v in row] for row in counts],
                x_axis=x_axis,
                y_axis=y_axis,
            ),
        ),
        (
            "confusion matrix (normalized)",
            Chart(
                kind="heatmap",
                title="Confusion matrix (share of each true class)",
                cells=np.round(normalized, 4).tolist(),
                cell_labels=[[f"{v:.0%}" for v in row] for row in normalized],
                x_axis=x_axis,
                y_axis=y_axis,
            ),
        ),
    ]


def _classification_table(labels: Any, predicted: Any, classes: list[str]) -> Table:
    report = skm.classification_report(labels, predicted, output_dict=True, zero_division=0)
    rows: list[list[str | int | float | bool | None]] = []
    for name, scores in report.items():
        if isinstance(scores, dict):
            rows.append(
                [
                    str(name),
                    round(float(scores["precision"]), 4),
                    round(float(scores["recall"]), 4),
                    round(float(scores["f1-score"]), 4),
                    int(scores["support"]),
                ]
            )
    return Table(
        title=f"Classification report ({len(classes)} classes)",
        columns=[
            TableColumn(name="class"),
            TableColumn(name="precision", type="number"),
            TableColumn(name="recall", type="number"),
            TableColumn(name="f1", type="number"),
            TableColumn(name="support", type="integer"),
        ],
        rows=rows,
    )


def _curves(model: Any, features: Any, labels: Any) -> dict[str, Chart]:
    scores = np.asarray(model.predict_proba(features))
    order = list(model.classes_)
    truth = label_binarize(labels, classes=order)
    if len(order) == 2:
        truth, scores, names = truth[:, [0]], scores[:, [1]], [str(order[1])]
    else:
        names = [str(c) for c in order]
    roc, pr = [], []
    for index, name in enumerate(names):
        fpr, tpr, _ = skm.roc_curve(truth[:, index], scores[:, index])
        precision, recall, _ = skm.precision_recall_curve(truth[:, index], scores[:, index])
        auc = skm.auc(fpr, tpr)
        average = skm.average_precision_score(truth[:, index], scores[:, index])
        keep, keep_pr = _thin(len(fpr), _CURVE_POINTS), _thin(len(recall), _CURVE_POINTS)
        roc.append(ChartSeries(name=f"{name} AUC={auc:.3f}", x=_xs(fpr[keep]), y=_list(tpr[keep])))
        pr.append(
            ChartSeries(
                name=f"{name} AP={average:.3f}",
                x=_xs(recall[keep_pr]),
                y=_list(precision[keep_pr]),
            )
        )
    return {
        "ROC curve": Chart(
            kind="line",
            title="ROC curve" + (" (one-vs-rest)" if len(names) > 1 else ""),
            x_axis=ChartAxis(label="false positive rate", min=0.0, max=1.0),
            y_axis=ChartAxis(label="true positive rate", min=0.0, max=1.0),
            series=roc,
        ),
        "precision-recall curve": Chart(
            kind="line",
            title="Precision-recall curve" + (" (one-vs-rest)" if len(names) > 1 else ""),
            x_axis=ChartAxis(label="recall", min=0.0, max=1.0),
            y_axis=ChartAxis(label="precision", min=0.0, max=1.0),
            series=pr,
        ),
    }


def _thin(length: int, points: int) -> np.ndarray[Any, np.dtype[np.intp]]:
    if length <= points:
        return np.arange(length)
    return np.unique(np.linspace(0, length - 1, points).round().astype(np.intp))


def _list(values: np.ndarray[Any, Any]) -> list[float | None]:
    return [round(float(v), 6) for v in values]


def _xs(values: np.ndarray[Any, Any]) -> list[float]:
    return [round(float(v), 6) for v in values]
