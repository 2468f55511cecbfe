"""Whom an attack hit and who did it, read off a dependency parse where the token rules find none.

The token rules of :mod:`targets` read an attack word's neighbours: "attacked X", "killing 41 police
trainees", "X was abducted". They miss a victim that an aside or a clause keeps apart from its verb:
"An Assam Government official, abducted by a gang of criminals, has managed to escape",
"Prominent Ukrainian-based journalist Pavel Sheremet of the Ukrainska Pravda is killed in a car
bombing", "A pharmacist identified as Shankar Barman (40) ..., who was abducted on his way". Those
of :mod:`actors` know armed groups and words for attackers ("militants", "gunmen"), not "unknown
men abducted eight members" nor "shot dead by a sniper". The NER pipeline ships a dependency parser
that the extractor leaves off for speed (it reads sentences with the statistical segmenter); here
it parses only the event sentences whose rules found no target or no attacker, each alone, so the
cost falls on few sentences of the alerted articles, and reads, for the attack and harm verbs told
as done (not negated, not a modal's or an aim's, not by state forces):

* targets: the passive subject ("journalist Pavel Sheremet ... is killed"), the noun a participle
  or a passive relative clause hangs on ("an official, abducted by", "a pharmacist ..., who was
  abducted"), the direct object ("Militants shot dead four alleged US spies");
* actors: the agent of a passive ("shot dead by a sniper"), the subject of an active verb that has
  its object ("unknown men abducted eight members"), when it is a person, a band or an agent noun.

A target is the noun with the words before it that modify it ("Prominent Ukrainian-based
journalist Pavel Sheremet") and an "of" phrase after it, never a pronoun, a perpetrator, a place, a
date, nor a bare count of people ("killed five people": the toll says that much). Gazetteer mode has
no parser and keeps the token rules alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.workers.classify.patterns import GENERIC_PERPETRATORS, vocabulary
from wirewatch.workers.classify.targets import MAX_WORDS

# Lemmas of the verbs whose patient was attacked or harmed.
_VERBS = {
    "kill", "injure", "wound", "abduct", "kidnap", "shoot", "attack", "target", "ambush", "storm",
    "torch", "murder", "assassinate", "behead", "execute", "hit", "bomb", "burn", "stab", "hack",
    "gun", "massacre", "slay", "lynch", "machinegun", "raid", "besiege", "hijack", "seize", "capture",
    "blow", "destroy", "damage", "set",
}  # fmt: skip
_MODIFIER_DEPS = {
    "det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "npadvmod", "case", "punct",
}  # fmt: skip
# Nouns that are no target: counts ("scores", "dozens"), the attack itself ("the suicide bombing
# attack was carried out"), its claim, where on a body a victim was hit ("shot in the heart"), what
# a group seizes that is no victim ("seize power", "seized one M-72 rocket launcher"), and places
# that say where ("Quetta's Chashma Achozai area", "the capital"; "the port town" a group seized
# stays).
_NOT_TARGETS = {
    "people", "persons", "person", "others", "individuals", "victims", "victim", "one", "some", "many",
    "scores", "dozens", "hundreds", "tens", "number", "numbers", "total", "attack", "attacks", "bombing",
    "bombings", "bomb", "bombs", "blast", "blasts", "explosion", "explosions", "explotions", "assault",
    "ambush", "shooting", "raid", "strike", "strikes", "attempt", "responsibility", "charge", "charges",
    "heart", "head", "chest", "leg", "legs", "arm", "body", "stomach", "back", "neck", "abdomen", "thigh",
    "power", "control", "weapons", "arms", "rifles", "rifle", "launcher", "launchers", "ammunition",
    "explosives", "area", "areas", "region", "locality", "vicinity", "outskirts", "limits", "capital",
    "hub", "country", "place", "information", "release", "cracker", "crackers", "container", "containers",
    "mine", "mines", "landmine", "landmines", "device", "devices", "ied", "ieds",
    # what a camera "captured" or a photographer "shot"
    "footage", "video", "videos", "photo", "photos", "picture", "pictures", "image", "images", "moment",
    "scene",
}  # fmt: skip
# The attackers' own side: a militant killed or wounded is told of the forces' fire, not of an attack.
_ATTACKER_WORDS = {k for k in GENERIC_PERPETRATORS if " " not in k} | {
    "guerrilla", "guerrillas", "guerillas", "cadre", "cadres", "fighters", "militant", "rebel", "insurgent",
    "terrorist", "aggressor", "attacker", "attackers", "gunman", "criminals", "subversives", "suspect",
    "suspects", "accused",
}  # fmt: skip
# State forces, compared by word and by lemma ("a policeman", "Israeli soldiers", "officers"): what
# they do is no attack of an armed group, their dead no victims of one. A "former" soldier is not.
_NO_TARGET_NOUNS = _NOT_TARGETS | _ATTACKER_WORDS
_STATE_FORCES = vocabulary("state_forces") | {
    "security", "department", "force", "forces", "sfs", "soldier", "policeman", "officer", "constable",
    "gendarme", "ranger", "commando", "marine", "trooper", "peacekeeper", "cop", "agent", "personnel",
    "sepoy", "serviceman", "servicemen", "guard",
}  # fmt: skip
_NOT_STATE_NOW = {"former", "ex", "retired"}
_RELATIVES = {"who", "which", "that", "whom"}
# Nouns for people that name attackers only with "unidentified", "unknown" or "armed" before them
# (or, for "men", any adjective: "masked men", "uniformed men").
_VAGUE_DOERS = {"people", "persons", "person", "individuals", "men", "man"}
# Who can do an attack: people ("tribesmen", "a former Ukrainian soldier"), bands ("armed militias",
# "a mercenary group") and agent nouns ("dissident republicans", "Islamists", "a Palestinian sniper").
_PERSONS = vocabulary("person_nouns")
_GROUP_NOUNS = {"group", "groups", "gang", "gangs", "militia", "militias", "mob", "mobs", "cell", "squad"}
# "a member of his own security detail": the band the members belong to names them
_MEMBER_NOUNS = _GROUP_NOUNS | {"member", "members"}
_AGENT_ENDINGS = ("ist", "ists", "men", "man")
# Agent nouns of violence ("-er" alone would take "the river", "a cluster of rockets", "a tanker").
_VIOLENT_AGENTS = {
    "bomber", "bombers", "sniper", "snipers", "raider", "raiders", "kidnapper", "kidnappers", "hijacker",
    "hijackers", "robber", "robbers", "looter", "looters", "rioter", "rioters", "shooter", "shooters",
    "stabber", "killer", "killers", "murderer", "murderers", "assassin", "assassins", "abductor",
    "abductors", "attacker", "attackers", "arsonist", "arsonists", "settlers", "villagers", "protesters",
    "demonstrators",
}  # fmt: skip
# Who records an attack, not who does it ("captured by a wedding photographer"), and road deaths.
_NOT_DOERS = {
    "photographer", "photographers", "cameraman", "cameramen", "camera", "reporter", "reporters",
    "motorist", "motorists", "cyclist", "cyclists", "journalist", "journalists",
}  # fmt: skip
# Verbs whose subject is as often a vehicle or its passengers as an attacker ("a bus hit a landmine").
_NO_DOER_VERBS = {"hit", "strike"}
# Verbs that deny what a clause under them tells ("Officials dismissed reports that two engineers
# had been kidnapped").
_DENYING = {"deny", "dismiss", "reject", "refute"}
_REPORTS = {"report", "claim", "rumour", "rumor", "allegation", "suggestion"}
_MODALS = {"can", "could", "would", "will", "may", "might", "should", "must", "to"}


def parse(nlp: Language, sent: Span) -> Doc:
    """The sentence alone, parsed by the NER pipeline's own parser (its tagger's and NER's output
    is copied from the document)."""
    return nlp.get_pipe("parser")(sent.as_doc())


def parsed_targets(doc: Doc, start: int, blocked: set[int]) -> list[tuple[int, int, str]]:
    """(priority 0, token index in the sentence, phrase) for what the attack or harm verbs of the
    parsed sentence ``doc`` hit; ``start`` is the sentence's first token in its document and
    ``blocked`` holds the document indices of perpetrators and dates, as for
    :meth:`targets.TargetFinder.find`."""
    blocked = {i - start for i in blocked}
    found: list[tuple[int, int, str]] = []
    seen: set[int] = set()
    for tok in _acts(doc):
        for noun in _patients(tok):
            if noun.i in seen:
                continue
            phrase = _phrase(noun, blocked)
            if phrase:
                seen.add(noun.i)
                found.append((0, noun.i, phrase))
    return found


def parsed_actors(doc: Doc) -> list[str]:
    """Who did it, where the sentence names no group and no generic word for attackers: the agent
    of a passive attack or harm verb ("abducted by a gang of criminals") or the subject of an
    active one ("Bangladeshi criminals abducted a pharmacist"), a common noun that is neither a
    state force, nor a count of people, nor the weapon or the attack."""
    out: list[str] = []
    for tok in _acts(doc):
        # the subject only of a verb that has its object ("unknown men abducted eight members"):
        # "29 Chinese citizens abducted while working", "his wife injured" are victims
        if tok.lemma_.lower() in _NO_DOER_VERBS:
            continue
        active = tok.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "dobj" for c in tok.children)
        doers = [c for c in tok.children if c.dep_ == "nsubj" and active]
        doers += _agents(tok)
        for noun in doers:
            name = _doer(noun)
            if name and name not in out:
                out.append(name)
    return out


def _acts(doc: Doc) -> list[Token]:
    """The attack and harm verbs of the sentence told as done, not by state forces."""
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in _VERBS or not _told_done(tok) or _by_the_state(tok):
            continue
        if lemma == "set" and not any(c.lower_ in ("ablaze", "alight", "fire") for c in tok.children):
            continue
        out.append(tok)
    return out


def _doer(noun: Token) -> str | None:
    low = noun.lower_
    norp_agent = low.endswith("ans") and noun.ent_type_ == "NORP"  # "dissident republicans"
    if (
        noun.pos_ != "NOUN"
        or _is_state(noun)
        or low in _NOT_DOERS
        or low in _NOT_TARGETS - _VAGUE_DOERS
        or not (
            low in _PERSONS
            or low in _MEMBER_NOUNS
            or low in _VIOLENT_AGENTS
            or low.endswith(_AGENT_ENDINGS)
            or norp_agent
        )
    ):
        return None  # "a roadside bomb", "the vehicle", "a series of blasts" killed no one by intent
    mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.i < noun.i]
    if low in _VAGUE_DOERS and not any(
        m.lower_ in ("unidentified", "unknown", "armed") or (low in ("men", "man") and m.dep_ == "amod")
        for m in mods
    ):
        return None  # "Five people killed": a count, not who killed ("masked men" are attackers)
    if low in _MEMBER_NOUNS:
        # "a group of armed ultras": the members name them; "a member of his security detail" the band
        members = [g for c in noun.rights if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if members:
            return _doer(members[0]) or _named(members[0])
        if low in ("member", "members") and not any(c.dep_ in ("amod", "compound") for c in noun.lefts):
            return None  # "member" alone says nothing ("alleged EPL members" do)
    return _named(noun)


def _named(noun: Token) -> str | None:
    """The noun with the adjectives and nouns right before it ("unidentified armed motorcyclists"),
    without its article or count."""
    words = noun.doc[_modifiers_start(noun, {"amod", "compound"}) : noun.i + 1]
    if any(_is_state(t) for t in words):
        return None  # "armed forces members", "Iranian border guards"
    return words.text


def _modifiers_start(noun: Token, deps: set[str]) -> int:
    """Where the run of words right before ``noun`` that modify it (by ``deps``) begins."""
    start = noun.i
    for left in reversed(list(noun.lefts)):
        if left.dep_ not in deps or left.right_edge.i != start - 1:
            break
        start = left.left_edge.i
    return start


def _is_state(tok: Token) -> bool:
    """A word for state forces, not a former one's ("a former Ukrainian soldier")."""
    if tok.lower_ not in _STATE_FORCES and tok.lemma_.lower() not in _STATE_FORCES:
        return False
    return not any(c.lower_ in _NOT_STATE_NOW for c in tok.children)


def _told_done(verb: Token) -> bool:
    """Whether the verb tells of something done: not negated ("were not targeted"), not a modal's
    or an aim's ("all they can do is bomb the place", "to seize power")."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in verb.children):
        return False
    # denied: the verb's clause is what a denying verb says did not happen ("Police denied that the
    # journalist had been abducted", "dismissed reports that two engineers had been kidnapped"), not
    # a denial of something else ("denies any involvement in a bomb blast that killed a scientist")
    said = False
    tok = verb
    while tok.head.i != tok.i:
        said = said or tok.dep_ == "ccomp" or tok.head.lemma_.lower() in _REPORTS
        tok = tok.head
        if tok.lemma_.lower() in _DENYING and said:
            return False
    return True


def _by_the_state(verb: Token) -> bool:
    """Whether state forces did it ("The Counter Terrorism Department killed two cadres", "were
    shot by the police"): their dead and captives are no target of an attack."""
    # a verb joined to another takes its subject: "Police cordoned off the house and shot dead two
    # suspects"
    while verb.dep_ in ("conj", "xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += _agents(verb)
    return any(_is_state(d) for d in doers)


def _agents(verb: Token) -> list[Token]:
    """The nouns of a passive's "by" phrase ("shot dead by a sniper")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _patients(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c.lower_ not in _RELATIVES]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "an official, abducted by a gang" (a participle with no subject of its own); "a pharmacist
    # ..., who was abducted" (a relative clause whose passive subject is the relative pronoun;
    # "journalists who have attacked us" were the attackers)
    participle = verb.dep_ == "acl" and verb.tag_ == "VBN" and not subj
    passive_relative = verb.dep_ == "relcl" and bool(subj) and subj[0].dep_ == "nsubjpass"
    if (
        (participle or (passive_relative and subj[0].lower_ in _RELATIVES))
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.ent_type_ not in ("GPE", "LOC")
    ):
        out.append(verb.head)
    return [n for n in out if n.pos_ in ("NOUN", "PROPN")]


def _phrase(noun: Token, blocked: set[int]) -> str | None:
    if (
        noun.i in blocked
        or noun.lower_ in _NO_TARGET_NOUNS
        or noun.ent_type_ in ("DATE", "TIME", "GPE", "LOC")
        or (noun.dep_ == "appos" and noun.head.ent_type_ in ("GPE", "LOC"))
    ):
        return None
    start = _modifiers_start(noun, _MODIFIER_DEPS)
    while start < noun.i and (
        noun.doc[start].is_punct
        or noun.doc[start].is_space
        or noun.doc[start].lower_ in ("at", "least", "about", "dead", "down")
    ):
        start += 1
    end = noun.i + 1
    # an "of" phrase stays attached, as the token rules keep it ("The house of ... Babar Saleem")
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == end), None)
    if of is not None and of.right_edge.i + 1 - start <= MAX_WORDS:
        end = of.right_edge.i + 1
    toks = noun.doc[start:end]
    if any(t.i in blocked or t.lower_ in _ATTACKER_WORDS for t in toks) or len(toks) > MAX_WORDS:
        return None
    return toks.text
