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

# Search latency benchmark (docs/benchmarks.md): builds the 10k/100k-chunk indexes once into
# ~/.cache/agriqa/bench, then measures hybrid search next to its raw parts.
.PHONY: bench
bench:
	scripts/bench-search.sh
