#!/usr/bin/env bash
# Frequent-itemset mining, whole process, side by side in one run: ours twice (the server's `retail mine` verb and the
# same engine and verb as a Native AOT program, bench/mining/Clientele.Mine built by build-aot.sh), every itemset written
# to a file, and the anchors: Borgelt's C fpgrowth, Weka's FPGrowth (Debian package weka) and node-fpgrowth (npm).
# Prints a markdown table: median seconds and peak resident memory (MiB) over RUNS runs, each as
# "wall s / CPU s (user + sys) / MiB" (anchors slower than 20 s run once), the itemsets each found, and with Borgelt
# the ratios of our medians to his (wall, CPU). Anchors are installed into SCRATCH (default /tmp/clientele-mining-bench),
# never into the repository.
#   BORGELT=/path/to/fpgrowth ANCHORS=borgelt bench/mining/run.sh   # ours (verb and AOT) against Borgelt, all cases
#   bench/mining/run.sh                       # all cases, Weka and node-fpgrowth
#   RUNS=3 ANCHORS=node CASES="chess.dat:0.6" OURS=aot bench/mining/run.sh
#   THREADS=1 ...                             # ours on one thread (default: every core)
# Borgelt's C fpgrowth has no package here: build it yourself from his sources (see docs/performance.md) outside the
# repository and give the binary's path in BORGELT; this script never builds it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${CLIENTELE_SHARED_DATA:-$root/../shared/data}/baskets/fimi
scratch=${SCRATCH:-/tmp/clientele-mining-bench}
runs=${RUNS:-5}
anchors=${ANCHORS:-weka,node}
cases=${CASES:-"retail.dat:0.001 retail.dat:0.0001 T10I4D100K.dat:0.001 T10I4D100K.dat:0.0001 chess.dat:0.6 mushroom.dat:0.1 kosarak_first36683.dat:0.005"}
mkdir -p "$scratch"

ours=${OURS:-verb,aot}
threads=()
[[ -n ${THREADS:-} ]] && threads=(--threads "$THREADS")
if [[ $ours == *verb* ]]; then
    dotnet build "$root/src/Clientele.Server" -c Release -v q -nologo >/dev/null
    verb=("$root/src/Clientele.Server/bin/Release/net10.0/Clientele.Server" retail mine)
fi
if [[ $ours == *aot* ]]; then
    aot=("$(SCRATCH=$scratch "$here/build-aot.sh")")
fi
if [[ $anchors == *weka* && ! -f /usr/share/java/weka.jar ]]; then
    apt-get install -y -q weka >/dev/null
fi
if [[ $anchors == *node* && ! -d $scratch/node/node_modules/node-fpgrowth ]]; then
    npm install --silent --prefix "$scratch/node" node-fpgrowth@1.2.1 >/dev/null
fi

# measure NAME COMMAND...: sets $result ("median wall s / median CPU s / largest peak MiB") and leaves the last run's output in $scratch/NAME.out
measure() {
    local name=$1
    shift
    local times=() cpus=() memory=0 n=0
    while ((n < runs)); do
        if ! /usr/bin/time -f "%e %M %U %S" -o "$scratch/$name.time" timeout 1200 "$@" >"$scratch/$name.out" 2>&1; then
            result="failed ($(tail -n 1 "$scratch/$name.time"))"
            return
        fi
        read -r seconds kib user sys <"$scratch/$name.time"
        times+=("$seconds")
        cpus+=("$(awk "BEGIN {print $user + $sys}")")
        ((kib > memory)) && memory=$kib
        n=$((n + 1))
        awk "BEGIN {exit !($seconds > 20)}" && break
    done
    result="$(median "${times[@]}") / $(median "${cpus[@]}") / $((memory / 1024))"
}

# ratio OURS THEIRS: "wall× / CPU×" from two "wall / CPU / MiB" results
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {split(a, x, " / "); split(b, y, " / "); printf "%.2f× / %.2f×", x[1] / y[1], x[2] / y[2]}'
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

header="| case | itemsets |"
rule="| --- | ---: |"
[[ $ours == *verb* ]] && header+=" ours, verb |" && rule+=" ---: |"
[[ $ours == *aot* ]] && header+=" ours, AOT |" && rule+=" ---: |"
[[ $anchors == *weka* ]] && header+=" Weka FPGrowth |" && rule+=" ---: |"
[[ $anchors == *node* ]] && header+=" node-fpgrowth, its itemsets |" && rule+=" ---: |"
if [[ $anchors == *borgelt* ]]; then
    header+=" Borgelt fpgrowth, its itemsets |" && rule+=" ---: |"
    [[ $ours == *verb* ]] && header+=" verb / Borgelt |" && rule+=" ---: |"
    [[ $ours == *aot* ]] && header+=" AOT / Borgelt |" && rule+=" ---: |"
fi
echo "$header"
echo "$rule"
for case in $cases; do
    file=${case%%:*}
    support=${case##*:}
    row=""
    ratios=()
    for kind in verb aot; do
        [[ $ours == *$kind* ]] || continue
        declare -n miner=$kind
        "${miner[@]}" "$data/$file" --min-support "$support" "${threads[@]}" >/dev/null # warm the file cache and the runtime
        measure "$kind" "${miner[@]}" "$data/$file" --min-support "$support" "${threads[@]}" --out-itemsets "$scratch/ours.csv"
        itemsets=$(tail -n 1 "$scratch/$kind.out" | sed -E 's/itemsets=([0-9]+).*/\1/')
        row+=" $result |"
        ratios+=("$result")
        unset -n miner
    done
    row="| ${file%.dat} $(awk "BEGIN {print $support * 100}") % | $itemsets |$row"
    if [[ $anchors == *weka* ]]; then
        arff=$scratch/${file%.dat}.arff
        [[ -f $arff ]] || python3 "$here/dat2arff.py" "$data/$file" "$arff"
        # Weka's FPGrowth always makes rules; -S -C 1.1 asks for every frequent itemset and (impossible) rules of confidence above 1.
        measure weka java -Xmx8g -cp /usr/share/java/weka.jar weka.associations.FPGrowth -t "$arff" -M "$support" -S -C 1.1
        row+=" $result |"
    fi
    if [[ $anchors == *node* ]]; then
        measure node node "$here/fpgrowth-node.js" "$scratch/node/node_modules" "$data/$file" "$support" "$scratch/node-itemsets.txt"
        row+=" $result, $(sed -nE 's/itemsets=([0-9]+).*/\1/p' "$scratch/node.out" | tail -n 1) |"
    fi
    if [[ $anchors == *borgelt* ]]; then
        # -s takes a percentage; every itemset is written to the output file, one a line.
        measure borgelt "${BORGELT:?set BORGELT to the path of the fpgrowth binary}" -s"$(awk "BEGIN {print $support * 100}")" "$data/$file" "$scratch/borgelt-itemsets.txt"
        row+=" $result, $(wc -l <"$scratch/borgelt-itemsets.txt" | tr -d ' ') |"
        for ours_result in "${ratios[@]}"; do
            row+=" $(ratio "$ours_result" "$result") |"
        done
    fi
    echo "$row"
done
