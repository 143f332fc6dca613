"""Each extraction stage alone: what one stage adds to a document's state on text written for
the test, the stages before it having run as the driver runs them.

The places are real divisions of China the gazetteer knows (湖州市安吉县天荒坪镇); the
people and the practices are invented.
"""

from __future__ import annotations

import pytest

from kg.extract.sentence import SentenceView
from kg.extract.spans import Span
from kg.extract.stages import STAGES, coreference, credits, places, stage, subjects
from kg.extract.state import DocState
from kg.read import split

CHAIN = "湖州市安吉县天荒坪镇党委书记王海林介绍，该县推行“竹林议事”机制。\n"
APPOSITION = "王海林，天荒坪镇党委书记，长期在基层工作。\n"
QUOTE = "“我们推行‘村事村办’制度。”天荒坪镇党委副书记李晓红说。\n"


class Added:
    """What one stage added, sentence by sentence: mentions and relations, read plainly."""

    def __init__(self) -> None:
        self.mentions: list[tuple[int, str, str, str]] = []  # (sentence, type, canonical, rule)
        self.relations: list[tuple[int, str, str, str, str, str | None]] = []  # (…, s, p, o, rule, role)
        self.views: list[SentenceView] = []


def run_stage(gaz, text: str, name: str) -> tuple[DocState, Added]:
    """Extract ``text`` as the driver does, recording what the stage ``name`` adds."""
    doc = split("d0", "d0.txt", text)
    st = DocState(doc, gaz)
    added = Added()
    for sent, pspans in zip(doc.sentences, places.prepare(st), strict=True):
        view = SentenceView(sent, pspans, len(st.out.mentions))
        for s in STAGES:
            m0, r0 = len(st.out.mentions), len(st.out.relations)
            s.run(st, view)
            if s.name != name:
                continue
            added.views.append(view)
            added.mentions += [(sent.index, m.type, m.canonical, m.evidence.extractor) for m in st.out.mentions[m0:]]
            added.relations += [(sent.index, st.by_id[r.subject].canonical, r.predicate, st.by_id[r.object].canonical,
                                 r.evidence.extractor, r.role) for r in st.out.relations[r0:]]
    return st, added


def test_the_stages_run_in_their_documented_order():
    assert [s.name for s in STAGES] == ["article", "places", "bodies", "coreference", "people", "leads",
                                        "subjects", "credits", "mechanisms", "carry"]
    assert stage("leads").run.__module__ == "kg.extract.stages.leads"


def test_an_unknown_stage_is_an_error_naming_the_stages():
    with pytest.raises(KeyError, match="no stage 'nouns'; the stages are article, places, bodies"):
        stage("nouns")


def test_places_stage_links_each_place_of_a_chain_to_the_one_before(gaz):
    _, added = run_stage(gaz, CHAIN, "places")
    assert [(t, n) for _, t, n, _ in added.mentions] == [
        ("City", "湖州市"), ("County", "安吉县"), ("Town", "天荒坪镇")]
    assert [(s, o, rule) for _, s, p, o, rule, _ in added.relations if p == "locatedIn"] == [
        ("安吉县", "湖州市", "chain"), ("天荒坪镇", "安吉县", "chain")]


def test_bodies_stage_names_a_body_after_the_place_its_name_opens_with(gaz):
    st, added = run_stage(gaz, CHAIN, "bodies")
    [(_, t, name, rule)] = added.mentions
    assert (t, name, rule) == ("Organization", "湖州市安吉县天荒坪镇党委", "org-head")
    [body] = [m for _, m in added.views[0].org_mentions if m.type == "Organization"]
    assert st.by_id[body.place].canonical == "天荒坪镇"


def test_coreference_stage_reads_gaixian_as_the_county_last_named(gaz):
    st, added = run_stage(gaz, CHAIN, "coreference")
    assert [(t, n, rule) for _, t, n, rule in added.mentions] == [("County", "安吉县", "coreference")]
    county = [m for m in st.out.mentions if m.canonical == "安吉县"]
    assert len({st.keys[m.id] for m in county}) == 1  # one place, one key


def test_coreference_stage_alone_on_a_state_made_by_hand(gaz):
    """No other stage runs: the county is put in the state as the article's place."""
    doc = split("d0", "d0.txt", "安吉县地处浙北。\n该县推行竹林议事。\n")
    st = DocState(doc, gaz)
    first, second = doc.sentences
    county = st.mention(first, Span(0, 3, "安吉县", "County", "gazetteer", 0.95), "County", "安吉县")
    st.keys[county.id] = "County/330523"
    st.recent_places.append((county.id, "County", "安吉县"))
    view = SentenceView(second, [], len(st.out.mentions))
    coreference.run(st, view)
    [(sp, m)] = view.org_mentions
    assert (sp.text, m.type, m.canonical, st.keys[m.id]) == ("该县", "County", "安吉县", "County/330523")


def test_people_stage_reads_a_post_before_a_name_as_leading_its_body(gaz):
    _, added = run_stage(gaz, CHAIN, "people")
    assert [(t, n, rule) for _, t, n, rule in added.mentions] == [("Person", "王海林", "post")]
    assert [(s, p, o, rule, role) for _, s, p, o, rule, role in added.relations] == [
        ("王海林", "leads", "湖州市安吉县天荒坪镇党委", "post", "党委书记")]


def test_leads_stage_reads_a_post_given_as_an_apposition(gaz):
    _, added = run_stage(gaz, CHAIN + APPOSITION, "leads")
    assert [(i, t, n, rule) for i, t, n, rule in added.mentions] == [(1, "Person", "王海林", "apposition")]
    assert [(s, o, rule, role) for _, s, _, o, rule, role in added.relations] == [
        ("王海林", "天荒坪镇党委", "post", "党委书记")]


def test_subjects_stage_takes_the_actor_that_opens_a_clause(gaz):
    _, added = run_stage(gaz, "安吉县天荒坪镇在全镇推行“竹林议事”机制。\n", "subjects")
    assert added.views[0].subject.canonical == "天荒坪镇"  # the chain's last place acts


def test_subjects_stage_passes_over_a_speakers_body(gaz):
    _, added = run_stage(gaz, "天荒坪镇党委负责人介绍说，这里推行“竹林议事”机制。\n", "subjects")
    assert added.views[0].subject is None


def test_credits_stage_gives_a_quotes_practice_to_the_speakers_body(gaz):
    _, added = run_stage(gaz, CHAIN + QUOTE, "credits")
    assert [(s, p, o, rule) for _, s, p, o, rule, _ in added.relations] == [
        ("天荒坪镇党委", "implements", "村事村办", "implements-speaker")]


def test_a_quote_whose_speaker_never_comes_credits_the_articles_subject(gaz):
    st, _ = run_stage(gaz, CHAIN + "“我们推行‘村事村办’制度。”\n", "credits")
    assert [q[2].canonical for q in st.pending_quote] == ["村事村办"]  # waiting for a speaker (the single quotes and the head go)
    credits.flush(st)  # the document ends: none came
    assert st.pending_quote == []
    facts = [(st.by_id[r.subject].canonical, st.by_id[r.object].canonical, r.evidence.extractor)
             for r in st.out.relations if r.predicate == "implements"]
    assert ("安吉县", "村事村办", "implements-article") in facts


def test_mechanisms_stage_credits_the_sentences_actor(gaz):
    _, added = run_stage(gaz, CHAIN, "mechanisms")
    assert [(t, n, rule) for _, t, n, rule in added.mentions] == [("Mechanism", "竹林议事", "mech-quoted")]
    assert [(s, o, rule) for _, s, _, o, rule, _ in added.relations] == [("安吉县", "竹林议事", "implements-sentence")]


def test_the_region_the_article_opens_on_is_not_credited_with_its_practices(gaz):
    """An article that opens on the region, then a practice no sentence credits: the county
    it goes on to is credited, the region never (it is too wide to be the implementer)."""
    region = "浙江省着力推进基层治理。\n"
    _, added = run_stage(gaz, region + "近年来，“竹林议事”机制深入人心。\n", "mechanisms")
    assert [(s, o, rule) for _, s, _, o, rule, _ in added.relations] == []
    _, added = run_stage(gaz, region + "安吉县坚持党建引领。近年来，“竹林议事”机制深入人心。\n", "mechanisms")
    assert [(s, o, rule) for _, s, _, o, rule, _ in added.relations] == [("安吉县", "竹林议事", "implements-article")]


def test_carry_stage_makes_the_sentences_subject_the_articles(gaz):
    st, added = run_stage(gaz, CHAIN + APPOSITION, "carry")
    assert st.by_id[st.subject].canonical == "安吉县"
    assert added.views[1].subject is None  # the second sentence has none of its own: it stays


def test_article_stage_alone_clears_what_the_last_article_named(gaz):
    doc = split("d0", "d0.txt", CHAIN)
    st = DocState(doc, gaz)
    st.subject, st.recent_orgs = "d0:0:1", [("d0:0:1", "某某镇党委")]
    subjects.article(st, SentenceView(doc.sentences[0], [], 0))
    assert (st.article, st.subject, st.recent_orgs) == (0, None, [])


def test_state_and_sentence_view_create_every_field_in_init(gaz):
    """No stage adds a field the classes do not declare."""
    doc = split("d0", "d0.txt", CHAIN + APPOSITION + QUOTE)
    fresh = DocState(doc, gaz)
    st, added = run_stage(gaz, CHAIN + APPOSITION + QUOTE, "carry")
    assert set(vars(st)) == set(vars(fresh))
    declared = set(vars(SentenceView(doc.sentences[0], [], 0)))
    assert all(set(vars(v)) == declared for v in added.views)
