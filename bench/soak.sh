#!/usr/bin/env bash
# The soak: the service under steady load for 10 minutes at half the rate it can sustain, checking that
# nothing fails and memory stays flat.
#
#   bench/soak.sh                  # 600 s; SOAK_SECONDS=120 for a shorter run
#
# Fresh database, the built service with README's JVM flags, 10,000 skills seeded through the API; wrk
# measures the sustainable rate of a mixed load (70% reads by id, 20% list pages, 10% creates) for 10 s,
# then drives the same mix at half that rate for SOAK_SECONDS, while the service's RSS is sampled every
# 15 s. It prints the rates, errors, and RSS at the start of the soak and at its end, and exits 1 on any
# error or an RSS growth over 10%. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap bench_cleanup EXIT
require_tools wrk psql curl python3

SOAK_SECONDS=${SOAK_SECONDS:-600}
CONNECTIONS=16
export SKILLS=10000 CONNECTIONS

build_service
fresh_database
service_start
seed_skills "$SKILLS"

wrk -t2 -c"$CONNECTIONS" -d5s -s bench/lua/mixed.lua "$BENCH_URL" >/dev/null
max=$(wrk -t2 -c"$CONNECTIONS" -d10s -s bench/lua/mixed.lua "$BENCH_URL" | awk -F'[ =]' '/^RESULT/ {printf "%d", $3 / $5}')
export RATE=$(( max / 2 ))
echo "sustainable rate of the mix: $max req/s; soaking at $RATE req/s for $SOAK_SECONDS s"

rss_start=$(service_rss_mb)
(
    for _ in $(seq 1 $(( SOAK_SECONDS / 15 ))); do
        sleep 15
        echo "$(date +%T) $(service_rss_mb)"
    done
) >"$bench_work/rss.txt" &
sampler=$!
result=$(wrk -t2 -c"$CONNECTIONS" -d"${SOAK_SECONDS}s" --timeout 5s -s bench/lua/mixed.lua "$BENCH_URL" | grep '^RESULT')
wait "$sampler" || true
rss_end=$(service_rss_mb)

echo "soak: $result"
echo "RSS (MB) every 15 s: $(awk '{printf "%s ", $2}' "$bench_work/rss.txt")"
python3 - "$result" "$rss_start" "$rss_end" "$RATE" <<'PY'
import sys
fields = dict(item.split("=") for item in sys.argv[1].split()[1:])
start, end, rate = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rps = int(fields["requests"]) / float(fields["seconds"])
growth = 100 * (end - start) / start
print(f"achieved {rps:.0f} req/s of {rate} asked; p50 {fields['p50_ms']} ms, p99 {fields['p99_ms']} ms; errors {fields['errors']}")
print(f"RSS at the start of the soak {start} MB, at its end {end} MB ({growth:+.1f}%)")
ok = int(fields["errors"]) == 0 and growth <= 10
print("soak: PASSED" if ok else "soak: FAILED")
sys.exit(0 if ok else 1)
PY
