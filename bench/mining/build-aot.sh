#!/usr/bin/env bash
# Builds the Native AOT miner (bench/mining/Clientele.Mine: the same engine and `retail mine` verb as the server) into
# OUT (default /tmp/clientele-mining-bench/aot) and prints the program's path. Needs the .NET 10 SDK and gcc (the AOT
# linker; `apt-get install gcc` on Debian). Nothing is written into the repository but bin/ and obj/.
#   bench/mining/build-aot.sh                      # then: /tmp/clientele-mining-bench/aot/clientele-mine FILE --min-support F --out-itemsets OUT.csv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-${SCRATCH:-/tmp/clientele-mining-bench}/aot}
dotnet publish "$here/Clientele.Mine" -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -o "$out" -v q -nologo >/dev/null
echo "$out/clientele-mine"
