#!/usr/bin/env bash
# Frequent-itemset mining, whole process, side by side in one run: ours (`retail mine`, every itemset written to a file),
# Weka's FPGrowth (Debian package weka) and node-fpgrowth (npm). Prints a markdown table: median seconds and peak
# resident memory (MiB) over RUNS runs, each as "wall s / CPU s (user + sys) / MiB" (anchors slower than 20 s run once), and the itemsets each found.
# Anchors are installed into SCRATCH (default /tmp/clientele-mining-bench), never into the repository.
#   bench/mining/run.sh                       # all cases, all anchors
#   RUNS=3 ANCHORS=node CASES="chess.dat:0.6" bench/mining/run.sh
#   BORGELT=/path/to/fpgrowth ANCHORS=borgelt bench/mining/run.sh
#   OURS=aot bench/mining/run.sh              # ours as a Native AOT program (bench/mining/Clientele.Mine, same sources)
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

if [[ ${OURS:-server} == aot ]]; then
    # Native AOT needs a C linker; gcc is what Debian has without clang.
    dotnet publish "$here/Clientele.Mine" -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -o "$scratch/aot" -v q -nologo >/dev/null
    miner=("$scratch/aot/clientele-mine")
else
    dotnet build "$root/src/Clientele.Server" -c Release -v q -nologo >/dev/null
    miner=("$root/src/Clientele.Server/bin/Release/net10.0/Clientele.Server" retail mine)
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

median() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

header="| case | itemsets | ours |"
rule="| --- | ---: | ---: |"
[[ $anchors == *weka* ]] && header+=" Weka FPGrowth |" && rule+=" ---: |"
[[ $anchors == *node* ]] && header+=" node-fpgrowth, its itemsets |" && rule+=" ---: |"
[[ $anchors == *borgelt* ]] && header+=" Borgelt fpgrowth, its itemsets |" && rule+=" ---: |"
echo "$header"
echo "$rule"
for case in $cases; do
    file=${case%%:*}
    support=${case##*:}
    "${miner[@]}" "$data/$file" --min-support "$support" >/dev/null # warm the file cache and the runtime
    measure ours "${miner[@]}" "$data/$file" --min-support "$support" --out-itemsets "$scratch/ours.csv"
    itemsets=$(tail -n 1 "$scratch/ours.out" | sed -E 's/itemsets=([0-9]+).*/\1/')
    row="| ${file%.dat} $(awk "BEGIN {print $support * 100}") % | $itemsets | $result |"
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
        # -s takes a percentage; -Z prints the number of itemsets per size, every itemset is written to the output file.
        measure borgelt "${BORGELT:?set BORGELT to the path of the fpgrowth binary}" -s"$(awk "BEGIN {print $support * 100}")" -Z "$data/$file" "$scratch/borgelt-itemsets.txt"
        row+=" $result, $(wc -l <"$scratch/borgelt-itemsets.txt" | tr -d ' ') |"
    fi
    echo "$row"
done
