#!/usr/bin/env python3
"""Writes store archives with the same bytes on every run, whatever the files' dates or owners.

    python3 scripts/package.py zip DIR OUT.zip
    python3 scripts/package.py tar LISTFILE PREFIX OUT.tar.gz [EXTRA_NAME EXTRA_FILE]...

`zip` packs every file under DIR (the unpacked extension, manifest.json at the root).
`tar` packs the files named in LISTFILE (one path a line, relative to the current directory) under
PREFIX/, plus each EXTRA_FILE as PREFIX/EXTRA_NAME.

Why Python's zipfile/tarfile and not `zip`/`tar`: they are in every python3, and every field that
varies can be set here: entries sorted by path, one timestamp for all (SOURCE_DATE_EPOCH, which
scripts/package.sh sets to the last commit's time), permissions 0644 (0755 for executables in the
source archive), owner 0:0 without names, no directory entries, no extra fields, no comment, and
a gzip header without name or date. Deflate is zlib's at level 9: the same zlib gives the same bytes
(scripts/package.sh records its version in the source archive's SOURCE-BUILD.md).
"""
import gzip
import io
import os
import stat
import sys
import tarfile
import time
import zipfile


def epoch():
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value or not value.isdigit():
        sys.exit("error: SOURCE_DATE_EPOCH must be set to a Unix time (scripts/package.sh sets it)")
    return int(value)


def files_under(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            full = os.path.join(dirpath, name)
            found.append(os.path.relpath(full, root).replace(os.sep, "/"))
    return sorted(found)


def write_zip(src_dir, out):
    # The zip format cannot store dates before 1980.
    stamp = time.gmtime(max(epoch(), 315532800))[:6]
    with zipfile.ZipFile(out, "w") as z:
        for rel in files_under(src_dir):
            info = zipfile.ZipInfo(rel, date_time=stamp)
            info.create_system = 3  # Unix, so that external_attr holds the mode
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(src_dir, rel), "rb") as f:
                z.writestr(info, f.read(), compresslevel=9)


def tar_entry(name, data, executable, mtime):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = mtime
    info.mode = 0o755 if executable else 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def write_tar(list_file, prefix, out, extras):
    mtime = epoch()
    with open(list_file, encoding="utf-8") as f:
        paths = sorted({line.rstrip("\n") for line in f if line.strip()})
    entries = []
    for rel in paths:
        if not os.path.isfile(rel):  # deleted in the work tree but still in git's index
            continue
        with open(rel, "rb") as f:
            data = f.read()
        entries.append((rel, data, os.access(rel, os.X_OK)))
    for name, path in extras:
        with open(path, "rb") as f:
            entries.append((name, f.read(), False))
    entries.sort(key=lambda e: e[0])

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for rel, data, executable in entries:
            t.addfile(tar_entry(f"{prefix}/{rel}", data, executable, mtime), io.BytesIO(data))
    with open(out, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=f, mtime=0) as gz:
            gz.write(raw.getvalue())


def main(argv):
    if len(argv) == 4 and argv[1] == "zip":
        write_zip(argv[2], argv[3])
    elif len(argv) >= 5 and argv[1] == "tar" and len(argv) % 2 == 1:
        extras = list(zip(argv[5::2], argv[6::2]))
        write_tar(argv[2], argv[3], argv[4], extras)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
