#!/usr/bin/env python3
"""Derives the Firefox manifest from the Chromium one (manifest.json at the top of the repository).

    python3 scripts/firefox-manifest.py MANIFEST_JSON EXTENSION_DIR > dist/firefox/manifest.json

EXTENSION_DIR holds the service worker the manifest names (read for its importScripts calls).

manifest.json stays the one source of truth; each change below is one Firefox difference, and keys
this script does not know pass through unchanged (web-ext lint, run by `make test`, then says
whether Firefox accepts them). Output is stable: same input, same bytes.
"""
import json
import os
import re
import sys

# The add-on id AMO signs the extension under; it must never change once published.
GECKO_ID = "hirecheck@hirecheck.org"

# Firefox 140 is the first desktop release that reads `data_collection_permissions`, which AMO
# requires of new extensions; web-ext lint flags a lower strict_min_version as not supporting the
# key. Every other API we use is older: MV3 (109), background scripts in MV3 (109), storage.session
# (115), dynamic import() in content scripts (89), 'wasm-unsafe-eval' (102). 140 is also an ESR.
GECKO_MIN = "140.0"
# Firefox for Android reads data_collection_permissions from 142.
GECKO_ANDROID_MIN = "142.0"

# Permissions that exist only in Chromium. "offscreen" backs a Chrome-only fallback: without it the
# extension takes its other path, and Firefox would reject the manifest's unknown permission.
CHROMIUM_ONLY_PERMISSIONS = {"offscreen"}

# Top-level keys Firefox does not know: dropped so that lint has nothing to warn about.
CHROMIUM_ONLY_KEYS = {"minimum_chrome_version", "key", "update_url", "minimum_edge_version"}

# importScripts('a.js', "b.js") calls at the start of a line in the service worker.
IMPORT_SCRIPTS = re.compile(r"^\s*(?:self\.)?importScripts\(([^)]*)\)", re.MULTILINE)
QUOTED = re.compile(r"""['"]([^'"]+)['"]""")


def imported_scripts(background_js):
    """The scripts a service worker pulls in with importScripts(), in order."""
    found = []
    for call in IMPORT_SCRIPTS.finditer(background_js):
        for name in QUOTED.findall(call.group(1)):
            name = name.lstrip("/")
            if name not in found:
                found.append(name)
    return found


def firefox_manifest(chromium, read_script):
    m = dict(chromium)  # keeps the key order of manifest.json

    for key in CHROMIUM_ONLY_KEYS:
        m.pop(key, None)

    # Firefox runs MV3 background code as an event page (background.scripts), not a service worker.
    # A worker's importScripts() does not exist there, so the scripts it would import are listed
    # first instead.
    bg = dict(m.get("background") or {})
    worker = bg.pop("service_worker", None)
    if worker:
        bg["scripts"] = imported_scripts(read_script(worker)) + [worker]
        # A module worker ("type": "module", it imports fallback/relay.js) stays a module: Firefox
        # loads MV3 background scripts as modules when the same key says so.
        m["background"] = bg

    for key in ("permissions", "optional_permissions"):
        if key in m:
            m[key] = [p for p in m[key] if p not in CHROMIUM_ONLY_PERMISSIONS]

    # What AMO needs: the add-on id, the lowest Firefox that has everything we use, and the
    # declaration that the extension collects no data at all (it never sends anything anywhere).
    m["browser_specific_settings"] = {
        "gecko": {
            "id": GECKO_ID,
            "strict_min_version": GECKO_MIN,
            "data_collection_permissions": {"required": ["none"]},
        },
        "gecko_android": {"strict_min_version": GECKO_ANDROID_MIN},
    }
    return m


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: firefox-manifest.py MANIFEST_JSON EXTENSION_DIR")
    with open(argv[1], encoding="utf-8") as f:
        chromium = json.load(f)

    def read_script(name):
        with open(os.path.join(argv[2], name), encoding="utf-8") as f:
            return f.read()

    out = firefox_manifest(chromium, read_script)
    sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
