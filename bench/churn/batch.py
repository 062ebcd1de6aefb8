"""HTTP side of bench/churn/batch.sh (standard library only).

  batch.py csv   COUNT FILE           writes COUNT generated customers (API columns, e-mails bench-<i>@batch.example)
  batch.py load  PORT FILE            imports FILE through POST /churn/api/customers/import/ and waits for the churn.import job
  batch.py score PORT IDS_FILE LABEL  times POST /churn/api/predict/batch/ with the ids in IDS_FILE until its task has succeeded
"""
import http.client, json, random, sys, time

POLL_SECONDS = 0.1


def connect(port):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=600)


def call(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    return response.status, data


def login(conn):
    status, data = call(conn, "POST", "/churn/api/auth/login/",
                        json.dumps({"username": "admin@clientele.local", "password": "clientele-demo"}), {"Content-Type": "application/json"})
    if status != 200:
        sys.exit(f"batch.py: login answered {status}: {data[:300]!r}")
    return {"Authorization": "Bearer " + json.loads(data)["access"]}


def wait(conn, path, auth, what):
    """Polls a task every POLL_SECONDS until it is no longer queued or running; returns (elapsed since call, last status body)."""
    while True:
        status, data = call(conn, "GET", path, headers=auth)
        if status != 200:
            sys.exit(f"batch.py: {what}: GET {path} answered {status}: {data[:300]!r}")
        task = json.loads(data)
        if task["status"] not in ("queued", "running"):
            return task
        time.sleep(POLL_SECONDS)


def write_csv(count, path):
    rng = random.Random(20260101)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("name,email,phone,age,tenure,balance,products,credit_card,active,salary\n")
        for i in range(1, count + 1):
            balance = 0 if rng.random() < 0.35 else round(rng.uniform(500_000, 60_000_000), 2)
            products = rng.choices([1, 2, 3, 4], weights=[50, 45, 4, 1])[0]
            out.write(f"Bench Customer {i},bench-{i}@batch.example,+7 701 {i % 1000:03d} {i // 1000 % 100:02d} {i % 97:02d},"
                      f"{rng.randint(18, 90)},{rng.randint(0, 10)},{balance},{products},{rng.randint(0, 1)},{rng.randint(0, 1)},"
                      f"{round(rng.uniform(600_000, 25_000_000), 2)}\n")


def load(port, path):
    conn = connect(port)
    auth = login(conn)
    with open(path, "rb") as f:
        body = f.read()
    start = time.perf_counter()
    status, data = call(conn, "POST", "/churn/api/customers/import/", body, {**auth, "Content-Type": "text/csv"})
    if status != 202:
        sys.exit(f"batch.py: import answered {status}: {data[:500]!r}")
    task = wait(conn, f"/churn/api/customers/import/{json.loads(data)['task_id']}/", auth, "import")
    elapsed = time.perf_counter() - start
    if task["status"] != "succeeded":
        sys.exit(f"batch.py: the churn.import job ended {task['status']}: {task.get('message')}")
    result = task["result"]
    print(f"  (set-up: churn.import job: {result['created']} created, {result['scored']} scored, in {elapsed:.1f} s)", flush=True)


def score(port, ids_path, label):
    with open(ids_path) as f:
        ids = [int(line) for line in f if line.strip()]
    body = json.dumps({"customer_ids": ids}, separators=(",", ":"))
    conn = connect(port)
    auth = login(conn)
    start = time.perf_counter()
    status, data = call(conn, "POST", "/churn/api/predict/batch/", body, {**auth, "Content-Type": "application/json"})
    accepted = time.perf_counter() - start
    if status != 202:
        sys.exit(f"batch.py: POST /churn/api/predict/batch/ answered {status}: {data[:500]!r}")
    task = wait(conn, f"/churn/api/predict/batch/{json.loads(data)['task_id']}/", auth, "batch")
    elapsed = time.perf_counter() - start
    if task["status"] != "succeeded":
        sys.exit(f"batch.py: the churn.scoring job ended {task['status']}: {task.get('message')}")
    scored = task["result"]["scored"]
    if scored != len(ids):
        sys.exit(f"batch.py: the job scored {scored} of {len(ids)} customers")
    print(f"{label}: churn.scoring job {scored} customers in {elapsed:.2f} s = {scored / elapsed:.0f} customers/s"
          f" (POST answered 202 in {accepted:.2f} s; {task['result']['high_risk']} high risk)", flush=True)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "csv":
        write_csv(int(args[0]), args[1])
    elif command == "load":
        load(int(args[0]), args[1])
    elif command == "score":
        score(int(args[0]), args[1], args[2])
    else:
        sys.exit(f"batch.py: unknown command {command}")
