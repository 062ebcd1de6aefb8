#!/usr/bin/env bash
# The Leads qualification engine (QualificationBot.Reply) on the scripted conversations of the accuracy test
# (tests/Clientele.Leads.Tests/Qualification/Conversations/{ru,kk,mixed}.json), replayed message by message from each
# conversation's start as the API does, next to two anchors timed the same way over the same lead messages in the same
# rounds: TextNormalizer.Normalize alone (lower case, ё→е, folding, tokenising: the floor any rule engine over this text
# pays) and a plain .NET Regex pass (ToLowerInvariant, ё→е, five RegexOptions.Compiled budget/phone/timeline/authority/
# link patterns: what a minimal regex-only qualifier pays, with no scoring, state or reply). Single-thread rows give
# lead messages per second and p50/p99 of one call; the all-cores rows run one replay loop per core. Workloads alternate
# for ROUNDS rounds, so a busy shared machine slows them alike; the table shows medians over rounds. `uptime` is
# printed before and after, since the figures depend on the machine's load.
#   bench/leads/run.sh                 # ROUNDS=3, SECONDS_PER_ROW=3
#   ROUNDS=1 SECONDS_PER_ROW=1 bench/leads/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_ROW:-3}
dotnet build "$here/Clientele.Leads.Bench" -c Release -v q -nologo >/dev/null
echo "commit $(git -C "$here" rev-parse --short HEAD), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "before: $(uptime)"
"$here/Clientele.Leads.Bench/bin/Release/net10.0/Clientele.Leads.Bench" "$rounds" "$seconds"
echo "after:  $(uptime)"
