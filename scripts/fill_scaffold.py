#!/usr/bin/env python3
"""Fills the program `partnerbook init` wrote in DIR, as a new user would:
every TODO in Content/program.yaml and the scaffold partner gets a value.
CI runs it between `init` and `build` on the installed binary."""
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
program = root / "Content/program.yaml"
program.write_text(program.read_text().replace("TODO program name", "Globex Partner Program")
                   .replace("TODO your company", "Globex Analytics").replace("TODO", "Filled in"))

partner = root / "Content/partners/first-partner.yaml"
text = partner.read_text()
for old, new in [
    ("TODO partner name", "Initech"), ("tier: TODO integration | partnership | strategic", "tier: integration"),
    ("TODO@example.com", "lead@initech.example"),
    ("TODO YYYY-MM-DD   # after crawl ends", "2027-03-01"), ("TODO YYYY-MM-DD   # after walk ends", "2027-06-01"),
    ("TODO YYYY-MM-DD     # 4 to 8 weeks after start", "2027-02-22"),
    ("TODO YYYY-MM-DD     # 8 to 12 weeks after start", "2027-05-24"),
    ("TODO YYYY-MM-DD", "2027-01-11"), ("TODO number", "10"),
    ("TODO requirement | economic | competitive | customer | co-marketing", "economic"),
    ("TODO_metric_id", "leads"), ("engineering_resources: false", "engineering_resources: true"),
]:
    assert old in text, f"the scaffold has no {old!r}"
    text = text.replace(old, new)
partner.write_text(text.replace("TODO", "Filled in"))
print(f"filled {program} and {partner}")
