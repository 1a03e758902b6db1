"""The scikit-learn integration: evaluation steps whose reports are charts and tables.

`headwater integration install sklearn` installs what it needs; without it, calling a
step here raises an error that names that command.
"""

from __future__ import annotations

from typing import Any

from headwater.artifacts.materializers.registry import register_materializer
from headwater.integrations.registry import require_integration
from headwater.integrations.sklearn.estimator import EstimatorMaterializer
from headwater.integrations.sklearn.report import EvaluationReport, EvaluationReportMaterializer
from headwater.sdk.step import step

__all__ = ["EstimatorMaterializer", "EvaluationReport", "evaluate_classifier", "evaluate_regressor"]

register_materializer(EvaluationReportMaterializer)
register_materializer(EstimatorMaterializer)


# User values (estimators, arrays, frames) pass through, hence `Any`.
@step(enable_cache=False)
def evaluate_classifier(model: Any, X: Any, y: Any) -> EvaluationReport:
    """Evaluate a fitted classifier on `X`, `y`: confusion matrix (counts and normalized),
    classification report, ROC and precision-recall curves with AUC (one-vs-rest for more
    than two classes); accuracy, macro f1 and ROC AUC become the report's metadata.

    Raises:
        IntegrationError: scikit-learn is not installed.
    """
    require_integration("sklearn")
    from headwater.integrations.sklearn.evaluation import classifier_report

    return classifier_report(model, X, y)


@step(enable_cache=False)
def evaluate_regressor(model: Any, X: Any, y: Any) -> EvaluationReport:
    """Evaluate a fitted regressor on `X`, `y`: predicted against actual and residuals;
    r2, MAE and RMSE become the report's metadata.

    Raises:
        IntegrationError: scikit-learn is not installed.
    """
    require_integration("sklearn")
    from headwater.integrations.sklearn.evaluation import regressor_report

    return regressor_report(model, X, y)
