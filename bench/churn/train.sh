#!/usr/bin/env bash
# Churn model benchmark: trains the served FastTree model on Churn_Modelling (seven API fields) with 5-fold
# stratified CV through the quality tests, then, when Debian's python3-xgboost, python3-sklearn and python3-pandas
# are installed, runs the XGBoost anchor (300 trees, depth 4, lr 0.05) on the very same folds.
# Usage: bench/churn/train.sh   (CLIENTELE_SHARED_DATA may point at the shared/data folder)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

csv=""
for folder in "${CLIENTELE_SHARED_DATA:-}" "$root/shared/data" "$root/../shared/data"; do
  if [[ -n "$folder" && -f "$folder/churn/Churn_Modelling.csv" ]]; then
    csv="$(cd "$folder/churn" && pwd)/Churn_Modelling.csv"
    break
  fi
done
if [[ -z "$csv" ]]; then
  echo "Churn_Modelling.csv not found (set CLIENTELE_SHARED_DATA to the shared/data folder)." >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
folds="$work/folds.csv"

echo "== ML.NET FastTree (Clientele.Churn.Scoring), data: $csv"
CLIENTELE_SHARED_DATA="$(dirname "$(dirname "$csv")")" CHURN_FOLDS_OUT="$folds" \
  dotnet test tests/Clientele.Churn.Tests -c Release \
    --filter "FullyQualifiedName~Clientele.Churn.Tests.Scoring.ChurnQualityTests" \
    --logger "console;verbosity=detailed" > "$work/test.log" 2>&1 || {
  tail -n 40 "$work/test.log" >&2
  echo "The quality tests failed." >&2
  exit 1
}
grep -F '[churn]' "$work/test.log" | sed 's/^[[:space:]]*//'
if [[ ! -s "$folds" ]]; then
  grep -iE 'skipped|absent' "$work/test.log" >&2 || true
  echo "The quality test wrote no folds (skipped?)." >&2
  exit 1
fi

echo
echo "== Anchor: XGBoost on the same folds"
if ! /usr/bin/python3 -c 'import xgboost, sklearn, pandas' 2>/dev/null; then
  echo "python3-xgboost, python3-sklearn or python3-pandas is not installed; skipping the anchor" \
       "(Debian: apt-get install python3-xgboost python3-sklearn python3-pandas)."
  exit 0
fi
/usr/bin/python3 - "$csv" "$folds" <<'PY'
import sys, time
import numpy as np, pandas as pd, xgboost, sklearn
from sklearn.metrics import roc_auc_score

data = pd.read_csv(sys.argv[1])
features = ["Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard", "IsActiveMember", "EstimatedSalary"]
x = data[features].to_numpy(dtype=float)
y = data["Exited"].to_numpy()
folds = pd.read_csv(sys.argv[2]).sort_values("row")["fold"].to_numpy()
assert len(folds) == len(y), "fold file and CSV disagree on the row count"

aucs, started = [], time.perf_counter()
for fold in sorted(set(folds)):
    train, test = folds != fold, folds == fold
    model = xgboost.XGBClassifier(n_estimators=300, max_depth=4, learning_rate=0.05, random_state=42, n_jobs=2)
    model.fit(x[train], y[train])
    aucs.append(roc_auc_score(y[test], model.predict_proba(x[test])[:, 1]))
    print(f"[xgboost] fold {fold + 1} AUC {aucs[-1]:.4f}")
print(f"[xgboost] CV AUC {np.mean(aucs):.4f} ± {np.std(aucs, ddof=1):.4f} "
      f"(xgboost {xgboost.__version__}, scikit-learn {sklearn.__version__}, same folds, seven fields)")
print(f"[xgboost] cv seconds {time.perf_counter() - started:.2f} ({len(aucs)} fits)")
PY
