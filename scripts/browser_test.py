#!/usr/bin/env python3
"""Real-browser test of the built site: opens Output/index.html from disk in
headless Chromium, types into the search box, clicks the filters, and checks
what is shown. Fails on any browser console error. Ends with 'N passed, N failed'."""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
PUBLIC = "--public" in sys.argv
OUTPUT = pathlib.Path(ARGS[0] if ARGS else "Output").resolve()

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600", "--allow-file-access-from-files"):
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def visible_cards():
    return [c.get_attribute("data-partner") for c in driver.find_elements(By.CSS_SELECTOR, "#partner-cards [data-partner]") if c.is_displayed()]


def count_text():
    return driver.find_element(By.ID, "partner-count").text


def console_errors():
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def public_directory():
    """The public directory: listed partners only, search and the category filter, no internal page."""
    driver.get((OUTPUT / "index.html").as_uri())
    cards = visible_cards()
    check("public home lists the listed partners", cards == ["acme-cloud", "harbor-payments", "polaris-hosting"], cards)
    search = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    search.send_keys("payments")
    check("search narrows the public directory", visible_cards() == ["harbor-payments"], visible_cards())
    search.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", search)
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="category"][data-value="hosting-and-reseller"]').click()
    check("category filter on the public directory", visible_cards() == ["polaris-hosting"], visible_cards())
    check("no tier filter without public.show_tiers", not driver.find_elements(By.CSS_SELECTOR, 'button[data-filter="tier"]'))
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="category"][data-value="all"]').click()
    links = driver.execute_script("return Array.from(document.links).map(a => a.getAttribute('href'))")
    check("no link to an internal page", not any("scorecard" in l or "report" in l or "qbr" in l for l in links), links)
    driver.find_element(By.LINK_TEXT, "Acme Cloud").click()
    check("a card opens the partner's public page", driver.find_element(By.TAG_NAME, "h1").text == "Acme Cloud")
    check("the page shows its trust signals", "Charter signed by both companies" in driver.page_source)
    errors = console_errors()
    check("no console errors in the public directory", errors == [], errors)


try:
    if PUBLIC:
        public_directory()
        raise SystemExit
    driver.get((OUTPUT / "index.html").as_uri())
    all_cards = visible_cards()
    check("home lists every partner", len(all_cards) == 8, all_cards)
    check("count says 8 of 8", count_text() == "Showing 8 of 8 partners", count_text())

    search = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    search.send_keys("acme")
    check("typing 'acme' leaves Acme Cloud", visible_cards() == ["acme-cloud"], visible_cards())
    check("count follows the search", count_text() == "Showing 1 of 8 partners", count_text())

    search.clear()
    search.send_keys("dana")
    check("search matches contacts", set(visible_cards()) == {"acme-cloud", "granite-consulting"}, visible_cards())

    search.clear()
    search.send_keys(" ")
    search.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", search)
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="tier"][data-value="partnership"]').click()
    check("tier filter narrows to Tier 2", set(visible_cards()) == {"bluebird-crm", "fjord-security", "harbor-payments", "polaris-hosting"}, visible_cards())
    pressed = driver.find_element(By.CSS_SELECTOR, 'button[data-filter="tier"][data-value="partnership"]').get_attribute("aria-pressed")
    check("the chosen filter is pressed", pressed == "true", pressed)

    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="status"][data-value="run"]').click()
    check("tier and status combine", visible_cards() == ["harbor-payments", "polaris-hosting"], visible_cards())

    search.send_keys("zzz-nothing")
    check("no match shows the empty message", visible_cards() == [] and driver.find_element(By.ID, "no-results").is_displayed())

    search.clear()
    driver.execute_script("arguments[0].dispatchEvent(new Event('input'))", search)
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="tier"][data-value="all"]').click()
    driver.find_element(By.CSS_SELECTOR, 'button[data-filter="status"][data-value="all"]').click()
    check("'All' restores every partner", len(visible_cards()) == 8, visible_cards())
    errors = console_errors()
    check("no console errors on the home page", errors == [], errors)

    driver.find_element(By.LINK_TEXT, "Acme Cloud").click()
    check("a card links to the partner page", driver.find_element(By.TAG_NAME, "h1").text == "Acme Cloud")
    driver.find_element(By.LINK_TEXT, "Partnership charter").click()
    check("the partner page links to the charter", "Partnership charter" in driver.find_element(By.TAG_NAME, "h1").text)
    for page in ["index.html", "partners/acme-cloud/scorecard.html", "partners/acme-cloud/qbr/2026-Q4.html", "program/scorecard.html", "program/report.html"]:
        driver.get((OUTPUT / page).as_uri())
        broken = driver.execute_script("return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        check(f"{page}: every chart loads", broken == [], broken)
        alts = driver.execute_script("return Array.from(document.images).filter(i => !i.alt).length")
        check(f"{page}: every image has a text alternative", alts == 0, alts)
        errors = console_errors()
        check(f"{page}: no console errors", errors == [], errors)
except SystemExit:
    pass
finally:
    driver.quit()

print(f"browser: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
