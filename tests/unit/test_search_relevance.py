"""Search over the curated library: the case a person means is on the first screen.

The queries were written from what a student or a diplomat would type, before the results
were looked at; each names the case that must be among the first three hits.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cases.library import LibraryDir, curated_dir
from search_index import CaseRow, SearchIndex
from tests.conftest import curated_index_into

RELEVANCE = [
    ("oslo", "oslo-back-channel"),
    ("ping pong", "ping-pong-diplomacy"),
    ("table tennis china", "ping-pong-diplomacy"),
    ("Einstein Russell nuclear scientists", "pugwash-conferences"),
    ("Rod Larsen", "oslo-back-channel"),
    ("northern ireland priests", "northern-ireland-track-ii"),
    ("Graham Allison", "thucydides-trap"),
    ("balloon", "balloon-incident-2023"),
    ("human rights dialogue EU", "eu-china-human-rights-dialogue"),
    ("car joint venture", "china-auto-joint-venture-rule"),
    ("Kim Jong Un summit", "trump-kim-singapore-track-ii"),
    ("Montville Davidson", "coining-track-two"),
    ("Soviet American citizens dialogue", "dartmouth-conference"),
    ("healthcare", "us-china-healthcare-dialogue"),
    ("South China Sea", "south-china-sea-dialogue-2016"),
    ("nuclear dialogue france britain", "csis-european-trilateral-nuclear-dialogue"),
    ("military dialogue proposal congress", "uscc-military-backchannel-proposal"),
    ("victimhood", "israeli-palestinian-victimhood-narratives"),
    ("trade deficit Mnuchin", "us-china-comprehensive-economic-dialogue"),
    ("student exchanges europe china", "eu-china-people-to-people-dialogue"),
    ("canada university alberta", "canada-china-track-two"),
    ("Kelman Israeli Palestinian workshops", "kelman-problem-solving-workshops"),
    ("John Burton London workshop Indonesia Malaysia", "burton-controlled-communication"),
    ("Greek and Turkish Cypriot workshops", "cyprus-bicommunal-workshops"),
    ("Vamik Volkan Estonia Russian speakers", "estonia-russia-volkan-dialogues"),
    ("ANC Afrikaners Dakar", "dakar-1987-idasa"),
    ("Esterhuyse Mbeki secret talks England", "mells-park-talks"),
    ("Beilin Abed Rabbo model peace agreement", "geneva-initiative"),
    ("Hirschfeld Pundak final status talks Sweden", "stockholm-channel-beilin-abu-mazen"),
    ("Catholic community Rome Renamo peace", "santegidio-mozambique"),
    ("Lutheran church Guatemala guerrillas URNG", "lwf-oslo-guatemala-talks"),
    ("Adam Curle Quakers Biafra", "quaker-mediation-nigeria-biafra"),
    ("Archbishop Carey religious leaders Holy Land", "alexandria-process"),
    ("Ahtisaari Helsinki GAM Indonesia", "aceh-hd-centre-and-cmi"),
    ("ASEAN Regional Forum think tanks", "asean-isis-and-cscap"),
    ("Hasjim Djalal Spratlys workshops", "south-china-sea-workshops-indonesia"),
    ("India Pakistan retired diplomats Rajasthan fort", "neemrana-dialogue"),
    ("Cuban missile crisis ABC journalist KGB", "scali-fomin-channel"),
    ("Pope John XXIII Khrushchev Kennedy test ban", "cousins-test-ban-channel"),
    ("Kissinger Aubrac Hanoi", "pennsylvania-channel-1967"),
    ("Jimmy Carter Kim Il Sung", "carter-pyongyang-1994"),
    ("Tajikistan civil war Saunders sustained dialogue", "inter-tajik-dialogue"),
    ("Abkhazia Georgia Berghof workshops", "georgian-abkhaz-schlaining-process"),
    (
        "Armenian genocide Turkey commission David Phillips",
        "turkish-armenian-reconciliation-commission",
    ),
    ("Susan Shirk six-party talks forum", "northeast-asia-cooperation-dialogue"),
    ("Iran nuclear deal Pickering Luers dialogue", "us-iran-track-ii"),
    ("Santos FARC Havana peace talks", "colombia-farc-exploratory-talks"),
    ("Ben Rhodes Cuba Pope Francis Canada", "us-cuba-secret-talks"),
    ("ACRS Middle East arms control SIPRI", "middle-east-arms-control-track-two"),
    ("Israel Syria Golan secret non-paper", "liel-suleiman-channel"),
    ("Sudan Nuba ceasefire Switzerland Danforth", "nuba-mountains-buergenstock"),
    ("ETA Basque San Sebastian Kofi Annan", "aiete-conference"),
    ("Leymah Gbowee women Liberia peace", "liberia-women-mass-action"),
    ("Ashafa Wuye Nigeria interfaith mediation", "imam-and-pastor-kaduna"),
    ("MILF Bangsamoro Malaysia peace talks", "mindanao-international-contact-group"),
    ("Nepal Maoists king seven parties", "nepal-twelve-point-understanding"),
    ("Tamil Tigers Norway Solheim ceasefire", "sri-lanka-norway-facilitation"),
]


@pytest.fixture(scope="module")
def curated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The curated library's index (a copy of the one built once for the run)."""
    cache = tmp_path_factory.mktemp("relevance-cache") / "cache"
    curated_index_into(cache)
    idx = SearchIndex.open([LibraryDir(curated_dir(), "curated")], cache_root=cache)
    yield idx
    idx.close()


def _present(case_id: str) -> None:
    if not (curated_dir() / f"{case_id}.yaml").is_file():
        pytest.fail(f"curated case {case_id} is missing")


@pytest.mark.parametrize(("query", "case_id"), RELEVANCE)
def test_meant_case_in_top_three(curated: SearchIndex, query: str, case_id: str) -> None:
    _present(case_id)
    every_kind = [h.case_id for h in curated.search(query, limit=3).hits]
    assert case_id in every_kind, every_kind
    cases_only = [h.case_id for h in curated.search(query, kind="case", limit=3).hits]
    assert case_id in cases_only, cases_only


def test_lessons_about_trust_are_lessons_with_their_case(curated: SearchIndex) -> None:
    result = curated.search("lessons about trust")
    assert result.hits
    assert {h.kind for h in result.hits} == {"lesson"}
    for hit in result.hits:
        assert hit.item_id and hit.case_title and hit.case_id
    assert result.facets["kind"] == {"lesson": result.total}


def test_item_hit_names_its_case_and_item(curated: SearchIndex) -> None:
    hits = curated.search("sponsoring official patron", kind="recommendation").hits
    assert hits[0].ref == "oslo-back-channel/plan-the-handover"
    assert hits[0].case_title.startswith("The Oslo back channel")


def test_misspelt_name_gets_did_you_mean(curated: SearchIndex) -> None:
    result = curated.search("olso", autocorrect=False)
    assert result.total == 0
    assert result.suggestion == "oslo"
    assert curated.search("thucydidse trap").suggestion == "thucydides trap"


def test_zero_hits_show_the_correction_and_say_so(curated: SearchIndex) -> None:
    result = curated.search("olso")
    assert result.corrected_from == "olso" and result.query == "oslo"
    assert result.total > 0 and result.suggestion is None
    assert "oslo-back-channel" in [h.case_id for h in result.hits[:3]]
    assert result.as_dict()["corrected_from"] == "olso"
    # A query with hits is never replaced: "did you mean" only.
    kept = curated.search("Thucydidse trap")
    assert kept.corrected_from is None and kept.total > 0


def test_a_suggestion_keeps_capitals_and_the_closest_spelling(curated: SearchIndex) -> None:
    assert curated.search("Olso acords", autocorrect=False).suggestion == "Oslo accords"
    assert curated.search("Thucydidse trap").suggestion == "Thucydides trap"
    assert curated.search("OLSO", autocorrect=False).suggestion == "OSLO"


def test_typeahead_does_not_correct_the_word_being_typed(curated: SearchIndex) -> None:
    # "minda" is the start of Mindanao, not a misspelling of "minded".
    assert curated.search("minda", typeahead=True).suggestion is None
    assert curated.search("olso talks", typeahead=True).suggestion == "oslo talks"


def test_joined_and_hyphenated_forms_match(curated: SearchIndex) -> None:
    joined = [h.ref for h in curated.search("pingpong").hits]
    assert "ping-pong-diplomacy" in joined[:3]
    assert "ping-pong-diplomacy" in [h.ref for h in curated.search("ping-pong").hits[:3]]


def test_phrases_are_exact(curated: SearchIndex) -> None:
    # Side by side only: not across a dropped stop word, a comma or a sentence end.
    back_channel = curated.search('"back channel"', limit=1000).total
    either = curated.search("back channel", limit=1000).total
    assert 0 < back_channel < either
    assert curated.search('"back, channel"').total == 0
    # Stop words in a phrase hold their places: "the Oslo channel" is not "Oslo channel".
    assert curated.search('"track two diplomacy"').total > 0
    assert curated.search('"track of two diplomacy"').total == 0


def test_fuzzy_finds_a_swapped_letter(curated: SearchIndex) -> None:
    hits = curated.search("olso~", limit=3).hits  # two cases have Oslo in their title now
    assert "oslo-back-channel" in [h.case_id for h in hits]


def test_prefix(curated: SearchIndex) -> None:
    hits = curated.search("thucy*", kind="case").hits
    assert hits[0].case_id == "thucydides-trap"


def test_field_filters_combine(curated: SearchIndex) -> None:
    result = curated.search("kind:case country:CN year:1990..2000")
    ids = {h.case_id for h in result.hits}
    assert "china-auto-joint-venture-rule" in ids
    assert "eu-china-human-rights-dialogue" in ids
    assert "balloon-incident-2023" not in ids
    assert set(result.facets["kind"]) == {"case"}
    assert all("CN" in curated_row(curated, i).countries for i in ids)


def curated_row(idx: SearchIndex, case_id: str) -> CaseRow:
    return next(r for r in idx.cases() if r.id == case_id)


def test_snippet_marks_stemmed_and_accented_matches(curated: SearchIndex) -> None:
    hit = curated.search("Rød-Larsen", kind="case").hits[0]
    marked = [s.text for s in hit.snippet if s.match]
    assert "Rød" in marked and "Larsen" in marked
    text = "".join(s.text for s in hit.snippet)
    assert "Rød-Larsen" in text
    negotiate = curated.search("negotiate", kind="case", limit=5).hits
    marked_words = {s.text.lower() for h in negotiate for s in h.snippet if s.match}
    assert any(m.startswith("negotiat") and m != "negotiate" for m in marked_words)


def test_more_like_returns_other_cases(curated: SearchIndex) -> None:
    similar = curated.more_like("us-china-strategic-nuclear-dialogue", limit=5)
    assert similar
    assert all(h.case_id != "us-china-strategic-nuclear-dialogue" for h in similar)
    assert "csis-european-trilateral-nuclear-dialogue" in {h.case_id for h in similar}
    assert curated.more_like("no-such-case") == []


def test_cases_come_from_stored_fields(curated: SearchIndex) -> None:
    rows = curated.cases()
    assert len(rows) == len(list(Path(curated_dir()).glob("*.yaml")))
    oslo = curated_row(curated, "oslo-back-channel")
    assert oslo.years == "1992-1993" and oslo.decade == ["1990s"]
    assert "1.5" in oslo.track and oslo.origin == "curated"
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_items_by_tag(curated: SearchIndex) -> None:
    every = curated.items()
    assert {h.kind for h in every} == {"lesson", "challenge", "recommendation"}
    tagged = curated.items(tag="trust-building")
    assert tagged and len(tagged) < len(every)
    assert all(h.snippet and h.snippet[0].text for h in tagged)
    assert curated.items(kind="lesson", tag="trust-building") == [
        h for h in tagged if h.kind == "lesson"
    ]


def test_a_query_of_only_syntax_says_so_instead_of_listing_everything(curated: SearchIndex) -> None:
    for text in ("title:(", "AND OR", '""', "( )"):
        result = curated.search(text)
        assert result.total == 0 and result.hits == [], text
        assert result.error and "nothing to search for" in result.error
    assert curated.search("track:1.5").total > 0  # filters alone still list what passes
    assert curated.search("year:1990..2000").total > 0
