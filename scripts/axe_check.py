#!/usr/bin/env python3
"""axe-core's WCAG 2 A and AA rules (tags wcag2a and wcag2aa), run
in headless Chromium over every HTML page of a built site, as PyPI's
axe-selenium-python ships axe-core. Prints each violation with its page and
the elements it names; exits 1 when there is any. Ends with
'axe: N pages, N violations'."""
import pathlib
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Output").resolve()
TAGS = ["wcag2a", "wcag2aa"]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--allow-file-access-from-files"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(300)

pages = sorted(p for p in ROOT.rglob("*.html"))
violations = 0
try:
    for page in pages:
        driver.get(page.as_uri())
        axe = Axe(driver)
        axe.inject()
        # Called directly rather than through Axe.run, so a rejected promise is reported, not waited on forever.
        results = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(function (r) { done(r); }, function (e) { done({error: String(e)}); });", TAGS)
        if "error" in results:
            print(f"{page.relative_to(ROOT)}: axe could not run: {results['error']}")
            violations += 1
            continue
        for violation in results["violations"]:
            violations += 1
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            more = len(violation["nodes"]) - 5
            print(f"{page.relative_to(ROOT)}: {violation['id']} ({violation['impact']}): {violation['help']}; "
                  f"{len(violation['nodes'])} element(s): {targets}{' …' if more > 0 else ''}")
finally:
    driver.quit()
print(f"axe: {len(pages)} pages, {violations} violations")
sys.exit(1 if violations else 0)
