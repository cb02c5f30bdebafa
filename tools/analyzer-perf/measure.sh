#!/usr/bin/env bash
# Measures what the ActivationGen analyzers add to a build: generates a 500-file project of hand-written
# networks (array MLPs, layer classes, activation methods, He and broken inits), then rebuilds it with and
# without the analyzers (the generator runs in both; the baseline turns every AG rule off, which makes the
# compiler skip the analyzers; the SDK's own analyzers are off in both) and prints the median wall-clock of each and the ratio. Also prints the compiler's per-analyzer
# times (ReportAnalyzer). Usage: tools/analyzer-perf/measure.sh [files=500] [runs=3] [network-every=1]
# (network-every=10: one file in ten is a network, the rest ordinary application code).
set -euo pipefail
FILES=${1:-500}
RUNS=${2:-3}
EVERY=${3:-1}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/activationgen-perf.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

dotnet build "$ROOT/src/ActivationGen.Generator/ActivationGen.Generator.csproj" -c Release -nologo -v:q >/dev/null
GEN="$ROOT/src/ActivationGen.Generator/bin/Release/netstandard2.0/ActivationGen.Generator.dll"

python3 "$(dirname "$0")/make_project.py" "$WORK" "$FILES" "$GEN" "$EVERY"
cd "$WORK"
dotnet restore -nologo -v:q >/dev/null

time_build() {
  local start end
  start=$(date +%s.%N)
  dotnet build --no-restore --no-incremental -nologo -v:q -p:ActivationGenAnalyzers="$1" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

dotnet build --no-restore -nologo -v:q >/dev/null   # warm-up (build servers, disk cache)
without=(); with=()
for _ in $(seq "$RUNS"); do
  without+=("$(time_build false)")
  with+=("$(time_build true)")
done
python3 - "${without[*]}" "${with[*]}" "$FILES" <<'PY'
import statistics, sys
wo = [float(x) for x in sys.argv[1].split()]
w = [float(x) for x in sys.argv[2].split()]
m0, m1 = statistics.median(wo), statistics.median(w)
print(f"files: {sys.argv[3]}")
print(f"build with the generator only (median of {len(wo)}): {m0:.2f} s  {wo}")
print(f"build with ActivationGen analyzers (median of {len(w)}): {m1:.2f} s  {w}")
print(f"added: {100 * (m1 - m0) / m0:+.1f} %")
PY
echo "per-analyzer execution time (compiler's ReportAnalyzer):"
dotnet build --no-restore --no-incremental -nologo -v:d -p:ReportAnalyzer=true 2>/dev/null \
  | grep -E "Total analyzer execution time|Total generator execution time|ActivationGen\.Generator\.(Analyzers\.)?[A-Za-z]+(Analyzer|Generator)" | sed 's/^ *//' | sort -u
