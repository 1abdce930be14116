#!/usr/bin/env bash
# Reproducible packages: builds the store archives twice and requires the same bytes.
#   1. here, with the usual target/ (scripts/package.sh);
#   2. from a copy of the work tree at another path (every file git tracks or would track, as it is
#      now, uncommitted changes included) with an empty CARGO_TARGET_DIR: a full wasm release build.
# Both share CARGO_HOME (the dependency sources) and tests/e2e/node_modules (installed from the
# lockfile; the copy links to it). Prints each archive's sha256 and size, and the members that
# differ if any. Ends with "ℹ pass 1" or "ℹ fail 1" for scripts/test.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

work="$(mktemp -d "${TMPDIR:-/tmp}/hirecheck-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT
SECONDS=0

# The same timestamp for both builds; the copy is not a git checkout.
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
export SOURCE_DATE_EPOCH
git ls-files >"$work/files"

# The copy: tracked and untracked-but-not-ignored files that exist (a file deleted in the work tree
# is still listed by git until the deletion is staged).
tree_files() {
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done
}
mkdir -p "$work/tree"
tree_files | tee "$work/tree-files" | tar --null -T - -cf - | tar -xf - -C "$work/tree"
ln -s "$E2E/node_modules" "$work/tree/tests/e2e/node_modules"

# package_in DIR OUT [CARGO_TARGET_DIR]: scripts/package.sh of the tree at DIR into OUT.
package_in() {
  (cd "$1" && HIRECHECK_PACKAGES="$2" HIRECHECK_SOURCE_FILES="$work/files" \
    env ${3:+CARGO_TARGET_DIR="$3"} bash scripts/package.sh) >"$2.log" 2>&1 ||
    { cat "$2.log" >&2; printf 'ℹ pass 0\nℹ fail 1\n'; exit 1; }
}

# Files of the work tree that no longer match the copy (someone edited, added or removed them meanwhile).
changed_since_copy() {
  tree_files | cmp -s - "$work/tree-files" || echo "(files added or removed)"
  tr '\0' '\n' <"$work/tree-files" |
    while IFS= read -r f; do cmp -s "$work/tree/$f" "$ROOT/$f" || printf '%s\n' "$f"; done
}

log "repro: build 1 of 2, in $ROOT (incremental)"
package_in "$ROOT" "$work/one"
edited="$(changed_since_copy)"
if [ -n "$edited" ]; then
  # The work tree changed during build 1, so it built other sources than the copy has; build 1
  # again from a second copy of the snapshot, at a third path, with its own target dir.
  log "repro: the work tree changed during build 1 ($(echo "$edited" | tr '\n' ' ')); building 1 again from the snapshot"
  rm -rf "$work/one" "$work/tree1"
  cp -a "$work/tree" "$work/tree1"
  package_in "$work/tree1" "$work/one" "$work/target1"
fi
first=$SECONDS

log "repro: build 2 of 2, in a copy at $work/tree with an empty CARGO_TARGET_DIR (a full wasm build)"
package_in "$work/tree" "$work/two" "$work/target"
log "repro: builds took $first s and $((SECONDS - first)) s"

same=1
for a in "$work/one"/*; do
  name="$(basename "$a")"
  b="$work/two/$name"
  ha="$(sha256sum "$a" | cut -d' ' -f1)"
  hb="$(sha256sum "$b" 2>/dev/null | cut -d' ' -f1 || true)"
  if [ "$ha" = "$hb" ]; then
    printf 'same       %s  %8d bytes  %s\n' "$ha" "$(size_raw "$a")" "$name"
  else
    same=0
    printf 'DIFFERENT  %s  %8d bytes  %s (build 1)\n' "$ha" "$(size_raw "$a")" "$name"
    printf '           %s  %8s bytes  %s (build 2)\n' "${hb:-missing}" "$( [ -f "$b" ] && size_raw "$b" || echo -)" "$name"
    # Which members differ, to find the cause.
    [ -f "$b" ] && python3 - "$a" "$b" <<'EOF'
import hashlib, sys, tarfile, zipfile

def members(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            return {i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()}
    with tarfile.open(path) as t:
        return {m.name: hashlib.sha256(t.extractfile(m).read()).hexdigest() for m in t if m.isfile()}

one, two = members(sys.argv[1]), members(sys.argv[2])
for name in sorted(set(one) | set(two)):
    if one.get(name) != two.get(name):
        print(f"           member differs: {name}")
EOF
  fi
done
[ "$(ls "$work/one" | wc -l)" -eq 3 ] || { same=0; echo "expected 3 archives, got: $(ls "$work/one" | tr '\n' ' ')"; }

if [ "$same" -eq 1 ]; then
  printf 'reproducible: both builds gave the same bytes (%d s in all)\nℹ pass 1\nℹ fail 0\n' "$SECONDS"
else
  printf 'not reproducible: see above\nℹ pass 0\nℹ fail 1\n'
  exit 1
fi
