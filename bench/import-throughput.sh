#!/usr/bin/env bash
# Measures how fast the service imports a 500-URL job from a local web site.
#
#   bench/import-throughput.sh            # builds the jar if missing; PAGES=500 by default
#   IMPORT_MAX_PAGES_PER_HOST=16 bench/import-throughput.sh
#
# It serves the test fixture pages on 127.0.0.1 (with the JDK's jwebserver, or Python's http.server), starts the built service
# on a fresh database (skills_bench_import, dropped afterwards) with the allow-list opened for that
# server only, posts one job of $PAGES distinct URLs (the fixture pages with ?n=<i>), polls the job
# until it is finished, and prints pages per second. Every loop is bounded; all traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${PAGES:-500}
SITE_PORT=${SITE_PORT:-18081}
SERVICE_PORT=${SERVICE_PORT:-18080}
DB=skills_bench_import
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -d postgres -qtA)
export IMPORT_MAX_PAGES_IN_FLIGHT=${IMPORT_MAX_PAGES_IN_FLIGHT:-16}
export IMPORT_MAX_PAGES_PER_HOST=${IMPORT_MAX_PAGES_PER_HOST:-4}

[ -f api/target/skills-api.jar ] || ./mvnw -q package -DskipTests
work=$(mktemp -d)
cleanup() {
    [ -n "${service:-}" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null || true
    [ -n "${site:-}" ] && kill "$site" 2>/dev/null || true
    "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
# The JDK's own file server (JDK 18+, HTTP/1.1 keep-alive) if there is one, else Python's (slower, HTTP/1.0).
fixtures_dir=$PWD/webpages/src/test/resources/fixtures
jwebserver=$(command -v jwebserver || ls /usr/lib/jvm/*/bin/jwebserver 2>/dev/null | head -1 || true)
if [ -n "$jwebserver" ]; then
    "$jwebserver" -b 127.0.0.1 -p "$SITE_PORT" -d "$fixtures_dir" -o none >"$work/site.log" 2>&1 &
else
    python3 -m http.server "$SITE_PORT" --bind 127.0.0.1 --directory "$fixtures_dir" >"$work/site.log" 2>&1 &
fi
site=$!
for _ in $(seq 1 50); do
    curl -sf "http://127.0.0.1:$SITE_PORT/no-skills.html" >/dev/null 2>&1 && break
    sleep 0.1
done

AUTH_ENABLED=false PORT=$SERVICE_PORT DB_NAME=$DB IMPORT_ALLOWED_HOSTS="127.0.0.1:$SITE_PORT" IMPORT_POLL_INTERVAL_MS=200 \
    LOGGER_LEVELS_SKILLS_ACCESS=OFF LOGGER_LEVELS_ORG_TEAMFINDER_SKILLS_API_IMPORTS=WARN \
    java -Xmx256m -jar api/target/skills-api.jar >"$work/service.log" 2>&1 &
service=$!
for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$SERVICE_PORT/health/readiness" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -sf "http://127.0.0.1:$SERVICE_PORT/health/readiness" >/dev/null || { echo "the service did not start:"; cat "$work/service.log"; exit 1; }

fixtures=(job-posting-jsonld.html team-profile-microdata.html blog-post-tags.html project-stack.html vacancy-ru.html no-skills.html)
python3 - "$PAGES" "$SITE_PORT" "${fixtures[@]}" >"$work/job.json" <<'PY'
import json, sys
pages, port, names = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
print(json.dumps({"urls": [f"http://127.0.0.1:{port}/{names[i % len(names)]}?n={i}" for i in range(pages)], "category": "Imported"}))
PY

started=$(date +%s.%N)
location=$(curl -sf -D - -o /dev/null -H 'Content-Type: application/json' --data @"$work/job.json" \
    "http://127.0.0.1:$SERVICE_PORT/skills/imports" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
for _ in $(seq 1 3000); do   # at most 5 minutes
    curl -sf "http://127.0.0.1:$SERVICE_PORT$location" >"$work/status.json"
    state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$work/status.json")
    [ "$state" = finished ] && break
    sleep 0.1
done
ended=$(date +%s.%N)

python3 - "$work/status.json" "$started" "$ended" <<'PY'
import json, os, sys
job = json.load(open(sys.argv[1]))
seconds = float(sys.argv[3]) - float(sys.argv[2])
p = job["progress"]
print(f"pages in flight: {os.environ['IMPORT_MAX_PAGES_IN_FLIGHT']} in all, {os.environ['IMPORT_MAX_PAGES_PER_HOST']} per host")
print(f"job state:       {job['state']}")
print(f"pages:           {p['pagesDone']} of {p['pagesTotal']} done, {p['pagesFailed']} failed")
print(f"skills:          {p['skillsFound']} found, {p['skillsCreated']} created, {p['skillsAlreadyPresent']} already present")
print(f"wall time:       {seconds:.2f} s (submit to finished, polled every 0.1 s)")
print(f"throughput:      {p['pagesDone'] / seconds:.1f} pages/s")
errors = {}
for page in job["pages"]:
    if page["error"]:
        errors[page["error"]] = errors.get(page["error"], 0) + 1
for error, count in sorted(errors.items(), key=lambda item: -item[1]):
    print(f"failed pages:    {count} x {error}")
PY
