#!/usr/bin/env bash
# Nearest-neighbour search on sift5k, side by side in one run: our exact index and our HNSW (Clientele.Visitors.Bench)
# next to a plain C++ brute force and hnswlib 0.6.2 (Debian libhnswlib-dev, header only; anchor.cpp is our own harness,
# compiled into SCRATCH). Same protocol for all: one thread, queries one by one after a half-second warm-up, REPEAT
# passes over the queries, recall@10 by distance against the ground truth in shared/data/vectors/sift5k (SOURCE.md).
# Two set-ups: "split" (base 4,900 rows, 100 in-distribution queries) and "ood" (base 5,000, the siftsmall queries).
# Prints a markdown table.
#   bench/visitors/run.sh                    # REPEAT=50, EF=10,20,40,80,160
#   REPEAT=20 EF=80 bench/visitors/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${CLIENTELE_SHARED_DATA:-$root/../shared/data}/vectors/sift5k
scratch=${SCRATCH:-/tmp/clientele-visitors-bench}
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

"$bench" "$data" "$repeat" "$ef" >"$scratch/ours.tsv"
"$scratch/anchor" "$data" "$repeat" "$ef" >"$scratch/anchor.tsv"

echo "| set-up | engine | setting | build s | queries/s | recall@10 |"
echo "| --- | --- | --- | --- | --- | --- |"
sort -s -t $'\t' -k1,1r "$scratch/ours.tsv" "$scratch/anchor.tsv" | awk -F '\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}'
