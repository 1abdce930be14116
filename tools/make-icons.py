# Generates HireCheck's toolbar/store icons: a blue rounded square with a white "H".
# Pure Python (zlib + struct), no network, deterministic output.
import struct, zlib, sys, os

BLUE = (11, 87, 208)      # #0b57d0
WHITE = (255, 255, 255)

def shape(x, y):
    """Colour at (x, y) in the unit square, or None for transparent."""
    r = 0.2  # corner radius
    cx = min(max(x, r), 1 - r); cy = min(max(y, r), 1 - r)
    if (x - cx) ** 2 + (y - cy) ** 2 > r * r:
        return None
    # "H": two posts and a bar
    if 0.24 <= y <= 0.76 and (0.24 <= x <= 0.37 or 0.63 <= x <= 0.76):
        return WHITE
    if 0.44 <= y <= 0.56 and 0.24 <= x <= 0.76:
        return WHITE
    return BLUE

def png(size):
    ss = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    c = shape((px + (sx + .5) / ss) / size, (py + (sy + .5) / ss) / size)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = ss * ss
            a = acc[3] // n
            if a:
                k = acc[3] // 255
                row += bytes([acc[0] // k, acc[1] // k, acc[2] // k, a])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for s in (16, 32, 48, 128):
    with open(os.path.join(out, f"{s}.png"), "wb") as f:
        f.write(png(s))
