"""What a search should find, stated on the search keys alone, for tests to hold the store's SQL against."""

from __future__ import annotations

from recogniser.store.search import prefix_upper_bound, query_words


def found_by(typed: str, indexed: set[str]) -> bool:
    """Whether a case indexed under ``indexed`` has, for every word typed, a term starting with one of its forms."""
    return all(
        any(prefix <= term < prefix_upper_bound(prefix) for prefix in prefixes for term in indexed)
        for prefixes in query_words(typed)
    )
