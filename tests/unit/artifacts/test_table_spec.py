"""A `Table`'s rows are checked against its columns when built."""

from __future__ import annotations

import pytest

from headwater import Table, TableColumn
from headwater.errors import VisualizationError


def test_a_cell_of_the_wrong_type_is_named_with_its_row_and_column() -> None:
    with pytest.raises(VisualizationError, match="row 1 has 'x' in integer column 'n'"):
        Table(columns=[TableColumn(name="n", type="integer")], rows=[[1], ["x"]])


def test_a_boolean_is_not_a_number() -> None:
    with pytest.raises(VisualizationError, match="True in number column"):
        Table(columns=[TableColumn(name="v", type="number")], rows=[[True]])


def test_statuses_must_have_the_shape_of_the_rows() -> None:
    with pytest.raises(VisualizationError, match="'statuses' of another shape"):
        Table(columns=[TableColumn(name="a")], rows=[["x"]], statuses=[])


def test_a_short_row_is_refused() -> None:
    with pytest.raises(VisualizationError, match="row 0 has 1 cells for 2 columns"):
        Table(columns=[TableColumn(name="a"), TableColumn(name="b")], rows=[["x"]])
