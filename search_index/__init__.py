"""Full-text search over cases and their lessons, challenges and recommendations.

The only package that imports Whoosh; everything it returns is a plain dataclass.

    idx = SearchIndex.open(dirs)
    result = idx.search('"back channel" kind:lesson')
"""

from search_index.index import SearchIndex
from search_index.model import CaseRow, Hit, SearchResult, Span, UpdateStats

__all__ = ["CaseRow", "Hit", "SearchIndex", "SearchResult", "Span", "UpdateStats"]
