#!/usr/bin/env python3
"""Where the wasm's bytes go, grouped by Rust module: the guide for size work (docs/performance.md).

Usage: tools/wasm-breakdown.py MODULE.wasm [--depth N] [--top K]

MODULE.wasm must keep its "name" section (function names): scripts/size.sh --breakdown builds one with
wasm-opt -g from the same input as the shipped module, so the sizes are those of the shipped code.
Reads the binary itself (no twiggy needed): the size of each function body in the code section, named
by the name section and demangled well enough to group (crate::module::...), and the data segments.
"""
import gzip
import re
import sys
from collections import Counter


def leb(buf, i):
    """Unsigned LEB128 at buf[i]; returns (value, next index)."""
    value, shift = 0, 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(buf):
    if buf[:4] != b"\0asm":
        sys.exit("not a wasm module")
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        yield sid, buf[j : j + size]
        i = j + size


def read_name(buf, i):
    n, i = leb(buf, i)
    return buf[i : i + n].decode("utf-8", "replace"), i + n


def analyse(buf):
    imported_funcs, bodies, data, names = 0, [], [], {}
    for sid, body in sections(buf):
        if sid == 2:  # imports: they take the first function indices
            count, i = leb(body, 0)
            for _ in range(count):
                _, i = read_name(body, i)
                _, i = read_name(body, i)
                kind = body[i]
                i += 1
                if kind == 0:
                    imported_funcs += 1
                    _, i = leb(body, i)
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
                else:
                    sys.exit(f"unknown import kind {kind}")
        elif sid == 10:  # code
            count, i = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, i)
                bodies.append(size + (j - i))
                i = j + size
        elif sid == 11:  # data
            count, i = leb(body, 0)
            for _ in range(count):
                flags, i = leb(body, i)
                if flags == 2:
                    _, i = leb(body, i)
                if flags in (0, 2):
                    while body[i] != 0x0B:
                        i += 1
                    i += 1
                size, i = leb(body, i)
                data.append(body[i : i + size])
                i += size
        elif sid == 0:  # custom: the name section's function names
            name, i = read_name(body, 0)
            if name != "name":
                continue
            while i < len(body):
                sub, size_at = body[i], i + 1
                size, i = leb(body, size_at)
                end = i + size
                if sub == 1:
                    count, k = leb(body, i)
                    for _ in range(count):
                        idx, k = leb(body, k)
                        fname, k = read_name(body, k)
                        names[idx] = fname
                i = end
    return imported_funcs, bodies, data, names


def group(name, depth):
    """`<hirecheck::sites::upwork::Upwork as ...>::extract::h123` -> `hirecheck::sites::upwork`."""
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    name = re.sub(r"\[[0-9a-f]{16}\]", "", name)
    m = re.search(r"\bhirecheck::[A-Za-z_0-9:]+", name)
    if m:
        parts = [p for p in m.group(0).split("::") if p and p[0].islower()]
        return "::".join(parts[: depth + 1])
    if name.startswith("<") and " as " in name:
        name = name[1:]
    m = re.match(r"[&*\s]*(?:mut\s+)?([a-z_][a-z_0-9]*)", name)
    if m and "::" in name:
        return f"({m.group(1)})"
    if "shim" in name or name.startswith("__wbg") or "externref" in name:
        return "(wasm-bindgen glue)"
    return "(other)"


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    depth = int(args[args.index("--depth") + 1]) if "--depth" in args else 2
    top = int(args[args.index("--top") + 1]) if "--top" in args else 30
    buf = open(args[0], "rb").read()
    imported, bodies, data, names = analyse(buf)
    groups = Counter()
    for n, size in enumerate(bodies):
        groups[group(names.get(imported + n, ""), depth)] += size
    code, data_bytes = sum(bodies), sum(len(d) for d in data)
    # The data alone, compressed: what tables and strings cost however small the code around them.
    data_gz = len(gzip.compress(b"".join(data), 9, mtime=0))
    print(f"{args[0]}: {len(buf)} bytes; code {code} in {len(bodies)} functions; data {data_bytes} in {len(data)} segments "
          f"({data_gz} gzip -9 alone)")
    print(f"{'bytes':>8} {'share':>6}  code by module (depth {depth})")
    for key, size in groups.most_common(top):
        print(f"{size:8d} {100 * size / code:5.1f}%  {key}")
    rest = sum(size for _, size in groups.most_common()[top:])
    if rest:
        print(f"{rest:8d} {100 * rest / code:5.1f}%  ({len(groups) - top} more)")


if __name__ == "__main__":
    main()
