#!/usr/bin/env python3
"""Writes deterministic mutations of real PDFs, for fuzzing `agriqa ingest` and uploads.

    scripts/faults/fuzz_pdfs.py --out DIR [--count 500] [--seed 1] [--source corpus]

The same seed, count and source files always give the same bytes. Each output file is named
NNNN-<mutation>-<source>.pdf and a manifest (DIR/manifest.json) lists them with the mutation and
the source, so a failure can be reproduced from its file name alone.

Mutations (picked round-robin, so every kind appears): truncation at a random point, random byte
flips, overwritten byte runs, a broken or missing xref table, a wrong startxref, huge object
counts (/Count and /Size near 2^31), deeply nested arrays and dictionaries, stream /Length lies,
a corrupted Flate stream, a self-referencing page tree, duplicated object numbers, garbage
spliced into the middle, an empty file and a file that is only the header.

Python 3 standard library only.
"""
import argparse
import json
import os
import random
import re
import sys
import zlib


def truncate(rng, data):
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bytes(rng, data):
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        position = rng.randrange(len(out))
        out[position] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite_run(rng, data):
    out = bytearray(data)
    start = rng.randrange(len(out))
    length = rng.randint(16, 4096)
    out[start : start + length] = bytes(rng.randrange(256) for _ in range(min(length, len(out) - start)))
    return bytes(out)


def break_xref(rng, data):
    choice = rng.randrange(4)
    if choice == 0:  # drop the xref table
        return re.sub(rb"xref\r?\n.*?trailer", b"trailer", data, count=1, flags=re.S)
    if choice == 1:  # scramble every offset
        return re.sub(rb"\d{10} (\d{5}) n", lambda m: b"%010d %s n" % (rng.randrange(10**9), m.group(1)), data)
    if choice == 2:  # wrong startxref
        return re.sub(rb"startxref\s+\d+", b"startxref\n%d" % rng.randrange(10**12), data)
    return re.sub(rb"xref\r?\n0 \d+", b"xref\n0 %d" % rng.choice([0, 1, 2**31 - 1, 10**9]), data, count=1)


def huge_counts(rng, data):
    big = rng.choice([2**31 - 1, 2**32 + 5, 10**9, 999999999999])
    data = re.sub(rb"/Count \d+", b"/Count %d" % big, data)
    data = re.sub(rb"/Size \d+", b"/Size %d" % big, data)
    return data


def deep_nesting(rng, data):
    depth = rng.choice([1000, 10000, 100000])
    opener, closer = (b"[", b"]") if rng.random() < 0.5 else (b"<< /A ", b">>")
    bomb = b"99999 0 obj\n" + opener * depth + closer * depth + b"\nendobj\n"
    # Make the catalog point at it too, so the parser has to walk it.
    data = data.replace(b"/Type /Catalog", b"/Type /Catalog /Deep 99999 0 R", 1)
    split = data.find(b"xref")
    split = split if split > 0 else len(data)
    return data[:split] + bomb + data[split:]


def length_lies(rng, data):
    return re.sub(rb"/Length \d+", lambda m: b"/Length %d" % rng.choice([0, 1, 2**31 - 1, 10**12]), data)


def corrupt_flate(rng, data):
    streams = [m.start() for m in re.finditer(rb"stream\r?\n", data)]
    if not streams:
        return flip_bytes(rng, data)
    out = bytearray(data)
    start = rng.choice(streams) + 8
    for offset in range(rng.randint(4, 64)):
        if start + offset < len(out):
            out[start + offset] = rng.randrange(256)
    return bytes(out)


def page_tree_loop(rng, data):
    # Every /Parent and /Kids entry points at the page tree root itself.
    data = re.sub(rb"/Kids \[[^\]]*\]", b"/Kids [ 1 0 R 1 0 R ]", data)
    return re.sub(rb"/Parent \d+ 0 R", b"/Parent 1 0 R", data)


def duplicate_objects(rng, data):
    numbers = re.findall(rb"\n(\d+) 0 obj", data)
    if not numbers:
        return flip_bytes(rng, data)
    return re.sub(rb"\n\d+ 0 obj", b"\n" + rng.choice(numbers) + b" 0 obj", data)


def splice_garbage(rng, data):
    position = rng.randrange(len(data))
    garbage = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8192)))
    return data[:position] + garbage + data[position:]


def inflate_bomb(rng, data):
    # A content stream that inflates to many megabytes of text operators.
    payload = zlib.compress(b"BT /F1 1 Tf (x) Tj ET\n" * rng.choice([200000, 1000000]), 9)
    bomb = b"99998 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload) + payload + b"\nendstream\nendobj\n"
    data = re.sub(rb"/Contents \d+ 0 R", b"/Contents 99998 0 R", data, count=1)
    split = data.find(b"xref")
    split = split if split > 0 else len(data)
    return data[:split] + bomb + data[split:]


def empty_or_header(rng, data):
    return rng.choice([b"", b"%PDF-1.7\n", b"%PDF-1.4\n%%EOF\n", data[:1024]])


MUTATIONS = [
    ("truncate", truncate),
    ("flip", flip_bytes),
    ("overwrite", overwrite_run),
    ("xref", break_xref),
    ("counts", huge_counts),
    ("nesting", deep_nesting),
    ("length", length_lies),
    ("flate", corrupt_flate),
    ("loop", page_tree_loop),
    ("dupobj", duplicate_objects),
    ("splice", splice_garbage),
    ("bomb", inflate_bomb),
    ("empty", empty_or_header),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="folder to write the mutated PDFs into (created)")
    parser.add_argument("--count", type=int, default=500, help="how many files (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--source", default="corpus", help="folder of source PDFs (default corpus/)")
    args = parser.parse_args()

    sources = sorted(
        os.path.join(args.source, name) for name in os.listdir(args.source) if name.lower().endswith(".pdf")
    )
    if not sources:
        sys.exit(f"fuzz_pdfs: no .pdf files in {args.source}")
    originals = {path: open(path, "rb").read() for path in sources}
    os.makedirs(args.out, exist_ok=True)
    manifest = []
    for number in range(args.count):
        # One generator per file: file N is the same whatever the count.
        rng = random.Random(args.seed * 1_000_003 + number)
        source = sources[number % len(sources)]
        name, mutate = MUTATIONS[number % len(MUTATIONS)]
        data = mutate(rng, originals[source])
        stem = os.path.splitext(os.path.basename(source))[0]
        file_name = f"{number:04d}-{name}-{stem}.pdf"
        with open(os.path.join(args.out, file_name), "wb") as handle:
            handle.write(data)
        manifest.append({"file": file_name, "mutation": name, "source": source, "bytes": len(data)})
    with open(os.path.join(args.out, "manifest.json"), "w") as handle:
        json.dump({"seed": args.seed, "count": args.count, "files": manifest}, handle, indent=1)
    print(f"fuzz_pdfs: wrote {args.count} files to {args.out} (seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
