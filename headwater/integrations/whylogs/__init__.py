"""The whylogs integration: profile views as column tables and distribution charts.

`headwater integration install whylogs` installs what it needs; without it, calling a
step here raises an error that names that command. whylogs' usage statistics stay off.
"""

from __future__ import annotations

from typing import Any

from headwater.artifacts.materializers.registry import register_materializer
from headwater.integrations.whylogs.comparison import (
    ProfileComparison,
    ProfileComparisonMaterializer,
)
from headwater.integrations.whylogs.library import import_whylogs
from headwater.integrations.whylogs.profile_view import ProfileViewMaterializer
from headwater.sdk.step import step

__all__ = [
    "ProfileComparison",
    "ProfileViewMaterializer",
    "compare_profiles",
    "import_whylogs",
    "profile_dataframe",
]

register_materializer(ProfileViewMaterializer)
register_materializer(ProfileComparisonMaterializer)


# A pandas DataFrame in, a whylogs DatasetProfileView out: user values, hence `Any`.
@step
def profile_dataframe(dataframe: Any) -> Any:
    """Profile `dataframe` with whylogs; the artifact is its `DatasetProfileView`.

    Raises:
        IntegrationError: whylogs is not installed.
    """
    return import_whylogs().log(dataframe).view()


@step
def compare_profiles(reference: Any, current: Any) -> ProfileComparison:
    """Two profile views side by side: statistics per column and overlaid distributions.

    Raises:
        IntegrationError: whylogs is not installed.
    """
    import_whylogs()
    return ProfileComparison(reference=reference, current=current)
