"""Sequential HTTP calls on one keep-alive connection, timed on the client, for the latency benchmarks (imported by their
heredocs with PYTHONPATH=bench/lib)."""
import http.client
import time


class Timing:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port)

    def call(self, method, path, body=None, headers={}):
        """One call; returns (milliseconds, response body). Anything but a 200 stops the benchmark."""
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status == 200, (response.status, data[:300])
        return elapsed, data


def report(name, times):
    times = sorted(times)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{name}: n={len(times)} p50={p(0.50):.2f} ms p90={p(0.90):.2f} ms p99={p(0.99):.2f} ms max={times[-1]:.2f} ms")
