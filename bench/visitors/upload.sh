#!/usr/bin/env bash
# Person uploads end to end through HTTP: starts the server (Release, demo data, a fresh SQLite file on a free port) and
# posts N camera frames to `POST /visitors/api/client/person/` exactly as the seed's Python example does (form-urlencoded,
# `vector` as a JSON string) with the demo organization key, one after another on one keep-alive connection. The frames
# come from IDENTITIES synthetic people (a random unit vector each, every frame that vector plus small noise, so most
# frames are recognised and a few hundred people are created), in random order. Anchor in the same run: as many
# `GET /health/live` on the same connection, before and after the uploads.
# Usage: bench/visitors/upload.sh [N=2000] [IDENTITIES=300]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
count="${1:-2000}"
identities="${2:-300}"
work="$(mktemp -d)"
source bench/lib/demo-server.sh
trap stop_demo_server EXIT
start_demo_server

uptime
python3 - "$port" "$count" "$identities" <<'PY'
import collections, http.client, json, math, random, sys, time, urllib.parse
port, count, identities = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
rng = random.Random(7)
def unit(vector):
    norm = math.sqrt(sum(x * x for x in vector))
    return [x / norm for x in vector]
people = [unit([rng.gauss(0, 1) for _ in range(128)]) for _ in range(identities)]
form = {"Content-Type": "application/x-www-form-urlencoded"}
def frame(i):
    person = people[rng.randrange(identities)]
    vector = [round(x + rng.gauss(0, 0.015), 6) for x in person]
    return urllib.parse.urlencode({"organization_key": "AlmatyDastarkhanDemoKey01", "vector": json.dumps(vector), "age": 30 + i % 30,
                                   "gender": "Female" if i % 2 else "Male", "emotion": "Happy", "body_type": "Normal"})
def call(method, path, body=None, headers={}):
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status == 200, (response.status, data[:300])
    return elapsed, data
def report(name, times, seconds):
    times = sorted(times)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{name}: n={len(times)} {len(times) / seconds:.0f}/s p50={p(0.50):.2f} ms p90={p(0.90):.2f} ms p99={p(0.99):.2f} ms max={times[-1]:.2f} ms")
def health(label):
    for _ in range(200):
        call("GET", "/health/live")
    start = time.perf_counter()
    times = [call("GET", "/health/live")[0] for _ in range(count)]
    report(f"anchor GET /health/live ({label})", times, time.perf_counter() - start)
health("before")
bodies = [frame(i) for i in range(count + 100)]
for body in bodies[:100]:
    call("POST", "/visitors/api/client/person/", body, form)
decisions = collections.Counter()
times = []
start = time.perf_counter()
for body in bodies[100:]:
    elapsed, data = call("POST", "/visitors/api/client/person/", body, form)
    times.append(elapsed)
    decisions[json.loads(data)["decision"]] += 1
report("POST /visitors/api/client/person/ (form, vector, recognise, visit, audit)", times, time.perf_counter() - start)
print("decisions:", dict(decisions))
health("after")
PY
uptime
