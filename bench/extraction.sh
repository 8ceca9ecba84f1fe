#!/usr/bin/env bash
# What imports read from pages: precision, recall and F1 over the two labelled corpora (pages in the
# layouts real sites use, English and Russian, each with the skills a person would list): the development
# corpus the extractor was tuned on (webpages/src/test/resources/corpus) and the held-out corpus written
# without sight of the rules (webpages/src/test/resources/corpus-heldout). Overall, per source, per layout
# and per language, against a catalogue holding the starter vocabulary. No network, no database: the pages
# are read from disk.
#
#   bench/extraction.sh               # the figures
#   DETAILS=true bench/extraction.sh  # and, per page, the skills missed and those found wrongly
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl webpages -am test -Dtest=CorpusEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcorpus.details="${DETAILS:-false}" 2>&1 | sed -n '/ corpus (src/,$p' | grep -v '^\[' || true
