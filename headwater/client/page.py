"""`Page`: one page of a listing, as every `Client.list_*` method returns it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from headwater.store.models import Page as StorePage

ItemT = TypeVar("ItemT")
StoredT = TypeVar("StoredT")


@dataclass(frozen=True, slots=True)
class Page(Generic[ItemT]):
    """One page of results: `index` counts from 1."""

    items: list[ItemT]
    index: int
    size: int
    total: int

    @classmethod
    def of(cls, result: StorePage[StoredT], wrap: Callable[[StoredT], ItemT]) -> Page[ItemT]:
        """The store's page with each item wrapped (in a response, or kept as it is)."""
        return cls([wrap(item) for item in result.items], result.index, result.size, result.total)

    @property
    def total_pages(self) -> int:
        """How many pages of this size the whole result fills (at least 1)."""
        return max(1, -(-self.total // self.size))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[ItemT]:
        return iter(self.items)

    def __getitem__(self, index: int) -> ItemT:
        return self.items[index]
