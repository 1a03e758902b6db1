"""The `Client` facade over whichever store is configured, split by the part of the data
model it reads: runs and pipelines (`client.py`), the catalog of artifacts, tags, users and
projects (`catalog.py`), models (`models.py`) and stacks (`stacks.py`)."""

from headwater.client.client import CacheExplanation, Client
from headwater.client.page import Page

__all__ = ["CacheExplanation", "Client", "Page"]
