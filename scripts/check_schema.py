#!/usr/bin/env python3
"""Validates the example Content/ against `partnerbook schema` with a real
JSON Schema validator (check-jsonschema), and shows that a broken file fails it."""
import pathlib
import subprocess
import sys
import tempfile

partnerbook = sys.argv[1] if len(sys.argv) > 1 else "partnerbook"
content = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "Content")

with tempfile.TemporaryDirectory() as folder:
    folder = pathlib.Path(folder)
    schemas = {}
    for kind in ("program", "partner"):
        schemas[kind] = folder / f"{kind}.schema.json"
        schemas[kind].write_text(subprocess.run([partnerbook, "schema", kind], check=True, capture_output=True, text=True).stdout)
    subprocess.run(["check-jsonschema", "--check-metaschema", *map(str, schemas.values())], check=True)
    subprocess.run(["check-jsonschema", "--schemafile", str(schemas["program"]), str(content / "program.yaml")], check=True)
    partners = sorted(map(str, (content / "partners").glob("*.yaml")))
    subprocess.run(["check-jsonschema", "--schemafile", str(schemas["partner"]), *partners], check=True)

    # A broken file must fail: a misspelled key, a status that is not one, a date that is not one.
    broken = folder / "broken.yaml"
    text = (content / "partners" / "acme-cloud.yaml").read_text()
    broken.write_text(text.replace("status: run", "status: running").replace("\nsummary:", "\nsumary:")
                      .replace("start: 2025-01-13", "start: next week"))
    result = subprocess.run(["check-jsonschema", "--schemafile", str(schemas["partner"]), str(broken)], capture_output=True, text=True)
    print(result.stdout)
    assert result.returncode != 0, "a broken partner file passed the schema"
    for problem in ("running", "sumary", "next week"):
        assert problem in result.stdout, f"the validator did not flag {problem!r}"
print(f"schema: program.yaml and {len(partners)} partner files valid; the broken file fails as it should")
