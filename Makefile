# Convenience targets; the README's two commands are scripts/run.sh and scripts/test.sh.
.PHONY: run test build corpus clean

run:
	scripts/run.sh

test:
	scripts/test.sh

build:
	swift build -c release --product agriqa

# Regenerates corpus/ and Tests/Fixtures/ (needs Debian's python3-reportlab, python3-pil, fonts-dejavu-core).
corpus:
	scripts/bootstrap.sh scripts/apt-packages-corpus.txt
	/usr/bin/python3 scripts/make-corpus.py

clean:
	rm -rf .build index/agriqa.sqlite*

# Benchmarks with same-run baselines (docs/benchmarks.md): ingest, embedding, search, HTTP and exam
# figures as a table and bench/results/latest.json; ≤ 15 min once the cached 10k-chunk search index
# exists. BENCH_FULL=1 adds the 100k-chunk search index.
.PHONY: bench
bench:
	scripts/bench.sh
