"""The materializer for scikit-learn estimators: skops' safe format when it can load them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.artifacts.materializers.base import Materializer
from headwater.artifacts.table_spec import Table, TableColumn

if TYPE_CHECKING:
    from headwater.artifacts.visualization import SavedVisualization

_SKOPS_FILE = "estimator.skops"
_PICKLE_FILE = "estimator.pkl"


class EstimatorMaterializer(Materializer):
    """A fitted (or unfitted) estimator, in skops' format when skops trusts every type in
    it by default (loading it then runs no arbitrary code), else with cloudpickle.

    The format used is the artifact's `format` metadata. Views: the parameters as a table
    and scikit-learn's own self-contained HTML diagram, shown in the sandboxed frame.
    """

    ASSOCIATED_TYPES = ("sklearn.base.BaseEstimator",)

    def save(self, data: Any) -> None:
        """Write `estimator.skops` when skops can load it safely, else `estimator.pkl`."""
        import skops.io

        content = skops.io.dumps(data)
        if not skops.io.get_untrusted_types(data=content):
            self.fs.pipe_file(self.file_path(_SKOPS_FILE), content)
            return
        import cloudpickle

        self.fs.pipe_file(self.file_path(_PICKLE_FILE), cloudpickle.dumps(data))

    def load(self, data_type: type) -> Any:
        """Read whichever file `save` wrote."""
        if self.fs.exists(self.file_path(_SKOPS_FILE)):
            import skops.io

            return skops.io.loads(self.fs.cat_file(self.file_path(_SKOPS_FILE)))
        import cloudpickle

        return cloudpickle.loads(self.fs.cat_file(self.file_path(_PICKLE_FILE)))

    def extract_metadata(self, data: Any) -> dict[str, Any]:
        """Which format holds the bytes, the estimator's class and whether it is fitted."""
        from sklearn.utils.validation import check_is_fitted

        try:
            check_is_fitted(data)
            is_fitted = True
        except Exception:
            is_fitted = False
        is_skops = self.fs.exists(self.file_path(_SKOPS_FILE))
        return {
            "format": "skops" if is_skops else "cloudpickle",
            "estimator": type(data).__name__,
            "is_fitted": is_fitted,
        }

    def save_visualizations(self, data: Any) -> list[SavedVisualization]:
        """The parameters as a table, and the estimator's HTML diagram."""
        from sklearn.utils import estimator_html_repr

        parameters = Table(
            title=f"{type(data).__name__} parameters",
            columns=[TableColumn(name="parameter"), TableColumn(name="value")],
            rows=[[name, repr(value)] for name, value in sorted(data.get_params().items())],
        )
        diagram = estimator_html_repr(data).encode()
        return [
            self.write_table("parameters", parameters),
            self.write_visualization("diagram", "html", diagram, extension="html"),
        ]
