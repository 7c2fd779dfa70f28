#!/usr/bin/env python3
"""Reads the program's data files with real parsers: program/reviews.ics with
`icalendar`, program/partners.json with `json`, program/partners.csv with
`csv`. Fails when one does not parse or they disagree."""
import csv
import json
import pathlib
import sys

import icalendar

OUTPUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Output")
program = OUTPUT / "program"

calendar = icalendar.Calendar.from_ical((program / "reviews.ics").read_bytes())
events = [c for c in calendar.walk("VEVENT")]
assert events, "the calendar has no event"
uids = [str(e["UID"]) for e in events]
assert len(uids) == len(set(uids)), f"duplicate UIDs: {uids}"
for event in events:
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        assert key in event, f"{event.get('UID')}: no {key}"
print(f"reviews.ics: {len(events)} events: " + "; ".join(f"{e.decoded('DTSTART')} {e['SUMMARY']}" for e in events))

directory = json.loads((program / "partners.json").read_text(encoding="utf-8"))
ids = [p["id"] for p in directory["partners"]]
for partner in directory["partners"]:
    missing = {"id", "name", "tier", "status", "health", "band", "signed", "next_review", "top_alert"} - partner.keys()
    assert not missing, f"{partner['id']}: missing {missing}"
print(f"partners.json: {len(ids)} partners")

with (program / "partners.csv").open(newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
assert [r["id"] for r in rows] == ids, "partners.csv and partners.json list different partners"
print(f"partners.csv: {len(rows)} rows, the same partners as partners.json")
