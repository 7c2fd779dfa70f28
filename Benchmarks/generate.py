#!/usr/bin/env python3
"""Writes a program of N realistic synthetic partners (about 4-6 KB of YAML
each: every section filled, the legal frame counsel needs, four quarters of
reviews, varied tiers and statuses) into a content folder. Partners in walk
and run are signed by their signatories over canonical form 2, with
fingerprints computed here from the form documented in docs/signing.md (and
the repository's Templates/charter.md.mustache, whose hash form 2 signs), so
the program builds without errors.

usage: generate.py N FOLDER"""
import hashlib
import json
import os
import random
import sys

N = int(sys.argv[1])
FOLDER = sys.argv[2]
COMPANY = "Northwind Analytics"
TEMPLATE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Templates", "charter.md.mustache")
TEMPLATE_HASH = "sha256:" + hashlib.sha256(open(TEMPLATE, "rb").read()).hexdigest()
LEGAL = {"entity": "Northwind Analytics, Inc., a Delaware corporation",
         "address": "500 Harbor Way, Suite 1200, Seattle, WA 98104, USA",
         "statement": "This charter records how the two companies work together and what each commits to; changes take effect once both sign them.",
         "governing_law": "The laws of the State of Washington, USA.",
         "courts": "The state and federal courts in King County, Washington.",
         "notices": "In writing to the other company's signatory, by email with a copy by post.",
         "termination": "Either company may end the charter with 60 days' notice in writing."}
rnd = random.Random(20261120)

WORDS = ("cloud data payments analytics security events retail health logistics commerce media learning "
         "insights platform network labs systems works group partners digital").split()
FIRST = "Dana Sam Priya Helen Marco Aisha Tom Lena Julia Ravi Leah Owen Nora Erik Ingrid Grace Martin Sofia Kenji Amara".split()
LAST = "Ruiz Okafor Nair Brandt Silva Bello Becker Hoff Chen Menon Park Gallagher Quinn Lund Dahl Adeyemi Vogel Rossi Sato Diallo".split()
STATUSES = ["prospect", "crawl", "walk", "run", "run", "run", "ended"]
LEVERAGE = ["requirement", "economic", "competitive", "customer", "co-marketing"]


def person():
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def sentence(n=14):
    return " ".join(rnd.choice(WORDS) for _ in range(max(3, n * 3 // 5))).capitalize() + "."


def q(text):
    return json.dumps(text, ensure_ascii=False)


def day(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def canonical(p):
    """Canonical form 2 of docs/signing.md, independently of the Swift code."""
    contact = lambda c: {"name": c["name"], "title": c["title"], "email": c["email"]}
    timeline = {phase: {k: v for k, v in plan.items()} for phase, plan in p["timeline"].items()}
    doc = {"format": "partnerbook-charter-v2", "id": p["id"], "template": TEMPLATE_HASH, "company": COMPANY,
           "company_legal": LEGAL, "gates": {"crawl_min_improvement": 20, "walk_min_adoption": 70},
           "partner": p["name"], "legal": {"entity": p["entity"], "address": p["address"]}, "tier": p["tier"],
           "signatories": {"us": contact(p["sign_us"]), "partner": contact(p["sign_them"])},
           "contacts": {"us": contact(p["us"]), "partner": contact(p["them"]), "sponsors": p["sponsors"]},
           "commitments": {"us": p["c_us"], "partner": p["c_partner"], "if_it_fails": p["fails"]},
           "charter": {
               "goals": p["goals"],
               "value_exchange": {"we_give": p["we_give"], "partner_gives": p["partner_gives"]},
               "timeline": timeline,
               "measurement": {"review_cadence": "quarterly", "tracking": p["tracking"],
                               "metrics": [{"id": m["id"], "name": m["name"], "unit": m["unit"], "target": m["target"],
                                            "direction": m["direction"]} for m in p["metrics"]]},
               "governance": {"owners": p["owners"], "escalation": p["escalation"], "exit_criteria": p["exit"]},
               "effective": p["effective"], "term": p["term"]}}
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def partner(i):
    name = f"{rnd.choice(WORDS).capitalize()} {rnd.choice(WORDS).capitalize()} {i}"
    status = STATUSES[i % len(STATUSES)]
    eng = rnd.random() < 0.3
    marquee = rnd.random() < 0.3
    tier = "integration" if eng else ("strategic" if marquee else "partnership")
    handshake = status in ("prospect", "crawl") and rnd.random() < 0.2
    lead_us, lead_them = person(), person()
    y = 2024 + i % 2
    crawl = {"start": day(y, 1, 8), "end": day(y, 2, 26), "scope": sentence(10), "deliverables": [sentence(6), sentence(7)],
             "metric": "Days to first dashboard (lower is better)"}
    walk = {"start": day(y, 3, 4), "end": day(y, 5, 20), "deliverables": [sentence(6), sentence(6), sentence(5)]}
    run = {"start": day(y, 6, 3), "deliverables": [], "scope": sentence(9)}
    metrics = [
        {"id": "sourced_revenue", "name": "Partner-sourced revenue", "unit": "USD", "target": 100000 * (1 + i % 7), "direction": "up", "weight": 2},
        {"id": "joint_customers", "name": "Joint customers", "unit": "customers", "target": 10 + i % 40, "direction": "up", "weight": 1},
        {"id": "time_to_value", "name": "Days to first dashboard", "unit": "days", "target": 7, "direction": "down", "weight": 1},
    ]
    sign_us, sign_them = person(), person()
    p = {"id": f"partner-{i:05d}", "name": name, "tier": tier,
         "entity": f"{name} GmbH" if i % 3 == 0 else f"{name}, Inc.", "address": f"{1 + i % 900} Market Street, Springfield",
         "effective": day(y - 1, 12, 15), "term": "Two years from the effective date, renewing each year unless either side gives 60 days' notice.",
         "sign_us": {"name": sign_us, "title": "VP Partnerships", "email": f"{sign_us.split()[0].lower()}.{sign_us.split()[1].lower()}@northwind.example"},
         "sign_them": {"name": sign_them, "title": "VP Alliances", "email": f"{sign_them.split()[0].lower()}.{sign_them.split()[1].lower()}@partner{i}.example"},
         "us": {"name": lead_us, "title": "Partner Manager", "email": f"{lead_us.split()[0].lower()}@northwind.example"},
         "them": {"name": lead_them, "title": "Head of Alliances", "email": f"{lead_them.split()[0].lower()}@partner{i}.example"},
         "sponsors": {"us": person(), "partner": person()},
         "c_us": [sentence(9), sentence(8)],
         "c_partner": [] if handshake else [sentence(9), sentence(10)],
         "fails": {"us": sentence(10), "partner": sentence(11)},
         "goals": {"us": sentence(12), "partner": sentence(12), "customers": sentence(12)},
         "we_give": [sentence(8), sentence(8)], "partner_gives": [sentence(8), sentence(9)], "balance": sentence(20),
         "timeline": {"crawl": crawl, "walk": walk, "run": run} if status in ("walk", "run") else {"crawl": crawl},
         "tracking": sentence(10), "metrics": metrics,
         "owners": {"us": lead_us, "partner": lead_them},
         "escalation": [sentence(7), sentence(7)], "exit": [sentence(9), sentence(8)]}

    out = [f"# Synthetic partner {i} for the Partnerbook benchmark", f"name: {q(name)}", f"tier: {tier}", f"status: {status}",
           f"summary: {q(sentence(30) + ' ' + sentence(25))}",
           f"profile: {{ engineering_resources: {str(eng).lower()}, marquee: {str(marquee).lower()} }}",
           "contacts:",
           f"  us: {{ name: {q(p['us']['name'])}, title: {q(p['us']['title'])}, email: {q(p['us']['email'])} }}",
           f"  partner: {{ name: {q(p['them']['name'])}, title: {q(p['them']['title'])}, email: {q(p['them']['email'])} }}",
           f"  sponsors: {{ us: {q(p['sponsors']['us'])}, partner: {q(p['sponsors']['partner'])} }}",
           "signatories:",
           f"  us: {{ name: {q(sign_us)}, title: \"VP Partnerships\", email: {q(p['sign_us']['email'])} }}",
           f"  partner: {{ name: {q(sign_them)}, title: \"VP Alliances\", email: {q(p['sign_them']['email'])} }}",
           "legal:", f"  entity: {q(p['entity'])}", f"  address: {q(p['address'])}",
           "leverage:", f"  type: {LEVERAGE[i % 4]}", f"  evidence: {q(sentence(18))}",
           "commitments:", "  us:"] + [f"    - {q(c)}" for c in p["c_us"]] + \
          ["  partner: []" if not p["c_partner"] else "  partner:"] + [f"    - {q(c)}" for c in p["c_partner"]] + \
          ["  if_it_fails:", f"    us: {q(p['fails']['us'])}", f"    partner: {q(p['fails']['partner'])}",
           "charter:", f"  effective: {p['effective']}", f"  term: {q(p['term'])}", "  goals:", f"    us: {q(p['goals']['us'])}", f"    partner: {q(p['goals']['partner'])}",
           f"    customers: {q(p['goals']['customers'])}",
           "  value_exchange:", "    we_give:"] + [f"      - {q(x)}" for x in p["we_give"]] + \
          ["    partner_gives:"] + [f"      - {q(x)}" for x in p["partner_gives"]] + [f"    balance: {q(p['balance'])}", "  timeline:"]
    for phase, plan in p["timeline"].items():
        out.append(f"    {phase}:")
        for key in ("start", "end", "scope", "metric"):
            if key in plan:
                out.append(f"      {key}: {plan[key] if key in ('start', 'end') else q(plan[key])}")
        out.append("      deliverables:" if plan["deliverables"] else "      deliverables: []")
        out += [f"        - {q(d)}" for d in plan["deliverables"]]
    out += ["  measurement:", "    metrics:"]
    for m in metrics:
        out.append(f"      - {{ id: {m['id']}, name: {q(m['name'])}, unit: {m['unit']}, target: {m['target']}, direction: {m['direction']}, weight: {m['weight']} }}")
    out += [f"    tracking: {q(p['tracking'])}", "    review_cadence: quarterly", "  governance:",
            f"    owners: {{ us: {q(lead_us)}, partner: {q(lead_them)} }}", "    escalation:"] + \
           [f"      - {q(x)}" for x in p["escalation"]] + ["    exit_criteria:"] + [f"      - {q(x)}" for x in p["exit"]]
    if status != "prospect":
        out += ["phases:", f"  crawl: {{ pilot_customers: [ {q(person())}, {q(person())} ], baseline: 14, result: 10, direction: down, decision: {'no-go' if status == 'ended' else ('go' if status != 'crawl' else 'pending')} }}"]
        if status in ("walk", "run"):
            out.append(f"  walk: {{ invited: 10, adopted: 8, decision: {'go' if status == 'run' else 'pending'} }}")
        if status == "ended":
            out[-1] = out[-1].replace("result: 10", "result: 13")
    states = ["done", "pending", "n/a"]
    out += ["co_marketing:",
            "  pre_launch: { value_prop: done, case_study: done, integration_validated: done, sales_enablement: done, support_trained: done, marketplace_listing: n/a }",
            f"  launch: {{ press_release: {rnd.choice(states)}, blog_posts: done, webinar: {rnd.choice(states)}, social: done, sales_briefed: done, customer_comms: pending }}",
            f"  post_launch: {{ adoption_tracked: done, support_triaged: {rnd.choice(states)}, case_study_published: pending, pipeline_measured: done, qbr_scheduled: done }}",
            "reviews:"]
    quarters = [("2025", 4), ("2026", 1), ("2026", 2), ("2026", 3)]
    months = {1: (4, 14), 2: (7, 9), 3: (10, 8), 4: (1, 15)}
    for k, (yy, qn) in enumerate(quarters):
        m, d = months[qn]
        review_year = int(yy) + 1 if qn == 4 else int(yy)
        nm, nd = months[qn % 4 + 1]
        next_year = review_year + (1 if qn == 3 else 0)
        out += [f"  - quarter: {yy}-Q{qn}", f"    date: {day(review_year, m, d)}",
                f"    attendees: [ {q(lead_us)}, {q(lead_them)}, {q(p['sponsors']['us'])} ]",
                f"    metrics: {{ sourced_revenue: {int(metrics[0]['target'] * (0.5 + 0.15 * k))}, joint_customers: {5 + 3 * k}, time_to_value: {12 - k} }}",
                f"    highlights: {q(sentence(16))}",
                f"    risks: [ {{ risk: {q(sentence(9))}, owner: {q(lead_us)}, action: {q(sentence(8))} }} ]",
                f"    decisions: [ {q(sentence(10))} ]",
                f"    commitments: {{ us: [ {q(sentence(7))} ], partner: [ {q(sentence(7))} ] }}",
                f"    next_review: {day(next_year, nm, nd)}"]
    if status in ("walk", "run", "ended") or (status == "crawl" and i % 2 == 0):
        fp = canonical(p)
        out += ["signatures:",
                f"  - {{ party: us, name: {q(sign_us)}, title: \"VP Partnerships\", date: {day(y - 1, 12, 10)}, canonical: 2, fingerprint: \"{fp}\" }}",
                f"  - {{ party: partner, name: {q(sign_them)}, title: \"VP Alliances\", date: {day(y - 1, 12, 12)}, canonical: 2, fingerprint: \"{fp}\" }}"]
    return "\n".join(out) + "\n"


os.makedirs(os.path.join(FOLDER, "partners"), exist_ok=True)
with open(os.path.join(FOLDER, "program.yaml"), "w") as f:
    f.write(f"name: Benchmark Program\ncompany: {COMPANY}\nas_of: 2026-11-20\nlegal:\n"
            + "".join(f"  {key}: {q(value)}\n" for key, value in LEGAL.items()))
total = 0
for i in range(N):
    text = partner(i)
    total += len(text.encode())
    with open(os.path.join(FOLDER, "partners", f"partner-{i:05d}.yaml"), "w") as f:
        f.write(text)
print(f"wrote {N} partners, {total // N} bytes each on average, into {FOLDER}")
