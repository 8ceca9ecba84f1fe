#!/usr/bin/env bash
# What imports read from pages: precision, recall and F1 over the labelled corpus
# (webpages/src/test/resources/corpus: pages in the layouts real sites use, English and Russian, each with
# the skills a person would list), overall, per source, per layout and per language, read against a
# catalogue holding the starter vocabulary. No network, no database: the pages are read from disk.
#
#   bench/extraction.sh               # the figures
#   DETAILS=true bench/extraction.sh  # and, per page, the skills missed and those found wrongly
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl webpages -am test -Dtest=CorpusEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcorpus.details="${DETAILS:-false}" 2>&1 | sed -n '/^Corpus:/,/^\[/p' | grep -v '^\['
