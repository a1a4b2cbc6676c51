#!/usr/bin/env python3
"""Generate sample interaction records for service-standards (SPEC section 2).

Deterministic: a fixed random seed, standard library only. Writes, next to this script,
  interactions.ndjson  one record per line
  interactions.json    the same records as one JSON array

The records describe four weeks of a customer-service operation (2026-10-23 to 2026-11-20):
12 agents in four teams (front-desk, call-centre, digital, key-accounts), 60 customers
(STRATEGIC, VIP, STANDARD), every channel, both directions and every interaction type. Each
record is a snapshot as the source systems knew it at ASOF (2026-11-20T15:00:00Z): nothing
happened after that instant except promise due dates, so cases still running are open.

Most work meets the standards; the misses are concentrated where a supervisor would look:
chen.jie (digital) answers e-mail late and lets open cases go quiet, d.sokolov (call-centre)
skips courtesy, leaves complaints without an owner and breaks promises. For the history
standards, Northwind Retail Group (STRATEGIC), Gregory Hale and Amina Yusupova (VIP) get no
outbound call or visit in the period, and a few complaints and sales get no follow-up in time.

Usage: python3 samples/generate.py
"""

import json
import random
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

SEED = 20261120
ASOF = datetime(2026, 11, 20, 15, 0, tzinfo=timezone.utc)
FIRST_DAY = date(2026, 10, 23)
UTC = timezone.utc
MSK = timezone(timedelta(hours=3))  # the front-desk system and one key-account manager log +03:00

rng = random.Random(SEED)

MIN = 60
HOUR = 3600
DAY = 86400

# ---------------------------------------------------------------------------------------------
# Business hours: Monday-Friday 09:00-18:00 UTC, no holidays (rules/calendar.yaml as shipped).

OPEN_H, CLOSE_H = 9, 18


def is_business_day(d):
    return d.weekday() < 5


def day_open(d):
    return datetime.combine(d, time(OPEN_H), UTC)


def day_close(d):
    return datetime.combine(d, time(CLOSE_H), UTC)


def in_business_hours(t):
    return is_business_day(t.date()) and day_open(t.date()) <= t < day_close(t.date())


def business_seconds(a, b):
    """Business time in [a, b), in seconds."""
    if b <= a:
        return 0
    total = 0
    d = a.date()
    while d <= b.date():
        if is_business_day(d):
            lo, hi = max(a, day_open(d)), min(b, day_close(d))
            if hi > lo:
                total += (hi - lo).total_seconds()
        d += timedelta(days=1)
    return total


def add_business(t, seconds):
    """The instant `seconds` of business time after t (starting at the next opening)."""
    while True:
        d = t.date()
        if is_business_day(d) and t < day_close(d):
            start = max(t, day_open(d))
            room = (day_close(d) - start).total_seconds()
            if seconds <= room:
                return start + timedelta(seconds=seconds)
            seconds -= room
        t = day_open(d + timedelta(days=1))


def snap_into_business(t):
    """t if it falls in business hours, else a moment late in the previous business day."""
    if in_business_hours(t):
        return t
    d = t.date()
    if not (is_business_day(d) and t >= day_close(d)):   # before opening, or a weekend
        d -= timedelta(days=1)
        while not is_business_day(d):
            d -= timedelta(days=1)
    return day_close(d) - timedelta(minutes=rng.randint(4, 50), seconds=rng.randint(0, 59))


def next_business_moment(t, lo_min=10, hi_min=90):
    """Some minutes after t, moved into business hours."""
    return add_business(t, rng.randint(lo_min, hi_min) * MIN)


# ---------------------------------------------------------------------------------------------
# People

TEAMS = {
    "front-desk": ["o.ivanova", "s.kuznetsova", "wang.fang"],
    "call-centre": ["e.morozova", "d.sokolov", "zhang.min", "i.popov"],
    "digital": ["a.smirnova", "chen.jie", "lin.hui"],
    "key-accounts": ["n.volkova", "liu.yang"],
}
TEAM_OF = {a: t for t, agents in TEAMS.items() for a in agents}
TEAM_LEAD = {"front-desk": "o.ivanova", "call-centre": "e.morozova", "digital": "a.smirnova",
             "key-accounts": "n.volkova"}

# Chance that a piece of work misses its standard, by agent. Everyone slips now and then;
# chen.jie and d.sokolov slip often, in different ways.
BASE = dict(response=0.06, updates=0.10, resolution=0.10, owner=0.03, courtesy=0.10,
            promise=0.09, rude=0.0)
PROFILE = {a: dict(BASE) for a in TEAM_OF}
PROFILE["chen.jie"].update(response=0.50, updates=0.55, resolution=0.35, promise=0.35)
PROFILE["lin.hui"].update(response=0.10, updates=0.12)
PROFILE["d.sokolov"].update(response=0.20, owner=0.65, courtesy=0.50, promise=0.50, rude=0.06)
PROFILE["zhang.min"].update(courtesy=0.18)
PROFILE["n.volkova"].update(response=0.02, courtesy=0.03, owner=0.0, resolution=0.04)
PROFILE["liu.yang"].update(owner=0.0, resolution=0.05)

STRATEGIC = [("C-10001", "Volga Freight JSC"), ("C-10002", "Harbour City Hospital"),
             ("C-10003", "Jade River Trading Co."), ("C-10004", "Northwind Retail Group")]
VIP = ["Marina Orlova", "Zhou Xin", "Pavel Lebedev", "Huang Mei", "Aleksei Novikov",
       "Elena Fedorova", "Guo Jun", "Tatiana Belova", "Wu Lei", "Sergei Kozlov",
       "Natalia Pavlova", "Ma Ling", "Gregory Hale", "Amina Yusupova"]
STANDARD = ["Ivan Petrov", "Anna Mikhailova", "Li Na", "Dmitry Egorov", "Olga Stepanova",
            "Zhao Lei", "Yulia Nikitina", "Sun Hao", "Roman Zakharov", "Ksenia Orlova",
            "Xu Ying", "Maxim Vasiliev", "Daria Romanova", "He Jing", "Nikolai Frolov",
            "Svetlana Gromova", "Yang Tao", "Artem Kiselev", "Vera Makarova", "Luo Qiang",
            "Pyotr Borisov", "Alina Titova", "Tang Li", "Oleg Medvedev", "Inna Zueva",
            "Feng Yu", "Kirill Andreev", "Polina Lazareva", "Deng Chao", "Viktor Golubev",
            "Lyudmila Kirillova", "Song Jia", "Boris Semenov", "Ekaterina Vinogradova",
            "Hu Bin", "Timur Gaifullin", "Sofia Baranova", "Cao Yan", "James Whitfield",
            "Rustam Aliev", "Galina Sorokina", "Peng Fei"]


def build_customers():
    out = []
    for cid, name in STRATEGIC:
        out.append(dict(id=cid, tier="STRATEGIC", name=name, weight=5))
    for i, name in enumerate(VIP):
        out.append(dict(id="C-2%04d" % (i * 37 + 11), tier="VIP", name=name, weight=2))
    for i, name in enumerate(STANDARD):
        out.append(dict(id="C-3%04d" % (i * 211 + 401), tier="STANDARD", name=name,
                        weight=rng.choice([1, 1, 1, 2])))
    return out


CUSTOMERS = build_customers()
# customers the key-account team lost sight of: no outbound call or visit in the whole period
# (the history standards contact-frequency and strategic-visit have something to find)
NEGLECTED = {"C-10004", CUSTOMERS[-len(STANDARD) - 1]["id"], CUSTOMERS[-len(STANDARD) - 2]["id"]}

# ---------------------------------------------------------------------------------------------
# Targets (the shipped decision tables), used to decide how a planned miss or a pass looks.

FIRST_RESPONSE = {  # seconds; EMAIL/WEB in business hours
    "STRATEGIC": dict(PHONE=60, CHAT=120, IN_PERSON=180, EMAIL=HOUR, WEB=HOUR),
    "VIP": dict(PHONE=60, CHAT=120, IN_PERSON=300, EMAIL=2 * HOUR, WEB=2 * HOUR),
    "STANDARD": dict(PHONE=180, CHAT=300, IN_PERSON=600, EMAIL=8 * HOUR, WEB=8 * HOUR),
}
RESOLUTION = {"STRATEGIC": 2 * DAY, "VIP": 3 * DAY, "STANDARD": 5 * DAY}
UPDATE_GAP = {"STRATEGIC": 8 * HOUR, "VIP": 8 * HOUR, "STANDARD": 16 * HOUR}

COURTESY_ITEMS = {
    "PHONE": ["greeting", "addressedByName", "listenedAttentively", "askedQuestions", "explained",
              "offeredHelp", "warmFarewell"],
    "CHAT": ["greeting", "addressedByName", "listenedAttentively", "askedQuestions", "explained",
             "offeredHelp", "warmFarewell"],
    "IN_PERSON": ["greeting", "eyeContact", "smile", "addressedByName", "listenedAttentively",
                  "askedQuestions", "explained", "offeredHelp", "warmFarewell"],
    "VISIT": ["greeting", "eyeContact", "smile", "addressedByName", "listenedAttentively",
              "askedQuestions", "explained", "offeredHelp", "warmFarewell"],
    "EMAIL": ["greeting", "addressedByName", "explained", "offeredHelp", "warmFarewell"],
    "WEB": ["greeting", "addressedByName", "explained", "offeredHelp", "warmFarewell"],
}
OPTIONAL_ITEMS = ["addressedByName", "listenedAttentively", "askedQuestions", "explained",
                  "offeredHelp", "eyeContact", "smile"]

CATEGORIES = {
    "INQUIRY": ["billing", "tariffs", "opening-hours", "order-status", "account", "delivery"],
    "REQUEST": ["address-change", "replacement-card", "invoice-copy", "installation",
                "contract-change", "refund"],
    "COMPLAINT": ["billing-error", "late-delivery", "faulty-product", "staff-conduct",
                  "service-outage", "waiting-time"],
}
REQUEST_PROMISES = ["Send the corrected invoice", "Dispatch the replacement card",
                    "Book the installation engineer", "Confirm the contract change in writing",
                    "Credit the refund to the customer's card", "Call back with the quote"]
COMPLAINT_PROMISES = ["Refund the overcharge", "Deliver the missing items",
                      "Replace the faulty unit", "Call back with the investigation result",
                      "Send a written apology and the credit note"]
PAUSE_REASONS = ["waiting for the customer's documents", "waiting for the courier's report",
                 "waiting for the customer to confirm a date", "waiting for the bank",
                 "waiting for the supplier's assessment"]


# ---------------------------------------------------------------------------------------------
# Records are built as plans (every event with its true time, even after ASOF), then cut at
# ASOF: whatever had not happened yet is left out, as the source system would not know it.

class Plan:
    def __init__(self, channel, direction, type_, customer, agent, opened):
        self.channel = channel
        self.direction = direction
        self.type = type_
        self.customer = customer
        self.agent = agent
        self.opened = opened
        self.first_response = None
        self.closed = None
        self.updates = []
        self.pauses = []          # [from, to]
        self.promises = []        # dict(id, description, due, fulfilled, notice)
        self.complaint = None     # dict(owner, resolved) or None (no complaint object)
        self.courtesy = None
        self.satisfaction = None
        self.attributes = {}
        self.relates_to = None    # another Plan
        self.system = None
        self.offset = UTC
        self.id = None

    @property
    def tier(self):
        return self.customer["tier"]

    def profile(self, key):
        return PROFILE[self.agent][key]

    def slips(self, key):
        return rng.random() < self.profile(key)


def pick_customer(tiers=None):
    pool = [c for c in CUSTOMERS if tiers is None or c["tier"] in tiers]
    return rng.choices(pool, weights=[c["weight"] for c in pool])[0]


# share of each team's incoming work (the team leads take less; d.sokolov works the busy line)
SHARE = {"e.morozova": 0.7, "d.sokolov": 1.6, "a.smirnova": 0.8, "o.ivanova": 0.8}


def pick_agent(team, avoid=None):
    agents = [a for a in TEAMS[team] if a != avoid]
    return rng.choices(agents, weights=[SHARE.get(a, 1.0) for a in agents])[0]


def at(d, lo_h, hi_h, tz=UTC):
    """A random instant on day d between lo_h and hi_h o'clock UTC."""
    start = datetime.combine(d, time(0), UTC) + timedelta(hours=lo_h)
    span = int((hi_h - lo_h) * HOUR)
    return start + timedelta(seconds=rng.randint(0, span - 1))


def plan_first_response(p):
    """Sets p.first_response for an inbound interaction (not VISIT)."""
    target = FIRST_RESPONSE[p.tier][p.channel]
    miss = p.slips("response")
    if p.channel in ("EMAIL", "WEB"):
        if miss:
            wait = target * rng.uniform(1.15, 2.6)
        else:
            wait = target * rng.uniform(0.05, 0.85)
        p.first_response = add_business(p.opened, int(wait))
    else:
        if miss:
            wait = target + rng.randint(20, 6 * MIN)
        else:
            wait = rng.randint(8, int(target * 0.8))
        p.first_response = p.opened + timedelta(seconds=wait)


def plan_courtesy(p, force=None):
    """A QA checklist for most interactions; force = 'ok' | 'farewell' | 'greeting' | 'score' | 'rude'."""
    if force is None and rng.random() < 0.2:
        return  # not assessed
    items = COURTESY_ITEMS[p.channel]
    values = {}
    for item in items:
        if item in ("greeting", "warmFarewell") or rng.random() < 0.93:
            values[item] = True
    for item in list(values):
        if item in OPTIONAL_ITEMS and rng.random() < 0.025:
            values[item] = False
    kind = force
    if kind is None:
        if rng.random() < p.profile("rude"):
            kind = "rude"
        elif p.slips("courtesy"):
            kind = rng.choice(["farewell", "farewell", "greeting", "score"])
        else:
            kind = "ok"
    optional = [i for i in values if i in OPTIONAL_ITEMS]
    if kind == "ok":
        falses = [i for i in values if values[i] is False]
        if len(falses) * 5 > len(values):      # keep a clean checklist at 80% or more
            for i in falses[1:]:
                values[i] = True
    elif kind == "farewell":
        values["warmFarewell"] = False
    elif kind == "greeting":
        values["greeting"] = False
    elif kind == "score":
        for i in rng.sample(optional, min(len(optional), 2 if len(values) <= 7 else 3)):
            values[i] = False
    elif kind == "rude":
        values["warmFarewell"] = False
        for i in rng.sample(optional, min(len(optional), 2)):
            values[i] = False
    if kind == "rude":
        values["rudeness"] = True
    elif rng.random() < 0.85:
        values["rudeness"] = False
    p.courtesy = values


def plan_contacts(p, end_elapsed_bh=None, until=None, pause_len=None):
    """Updates from the first contact until the case closes; returns the closing instant.

    Either end_elapsed_bh (business seconds of work after the first contact) or until (the
    instant of the closing contact) says when the case ends. Gaps between contacts follow the
    agent's habits. A pause (pause_len, or by chance on requests) stops the clock while we wait
    on the customer or a third party; the next contact comes soon after it ends.
    """
    limit = UPDATE_GAP[p.tier]
    t = p.first_response or p.opened
    quiet = p.slips("updates")
    quiet_done = False
    want_pause = pause_len is not None or (until is None and rng.random() < 0.25)
    if want_pause and pause_len is None:
        pause_len = timedelta(hours=rng.uniform(18, 80))
    worked = 0.0
    while True:
        if want_pause and (until is not None or rng.random() < 0.5):
            want_pause = False
            if until is None or t + pause_len < until:
                frm = t + timedelta(minutes=rng.randint(3, 40), seconds=rng.randint(0, 59))
                to = frm + pause_len
                p.pauses.append([frm, to, rng.choice(PAUSE_REASONS)])
                nxt = next_business_moment(to, 20, 180)
                if until is not None and nxt >= until:
                    return nxt
                p.updates.append(nxt)
                t = nxt
                continue
        if quiet and not quiet_done and rng.random() < 0.75:
            gap = limit * rng.uniform(1.2, 2.4)
            quiet_done = True
        else:
            gap = limit * rng.uniform(0.25, 0.8)
        nxt = add_business(t, int(gap))
        if end_elapsed_bh is not None:
            worked += gap
            if worked >= end_elapsed_bh:
                return add_business(t, int(max(15 * MIN, gap - (worked - end_elapsed_bh))))
        elif nxt >= until:
            return until
        p.updates.append(nxt)
        t = nxt


def plan_promise(p, n, base, description):
    """A promise made at `base`, due a little later; kept, late with notice, late, or still open."""
    if p.channel in ("PHONE", "CHAT") and p.type == "INQUIRY":
        due = base + timedelta(hours=rng.choice([2, 3, 4]))
        due = due.replace(minute=0, second=0)
        if not in_business_hours(due):
            due = add_business(due, 2 * HOUR)      # "first thing tomorrow"
    else:
        days = rng.randint(1, 4)
        dd = base.date() + timedelta(days=days)
        while not is_business_day(dd):
            dd += timedelta(days=1)
        due = datetime.combine(dd, time(rng.choice([12, 16, 17, 18])), UTC)
    promise = dict(id="P%d" % (len(p.promises) + 1), description=description, due=due, fulfilled=None, notice=None)
    if p.slips("promise"):
        if rng.random() < 0.45:
            promise["notice"] = snap_into_business(due - timedelta(hours=rng.uniform(1, 20)))
            if promise["notice"] <= base:
                promise["notice"] = base + (due - base) / 2
        promise["fulfilled"] = add_business(due, int(rng.uniform(2, 30) * HOUR))
    else:
        kept = due - timedelta(seconds=rng.randint(10 * MIN, int((due - base).total_seconds() * 0.9)))
        kept = snap_into_business(kept)
        promise["fulfilled"] = kept if kept > base else base + (due - base) / 2
    p.promises.append(promise)
    return promise


def maybe_satisfaction(p, chance=0.3):
    if rng.random() < chance:
        happy = not (p.courtesy and (p.courtesy.get("rudeness") or p.courtesy.get("warmFarewell") is False))
        if happy:
            p.satisfaction = rng.choices([5, 4, 3, 2], weights=[55, 32, 9, 4])[0]
        else:
            p.satisfaction = rng.choices([1, 2, 3], weights=[40, 40, 20])[0]


# ---------------------------------------------------------------------------------------------
# Inbound work

def route(channel, customer, day_team=None):
    if customer["tier"] == "STRATEGIC" and channel in ("PHONE", "EMAIL", "WEB"):
        return pick_agent("key-accounts")
    team = {"PHONE": "call-centre", "CHAT": "digital", "EMAIL": "digital", "WEB": "digital",
            "IN_PERSON": "front-desk"}[channel]
    return pick_agent(team)


def inbound(channel, type_, opened, customer=None, agent=None, may_abandon=True):
    customer = customer or pick_customer()
    agent = agent or route(channel, customer)
    p = Plan(channel, "INBOUND", type_, customer, agent, opened)
    if type_ in CATEGORIES:
        p.attributes["category"] = rng.choice(CATEGORIES[type_])
    if may_abandon and channel == "PHONE" and type_ == "INQUIRY" and rng.random() < 0.015 * (3 if agent == "d.sokolov" else 1) + 0.01:
        # abandoned in the queue: nobody answered before the customer hung up
        p.closed = opened + timedelta(seconds=FIRST_RESPONSE[p.tier]["PHONE"] + rng.randint(30, 400))
        p.attributes = {"outcome": "abandoned"}
        return p
    plan_first_response(p)
    fr = p.first_response
    short = {"PHONE": (2 * MIN, 14 * MIN), "CHAT": (4 * MIN, 25 * MIN),
             "IN_PERSON": (4 * MIN, 25 * MIN), "EMAIL": (0, 0), "WEB": (0, 0)}[channel]

    if type_ in ("INQUIRY", "FOLLOW_UP", "SALE"):
        if channel in ("EMAIL", "WEB"):
            if rng.random() < 0.75:
                p.closed = fr
            else:
                p.updates.append(add_business(fr, rng.randint(1, 5) * HOUR))
                p.closed = p.updates[-1]
        else:
            p.closed = fr + timedelta(seconds=rng.randint(*short))
        if type_ == "INQUIRY" and channel in ("PHONE", "CHAT") and rng.random() < 0.12:
            plan_promise(p, 1, fr, "Call back with the answer")
        if type_ == "SALE" and rng.random() < 0.5:
            plan_promise(p, 1, fr, rng.choice(["Deliver the order", "Activate the new plan"]))
    elif type_ == "REQUEST":
        if channel not in ("EMAIL", "WEB") and rng.random() < 0.4:
            p.closed = fr + timedelta(seconds=rng.randint(*short))   # done on first contact
        else:
            work = rng.uniform(2, 40) * HOUR
            if rng.random() < 0.5:
                plan_promise(p, 1, fr, rng.choice(REQUEST_PROMISES))
            p.closed = plan_contacts(p, end_elapsed_bh=work)
    elif type_ == "COMPLAINT":
        owner = agent
        if rng.random() < 0.25:
            owner = TEAM_LEAD[TEAM_OF[agent]]
        p.complaint = dict(owner=owner, resolved=None)
        if p.slips("owner"):
            p.complaint["owner"] = rng.choice([None, None, None, ""])
            if rng.random() < 0.3:
                p.complaint = None if rng.random() < 0.5 else dict(owner=None, resolved=None)
        target = RESOLUTION[p.tier]
        if p.slips("resolution"):
            elapsed = target * rng.uniform(1.1, 2.0)
        else:
            elapsed = target * rng.uniform(0.08, 0.8)
        if rng.random() < 0.6:
            plan_promise(p, 1, fr, rng.choice(COMPLAINT_PROMISES))
        pause_len = timedelta(hours=rng.uniform(18, 80)) if rng.random() < 0.25 else timedelta(0)
        until = snap_into_business(p.opened + timedelta(seconds=elapsed) + pause_len)
        if until <= fr:
            until = fr + timedelta(minutes=rng.randint(5, 30))
        resolve_at = plan_contacts(p, until=until, pause_len=pause_len or None)
        if p.complaint is None:
            p.closed = resolve_at
        else:
            p.complaint["resolved"] = resolve_at
            p.closed = resolve_at + timedelta(minutes=rng.randint(0, 40))
        if rng.random() < 0.3 and len(p.promises) < 2:
            plan_promise(p, 2, fr, "Call back with the investigation result")
    # a delay notice is itself a customer contact
    for pr in p.promises:
        if pr["notice"] and fr <= pr["notice"] and (p.closed is None or pr["notice"] < p.closed):
            p.updates.append(pr["notice"])
    plan_courtesy(p)
    maybe_satisfaction(p)
    return p


def inbound_day(d):
    plans = []
    weekday = is_business_day(d)
    counts = dict(PHONE=rng.randint(3, 6), CHAT=rng.randint(1, 3), EMAIL=rng.randint(2, 5),
                  WEB=rng.randint(1, 2), IN_PERSON=rng.randint(1, 3)) if weekday else \
        dict(EMAIL=rng.randint(1, 2), WEB=rng.randint(0, 1))
    for channel, n in counts.items():
        for _ in range(n):
            if channel == "PHONE":
                opened = at(d, 8, 19.5)
            elif channel == "CHAT":
                opened = at(d, 8.5, 19)
            elif channel == "IN_PERSON":
                opened = at(d, 9, 17.8)
            else:
                opened = at(d, 0, 24) if rng.random() < 0.3 else at(d, 8, 19)
            type_ = rng.choices(["INQUIRY", "REQUEST", "COMPLAINT", "SALE"],
                                weights=[44, 30, 20, 7 if channel in ("PHONE", "IN_PERSON", "WEB") else 1])[0]
            plans.append(inbound(channel, type_, opened))
    return plans


# ---------------------------------------------------------------------------------------------
# Outbound work: key-account calls and visits, surveys, follow-ups

def outbound(channel, type_, opened, customer, agent, minutes=(3, 20)):
    p = Plan(channel, "OUTBOUND", type_, customer, agent, opened)
    p.closed = opened + timedelta(minutes=rng.randint(*minutes), seconds=rng.randint(0, 59))
    return p


def key_account_work():
    plans = []
    vip = [c for c in CUSTOMERS if c["tier"] == "VIP"]
    strategic = [c for c in CUSTOMERS if c["tier"] == "STRATEGIC"]
    days = [FIRST_DAY + timedelta(days=i) for i in range((ASOF.date() - FIRST_DAY).days + 1)]
    workdays = [d for d in days if is_business_day(d)]
    # monthly call to every VIP but two (who fall through the cracks)
    for c in vip[:-2]:
        d = rng.choice(workdays[:-1])
        agent = rng.choice(TEAMS["key-accounts"])
        p = outbound("PHONE", rng.choice(["INQUIRY", "INQUIRY", "SURVEY"]), at(d, 9.5, 17), c, agent)
        p.attributes["purpose"] = "monthly-call"
        plans.append(p)
    # visits to three of the four strategic customers, a sale at one of them
    for i, c in enumerate(strategic[:3]):
        d = rng.choice(workdays[2:-1])
        agent = "n.volkova" if i % 2 == 0 else "liu.yang"
        p = outbound("VISIT", "SALE" if i == 1 else "INQUIRY", at(d, 9, 14), c, agent, minutes=(50, 150))
        p.attributes["purpose"] = "account-review"
        if i == 1:
            plan_promise(p, 1, p.closed, "Send the signed supply contract")
        plans.append(p)
    # visits to a few VIP customers
    for c in rng.sample(vip[:-2], 4):
        d = rng.choice(workdays[1:-1])
        p = outbound("VISIT", rng.choice(["INQUIRY", "SALE", "SURVEY"]), at(d, 10, 16), c,
                     rng.choice(TEAMS["key-accounts"]), minutes=(40, 100))
        p.attributes["purpose"] = "relationship-visit"
        if p.type == "SALE" and rng.random() < 0.7:
            plan_promise(p, 1, p.closed, "Deliver and install the equipment")
        plans.append(p)
    # on-site service visits requested by customers (inbound VISIT: no first-response standard)
    for c in [vip[0], vip[2], rng.choice(vip[:-2])]:
        d = rng.choice(workdays[1:-1])
        p = Plan("VISIT", "INBOUND", "REQUEST", c, "liu.yang", at(d, 9.5, 13))
        p.first_response = p.opened + timedelta(minutes=rng.randint(2, 10))
        p.closed = p.opened + timedelta(minutes=rng.randint(60, 150))
        p.attributes["category"] = "installation"
        plans.append(p)
    # half-yearly satisfaction surveys of strategic and VIP customers, by e-mail or web form
    for c in strategic + vip:
        if rng.random() < 0.65:
            d = rng.choice(workdays)
            channels = ["EMAIL", "WEB"] if c["id"] in NEGLECTED else ["EMAIL", "WEB", "PHONE"]
            p = outbound(rng.choice(channels), "SURVEY", at(d, 9, 17), c,
                         rng.choice(TEAMS["key-accounts"]), minutes=(2, 15))
            if p.channel != "PHONE":
                p.closed = add_business(p.opened, rng.randint(1, 20) * HOUR)
                if p.closed > ASOF:
                    p.closed = None
            if p.closed is not None:
                p.satisfaction = rng.choices([5, 4, 3, 2], weights=[50, 35, 10, 5])[0]
            plans.append(p)
    # outbound sales calls to standard customers
    for d in workdays:
        if rng.random() < 0.45:
            c = pick_customer(["STANDARD", "VIP"])
            if c["id"] in NEGLECTED:
                continue
            p = outbound("PHONE", "SALE", at(d, 10, 17.5), c, rng.choice(["i.popov", "zhang.min", "e.morozova"]))
            if rng.random() < 0.5:
                plan_promise(p, 1, p.closed, "Deliver the order")
            plans.append(p)
    for p in plans:
        if p.courtesy is None:
            plan_courtesy(p)
        if p.satisfaction is None:
            maybe_satisfaction(p, 0.2)
    return plans


def follow_ups(plans):
    """Follow-ups of resolved complaints and of sales, mostly within 7 days; customers chasing."""
    out = []
    for p in plans:
        if p.type == "COMPLAINT":
            resolved = (p.complaint or {}).get("resolved") or p.closed
            if resolved is None:
                continue
            r = rng.random()
            if r < 0.8:
                when = resolved + timedelta(days=rng.uniform(0.8, 6))
            elif r < 0.9:
                when = resolved + timedelta(days=rng.uniform(8, 11))   # too late
            else:
                continue                                               # forgotten
            when = next_business_moment(when, 0, 60)
            owner = (p.complaint or {}).get("owner") or p.agent
            channel = "VISIT" if p.tier == "STRATEGIC" and rng.random() < 0.3 else \
                rng.choice(["PHONE", "PHONE", "EMAIL"])
            if p.customer["id"] in NEGLECTED:
                channel = "EMAIL"
            agent = owner if owner in TEAM_OF else p.agent
            if p.tier == "STRATEGIC":
                agent = rng.choice(TEAMS["key-accounts"])
            f = outbound(channel, "FOLLOW_UP", when, p.customer, agent,
                         minutes=(40, 90) if channel == "VISIT" else (2, 12))
            if channel == "EMAIL":
                f.closed = when
            f.relates_to = p
            out.append(f)
            # the odd customer who chases before the case is closed
            if p.closed and (p.closed - p.opened) > timedelta(days=2) and rng.random() < 0.2:
                chase = p.opened + (p.closed - p.opened) * rng.uniform(0.4, 0.8)
                chase = next_business_moment(chase, 0, 30)
                c = inbound(rng.choice(["PHONE", "EMAIL"]), "FOLLOW_UP", chase, customer=p.customer)
                c.relates_to = p
                out.append(c)
        elif p.type == "SALE":
            r = rng.random()
            if r < 0.8:
                when = p.opened + timedelta(days=rng.uniform(1, 6))
            elif r < 0.88:
                when = p.opened + timedelta(days=rng.uniform(8, 10))
            else:
                continue
            when = next_business_moment(when, 0, 60)
            agent = p.agent if TEAM_OF[p.agent] != "front-desk" else pick_agent("call-centre")
            channel = "EMAIL" if p.customer["id"] in NEGLECTED else "PHONE"
            f = outbound(channel, "FOLLOW_UP", when, p.customer, agent, minutes=(2, 8))
            if channel == "EMAIL":
                f.closed = when
            f.attributes["purpose"] = "thank-you-call"
            f.relates_to = p
            out.append(f)
    for f in out:
        if f.direction == "OUTBOUND":
            plan_courtesy(f)
            maybe_satisfaction(f, 0.35)
    return out


def scenarios():
    """A few cases open at ASOF, so the tour shows pending work and what is about to breach."""
    plans = []
    d = ASOF.date()
    c_std = [c for c in CUSTOMERS if c["tier"] == "STANDARD"]
    c_vip = [c for c in CUSTOMERS if c["tier"] == "VIP"]
    # e-mail in the queue since 13:30 today: first response due Monday
    p = inbound("EMAIL", "INQUIRY", datetime(2026, 11, 20, 13, 30, tzinfo=UTC), c_std[5], "lin.hui")
    p.first_response, p.closed, p.updates, p.promises = None, None, [], []
    plans.append(p)
    # VIP web request at 14:10: first response due 16:10 today
    p = inbound("WEB", "REQUEST", datetime(2026, 11, 20, 14, 10, 42, tzinfo=UTC), c_vip[1], "chen.jie")
    p.first_response, p.closed, p.updates, p.promises, p.pauses = None, None, [], [], []
    plans.append(p)
    # chat waiting in the queue for a few seconds at ASOF
    p = inbound("CHAT", "INQUIRY", ASOF - timedelta(seconds=75), c_std[9], "a.smirnova")
    p.first_response, p.closed, p.promises, p.courtesy = None, None, [], None
    plans.append(p)
    # VIP e-mail from yesterday morning nobody answered: breached
    p = inbound("EMAIL", "REQUEST", datetime(2026, 11, 19, 9, 12, 5, tzinfo=UTC), c_vip[6], "chen.jie")
    p.first_response, p.closed, p.updates, p.promises, p.pauses, p.courtesy = None, None, [], [], [], None
    plans.append(p)
    # a caller who gave up in d.sokolov's queue on Wednesday afternoon
    p = Plan("PHONE", "INBOUND", "INQUIRY", c_std[30], "d.sokolov", datetime(2026, 11, 18, 16, 41, 12, tzinfo=UTC))
    p.closed = p.opened + timedelta(minutes=4, seconds=37)
    p.attributes = {"outcome": "abandoned"}
    plans.append(p)
    # web form from Tuesday nobody picked up: breached
    p = inbound("WEB", "INQUIRY", datetime(2026, 11, 17, 16, 48, 9, tzinfo=UTC), c_std[21], "chen.jie")
    p.first_response, p.closed, p.updates, p.promises, p.courtesy = None, None, [], [], None
    plans.append(p)
    # a VIP complaint dragging on since last week: unresolved past its 3 days, updates sparse
    p = Plan("EMAIL", "INBOUND", "COMPLAINT", c_vip[9], "chen.jie", datetime(2026, 11, 12, 10, 21, 37, tzinfo=UTC))
    p.first_response = datetime(2026, 11, 12, 11, 40, 2, tzinfo=UTC)
    p.updates = [datetime(2026, 11, 13, 15, 12, 44, tzinfo=UTC), datetime(2026, 11, 17, 10, 3, 18, tzinfo=UTC),
                 datetime(2026, 11, 19, 16, 30, 51, tzinfo=UTC)]
    p.complaint = dict(owner="chen.jie", resolved=None)
    p.promises = [dict(id="P1", description="Refund the overcharge", due=datetime(2026, 11, 16, 17, 0, tzinfo=UTC),
                       fulfilled=None, notice=datetime(2026, 11, 17, 10, 3, 18, tzinfo=UTC))]
    p.attributes["category"] = "billing-error"
    plan_courtesy(p, "ok")
    plans.append(p)
    # complaint from yesterday, answered and updated, owner set, refund promised for Monday
    p = Plan("PHONE", "INBOUND", "COMPLAINT", c_std[2], "e.morozova",
             datetime(2026, 11, 19, 10, 4, 31, tzinfo=UTC))
    p.first_response = p.opened + timedelta(seconds=48)
    p.updates = [datetime(2026, 11, 19, 16, 20, tzinfo=UTC), datetime(2026, 11, 20, 11, 5, tzinfo=UTC)]
    p.complaint = dict(owner="e.morozova", resolved=None)
    p.promises = [dict(id="P1", description="Refund the double charge", due=datetime(2026, 11, 23, 17, 0, tzinfo=UTC),
                       fulfilled=None, notice=None)]
    p.attributes["category"] = "billing-error"
    plan_courtesy(p, "ok")
    plans.append(p)
    # strategic customer's complaint on Wednesday; waiting on the supplier since this morning
    p = Plan("EMAIL", "INBOUND", "COMPLAINT", CUSTOMERS[1], "liu.yang",
             datetime(2026, 11, 18, 15, 40, 12, tzinfo=UTC))
    p.first_response = datetime(2026, 11, 18, 16, 2, 50, tzinfo=UTC)
    p.updates = [datetime(2026, 11, 19, 11, 30, tzinfo=UTC), datetime(2026, 11, 20, 9, 45, tzinfo=UTC)]
    p.pauses = [[datetime(2026, 11, 20, 9, 50, tzinfo=UTC), None, "waiting for the supplier's assessment"]]
    p.complaint = dict(owner="n.volkova", resolved=None)
    p.attributes["category"] = "faulty-product"
    plan_courtesy(p, "ok")
    plans.append(p)
    # rude call: the complaint about it is in the data too
    p = inbound("PHONE", "INQUIRY", datetime(2026, 11, 16, 11, 17, 3, tzinfo=UTC), c_std[14], "d.sokolov", may_abandon=False)
    p.promises = []
    plan_courtesy(p, "rude")
    p.satisfaction = 1
    plans.append(p)
    q = inbound("EMAIL", "COMPLAINT", datetime(2026, 11, 16, 12, 2, 40, tzinfo=UTC), c_std[14], "a.smirnova")
    q.attributes["category"] = "staff-conduct"
    q.relates_to = p
    plans.append(q)
    return plans


# ---------------------------------------------------------------------------------------------
# Cut at ASOF, assign ids, write

def cut(p):
    """Forget everything after ASOF (promise due dates excepted)."""
    def known(t):
        return t is not None and t <= ASOF
    if not known(p.first_response):
        p.first_response = None
    if not known(p.closed):
        p.closed = None
    p.updates = sorted(set(u for u in p.updates if known(u) and p.first_response and u > p.first_response
                           and (p.closed is None or u < p.closed)))
    pauses = []
    for frm, to, reason in p.pauses:
        if known(frm):
            pauses.append([frm, to if known(to) else None, reason])
    p.pauses = pauses
    for pr in p.promises:
        if not known(pr["fulfilled"]):
            pr["fulfilled"] = None
        if not known(pr["notice"]):
            pr["notice"] = None
    if p.complaint and not known(p.complaint["resolved"]):
        p.complaint["resolved"] = None
    if p.closed is None:
        p.satisfaction = None if p.type != "SURVEY" else p.satisfaction
        if p.courtesy and p.direction == "INBOUND" and p.first_response is None:
            p.courtesy = None
    if p.closed is None and p.type == "SURVEY":
        p.satisfaction = None


# source systems: CRM (key accounts, visits, sales and surveys), help desk (e-mail and web forms),
# call-centre platform (phone and chat), front-desk queue system (walk-ins, logs +03:00)
SYSTEMS = {"crm": "crm-2026-%06d", "hd": "hd-%d", "cc": "cc-%d"}


def system_of(p):
    if TEAM_OF[p.agent] == "key-accounts" or p.channel == "VISIT":
        return "crm"
    if p.direction == "OUTBOUND" and p.type in ("SALE", "SURVEY"):
        return "crm"
    return {"PHONE": "cc", "CHAT": "cc", "EMAIL": "hd", "WEB": "hd", "IN_PERSON": "fd"}[p.channel]


def assign_ids(plans):
    counters = {"crm": 1180, "hd": 48105, "cc": 7730211}
    per_day = {}
    for p in plans:
        p.system = system_of(p)
        if p.system == "fd":
            key = p.opened.date()
            per_day[key] = per_day.get(key, 0) + 1
            p.id = "fd-%s-%03d" % (key.isoformat(), per_day[key])
        else:
            counters[p.system] += rng.randint(1, 9) if p.system == "cc" else rng.randint(1, 3)
            p.id = SYSTEMS[p.system] % counters[p.system]
        if p.system == "fd" or (p.agent == "n.volkova" and p.system == "crm"):
            p.offset = MSK


def stamp(t, tz):
    s = t.astimezone(tz).isoformat(timespec="seconds")
    return s.replace("+00:00", "Z")


def to_record(p):
    s = lambda t: stamp(t, p.offset)  # noqa: E731
    r = {"id": p.id}
    customer = {"id": p.customer["id"], "tier": p.customer["tier"], "name": p.customer["name"]}
    if p.customer["tier"] == "STANDARD" and rng.random() < 0.15:
        del customer["tier"]       # STANDARD is the default; some systems leave it out
    r["customer"] = customer
    r["agent"] = {"id": p.agent, "team": TEAM_OF[p.agent]}
    r["channel"] = p.channel
    if p.direction == "OUTBOUND" or rng.random() < 0.9:
        r["direction"] = p.direction
    r["type"] = p.type
    r["openedAt"] = s(p.opened)
    if p.first_response:
        r["firstResponseAt"] = s(p.first_response)
    if p.closed:
        r["closedAt"] = s(p.closed)
    if p.relates_to is not None:
        r["relatesTo"] = p.relates_to.id
    if p.complaint is not None:
        c = {}
        if p.complaint["owner"] is not None:
            c["ownerId"] = p.complaint["owner"]
        if p.complaint["resolved"] is not None:
            c["resolvedAt"] = s(p.complaint["resolved"])
        r["complaint"] = c
    if p.updates:
        r["updates"] = [s(u) for u in p.updates]
    if p.pauses:
        r["pauses"] = []
        for frm, to, reason in p.pauses:
            pause = {"from": s(frm)}
            if to is not None:
                pause["to"] = s(to)
            pause["reason"] = reason
            r["pauses"].append(pause)
    if p.promises:
        r["promises"] = []
        for pr in p.promises:
            x = {"id": pr["id"], "description": pr["description"], "dueAt": s(pr["due"])}
            if pr["fulfilled"] is not None:
                x["fulfilledAt"] = s(pr["fulfilled"])
            if pr["notice"] is not None:
                x["delayNoticeAt"] = s(pr["notice"])
            r["promises"].append(x)
    if p.courtesy:
        r["courtesy"] = dict(p.courtesy)
    if p.satisfaction is not None:
        r["satisfaction"] = p.satisfaction
    if p.attributes:
        r["attributes"] = dict(p.attributes)
    return r


def main():
    plans = []
    d = FIRST_DAY
    while d <= ASOF.date():
        plans.extend(inbound_day(d))
        d += timedelta(days=1)
    plans = [p for p in plans if p.opened <= ASOF - timedelta(minutes=20)]
    plans.extend(key_account_work())
    plans.extend(scenarios())
    plans.extend(follow_ups(plans))
    # every customer on the register shows up at least once: a quiet customer's one e-mail
    seen = {p.customer["id"] for p in plans}
    for c in CUSTOMERS:
        if c["id"] not in seen:
            d = FIRST_DAY + timedelta(days=rng.randint(3, 20))
            while not is_business_day(d):
                d += timedelta(days=1)
            plans.append(inbound("EMAIL", "INQUIRY", at(d, 9, 17), customer=c))
    plans = [p for p in plans if p.opened <= ASOF]
    for p in plans:
        cut(p)
    plans.sort(key=lambda p: (p.opened, p.agent))
    assign_ids(plans)
    records = [to_record(p) for p in plans]

    here = Path(__file__).resolve().parent
    with open(here / "interactions.ndjson", "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(here / "interactions.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(records, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d records to %s and %s" % (len(records), here / "interactions.ndjson",
                                             here / "interactions.json"))


if __name__ == "__main__":
    main()
