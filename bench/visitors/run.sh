#!/usr/bin/env bash
# Nearest-neighbour search on sift5k, side by side in one run: our exact index and our HNSW (Clientele.Visitors.Bench)
# next to a plain C++ brute force and hnswlib 0.6.2 (Debian libhnswlib-dev, header only; anchor.cpp is our own harness,
# compiled into SCRATCH). Same protocol for all: one thread, queries one by one after a half-second warm-up, REPEAT
# passes over the queries, recall@10 by distance against the ground truth in shared/data/vectors/sift5k (SOURCE.md).
# Two set-ups: "split" (base 4,900 rows, 100 in-distribution queries) and "ood" (base 5,000, the siftsmall queries).
# Ours and the anchors alternate for ROUNDS rounds, so a busy shared machine slows both alike; the table shows each
# row's median build time and median queries per second over the rounds. Prints a markdown table.
#   bench/visitors/run.sh                    # ROUNDS=3, REPEAT=50, EF=10,20,40,80,160
#   ROUNDS=1 REPEAT=20 EF=80 bench/visitors/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${CLIENTELE_SHARED_DATA:-$root/../shared/data}/vectors/sift5k
scratch=${SCRATCH:-/tmp/clientele-visitors-bench}
rounds=${ROUNDS:-3}
repeat=${REPEAT:-50}
ef=${EF:-10,20,40,80,160}
[[ -f $data/sift-dataset-5k.tsv ]] || { echo "run.sh: $data is absent" >&2; exit 1; }
mkdir -p "$scratch"

if [[ ! -f /usr/include/hnswlib/hnswlib.h ]]; then
    [[ $EUID -eq 0 ]] || { echo "run.sh: missing libhnswlib-dev (sudo apt-get install -y libhnswlib-dev)" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libhnswlib-dev g++ >/dev/null
fi
g++ -O3 -march=native -ffast-math -std=c++17 -o "$scratch/anchor" "$here/anchor.cpp"
dotnet build "$here/Clientele.Visitors.Bench" -c Release -v q -nologo >/dev/null
bench="$here/Clientele.Visitors.Bench/bin/Release/net10.0/Clientele.Visitors.Bench"

: >"$scratch/rows.tsv"
for ((round = 1; round <= rounds; round++)); do
    "$bench" "$data" "$repeat" "$ef" >>"$scratch/rows.tsv"
    "$scratch/anchor" "$data" "$repeat" "$ef" >>"$scratch/rows.tsv"
done

echo "| set-up | engine | setting | build s | queries/s | recall@10 |"
echo "| --- | --- | --- | --- | --- | --- |"
awk -F '\t' '
    function median(list,    values, count, swapped, step, held) {
        count = split(list, values, " ")
        do {
            swapped = 0
            for (step = 1; step < count; step++) {
                if (values[step] + 0 > values[step + 1] + 0) {
                    held = values[step]; values[step] = values[step + 1]; values[step + 1] = held; swapped = 1
                }
            }
        } while (swapped)
        return count % 2 ? values[(count + 1) / 2] : (values[count / 2] + values[count / 2 + 1]) / 2
    }
    {
        key = $1 "\t" $2 "\t" $3
        if (!(key in builds)) order[++keys] = key
        builds[key] = builds[key] " " $4; speeds[key] = speeds[key] " " $5; recall[key] = $6
    }
    END {
        for (row = 1; row <= keys; row++) {
            split(order[row], fields, "\t")
            printf "| %s | %s | %s | %.2f | %.0f | %s |\n", fields[1], fields[2], fields[3], median(builds[order[row]]), median(speeds[order[row]]), recall[order[row]]
        }
    }' "$scratch/rows.tsv" | sort -s -t '|' -k2,2r
