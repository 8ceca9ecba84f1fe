#!/usr/bin/env bash
# Clients that leave: 1,000 requests (list pages, reads by id, creates, a third each) whose clients reset the
# connection right after sending, against the service as README starts it (auth on, access log on), then
# one normal request. Prints, per round: how long that normal request took, how many of the cut creates
# were committed, how many cut requests the access log shows as 499, and the pool's connections in use a
# second after the storm. ROUNDS=3 by default; every connection goes to 127.0.0.1.
#
#   bench/storm.sh
#   CONTESTANT=peer bench/storm.sh        # the same storm against ../shared/peers/spring-mvc-vt
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap bench_cleanup EXIT
require_tools psql curl python3 openssl

ROUNDS=${ROUNDS:-3}
STORM=${STORM:-1000}
CONTESTANT=${CONTESTANT:-ours}
JWT_SECRET=$(openssl rand -hex 32)
export JWT_SECRET

build_service
fresh_database
log="$bench_work/service.log"
if [ "$CONTESTANT" = peer ]; then
    env PORT=$BENCH_PORT DB_NAME=$BENCH_DB DB_PASS="${DB_PASS:-}" bash ../shared/peers/spring-mvc-vt/run.sh >"$log" 2>&1 &
    service_pid=$!
    TOKEN=
else
    env PORT=$BENCH_PORT DB_NAME=$BENCH_DB IMPORT_RUNNER_ENABLED=false java -jar api/target/skills-api.jar >"$log" 2>&1 &
    service_pid=$!
    TOKEN=$(java -jar api/target/skills-api.jar token skills:write 60)
fi
for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BENCH_URL/skills/1")" = 404 ] && break
    sleep 0.1
done

python3 - "$BENCH_PORT" "$ROUNDS" "$STORM" "$TOKEN" "$log" "$CONTESTANT" "$BENCH_DB" <<'PY'
import json, re, socket, struct, subprocess, sys, time, urllib.request
port, rounds, storm, token, log, contestant, database = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5],
                                                         sys.argv[6], sys.argv[7])
base = f"http://127.0.0.1:{port}"
auth = {"Authorization": "Bearer " + token} if token else {}

def call(method, path, body=None):
    request = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json", **auth})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status, (time.perf_counter() - started) * 1000

for i in range(0, 2000):
    call("POST", "/skills", {"name": f"Seed {i}", "category": "Bench"})

def cut(raw):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(raw)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))   # reset on close
    s.close()

def pool_in_use():
    if contestant == "peer":
        return "-"
    with urllib.request.urlopen(base + "/prometheus", timeout=10) as response:
        text = response.read().decode()
    match = re.search(r'^r2dbc_pool_acquired_connections\S* (\S+)', text, re.M) or re.search(r'^r2dbc_pool_acquired\S* (\S+)', text, re.M)
    return match.group(1) if match else "?"

print(f"{contestant}: {storm} requests cut right after sending, then one normal request")
print(f"{'round':>5} {'storm sent in ms':>17} {'first request ms':>17} {'cut creates committed':>22} {'499 in access log':>18} {'pool in use after 1 s':>22}")
for round in range(1, rounds + 1):
    def logged_499():
        return len([1 for line in open(log, errors="replace") if " 499 " in line])
    before_499 = logged_499()
    marker = f"Storm{round}x"
    storm_started = time.perf_counter()
    for i in range(storm):
        kind = i % 3
        if kind == 0:
            body = json.dumps({"name": f"{marker} {i}", "category": "Storm"}).encode()
            head = (f"POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                    + (f"Authorization: Bearer {token}\r\n" if token else "") + "\r\n").encode()
            cut(head + body)
        elif kind == 1:
            cut(f"GET /skills/{1 + i % 2000} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        else:
            cut(f"GET /skills?limit=100&offset={i % 1900} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    storm_ms = (time.perf_counter() - storm_started) * 1000
    status, first_ms = call("GET", "/skills?limit=20")
    time.sleep(1)
    in_use = pool_in_use()
    # creates the storm committed: the skills named with this round's marker
    committed = int(subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtA", "-d", database,
                                     "-c", f"SELECT count(*) FROM skill WHERE name LIKE '{marker} %'"], capture_output=True, text=True).stdout.strip() or 0)
    print(f"{round:>5} {storm_ms:>17.0f} {first_ms:>17.1f} {committed:>22} {logged_499() - before_499:>18} {in_use:>22}")
PY
