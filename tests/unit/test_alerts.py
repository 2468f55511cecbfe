"""Alert building: the public JSON contract, plain-text fields, stable IDs."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.config import data_path
from wirewatch.workers import alerts
from wirewatch.workers.models import Article, Incident, Location, Verdict

SCHEMA = json.loads(data_path("alert.schema.json").read_text())


def _verdict(**kw: object) -> Verdict:
    base: dict[str, object] = dict(
        is_attack=True,
        score=0.93,
        attack_types=["suicide_attack"],
        killed=41,
        injured=80,
        locations=[Location(name="Kabul", country_code="AF", lat=34.53, lon=69.17)],
        actors=["Islamic State"],
        evidence=[
            "Last week, ISIS claimed responsibility for a suicide bombing in Kabul that killed 41 people."
        ],
        incidents=[
            Incident(
                type="suicide_attack",
                location=Location(name="Kabul", country_code="AF"),
                killed=41,
                injured=80,
                actors=["Islamic State"],
                sentence="... a suicide bombing in Kabul ...",
            )
        ],
        classifier={"name": "wirewatch-triage", "version": "1", "ner": "gazetteer"},
    )
    base.update(kw)
    return Verdict(**base)  # type: ignore[arg-type]


def _article(**kw: object) -> Article:
    base: dict[str, object] = dict(
        id="0123456789abcdef",
        url="https://news.example.org/a",
        title="A title",
        sitename="Example News",
        published=datetime(2018, 1, 9, tzinfo=UTC),
    )
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_alert_matches_the_schema() -> None:
    alert = alerts.build_alert(_article(), _verdict())
    jsonschema.validate(alert, SCHEMA)
    assert alert["id"] == "0123456789abcdef"
    assert alert["published"] == "2018-01-09T00:00:00+00:00"
    assert alert["incidents"][0]["killed"] == 41


def test_schema_rejects_a_broken_alert() -> None:
    alert = alerts.build_alert(_article(), _verdict())
    del alert["evidence"]
    try:
        jsonschema.validate(alert, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("schema accepted an alert without evidence")


def test_source_falls_back_to_host_and_title_to_entry_title() -> None:
    alert = alerts.build_alert(_article(sitename=None, title="", entry_title="From the feed"), _verdict())
    assert alert["source"] == "news.example.org"
    assert alert["title"] == "From the feed"


def test_control_characters_are_stripped_from_text_fields() -> None:
    alert = alerts.build_alert(_article(title="Bomb\x00 \x1b[31mblast"), _verdict(actors=["gun\x07men"]))
    assert alert["title"] == "Bomb [31mblast"
    assert alert["actors"] == ["gunmen"]


def test_same_event_same_id_other_place_other_id() -> None:
    day = datetime(2018, 1, 9, 8, tzinfo=UTC)
    later = datetime(2018, 1, 9, 20, tzinfo=UTC)
    assert alerts.event_id(_verdict(), day) == alerts.event_id(_verdict(), later)
    elsewhere = _verdict(locations=[Location(name="Kandahar", country_code="AF")])
    assert alerts.event_id(elsewhere, day) != alerts.event_id(_verdict(), day)


def test_a_follow_up_the_next_day_is_the_same_event_when_the_attack_date_is_given() -> None:
    """Reported late on Tuesday 9 January and again on Wednesday morning: one event."""
    tuesday = datetime(2018, 1, 9, 23, tzinfo=UTC)
    wednesday = datetime(2018, 1, 10, 7, tzinfo=UTC)
    incident = _verdict().incidents[0]
    dated = _verdict(
        incidents=[incident.model_copy(update={"date": "late on Tuesday", "date_iso": "2018-01-09"})]
    )
    assert alerts.event_id(dated, wednesday) == alerts.event_id(_verdict(), tuesday)
    # Without a date in the text the publication day decides, as before.
    assert alerts.event_id(_verdict(), wednesday) != alerts.event_id(_verdict(), tuesday)


def test_an_incident_date_far_from_publication_does_not_decide_the_day() -> None:
    published = datetime(2018, 1, 10, 7, tzinfo=UTC)
    incident = _verdict().incidents[0]
    old = _verdict(
        incidents=[incident.model_copy(update={"date": "in March 2015", "date_iso": "2015-03-01"})]
    )
    assert alerts.event_day(old, published.date()) == published.date()
    assert alerts.event_id(old, published) == alerts.event_id(_verdict(), published)


def test_an_earlier_attack_never_dates_the_event_and_is_marked_in_the_alert() -> None:
    """Published on Wednesday about Tuesday's attack, recalling one of the Sunday before: the day is
    Tuesday's, though the earlier incident is of the main type and within the window."""
    published = datetime(2018, 1, 10, 7, tzinfo=UTC)
    incident = _verdict().incidents[0]
    verdict = _verdict(
        incidents=[
            incident.model_copy(update={"type": "bombing", "date_iso": "2018-01-09"}),
            incident.model_copy(update={"date_iso": "2018-01-07", "earlier": True}),
        ]
    )
    assert alerts.event_day(verdict, published.date()).isoformat() == "2018-01-09"
    alert = alerts.build_alert(_article(published=published), verdict)
    jsonschema.validate(alert, SCHEMA)
    assert [i["earlier"] for i in alert["incidents"]] == [False, True]


def test_summary_says_what_where_how_many() -> None:
    line = alerts.summary(alerts.build_alert(_article(), _verdict()))
    assert line.startswith("suicide attack in Kabul (41 killed, 80 injured)")


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(title=text, actor=text, sentence=text, killed=st.none() | st.integers(0, 10**6))
def test_serializer_round_trip(title: str, actor: str, sentence: str, killed: int | None) -> None:
    verdict = _verdict(actors=[actor], evidence=[sentence], killed=killed)
    alert = alerts.build_alert(_article(title=title), verdict)
    decoded = json.loads(alerts.dumps(alert))
    assert decoded == alert
    jsonschema.validate(decoded, SCHEMA)
