"""Writes a project of N files of hand-written network code for tools/analyzer-perf/measure.sh."""
import os
import sys

work, count, generator = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# Every k-th file is a network; the others are ordinary application code (a realistic solution mixes both).
network_every = int(sys.argv[4]) if len(sys.argv) > 4 else 1
os.makedirs(os.path.join(work, "src"), exist_ok=True)
with open(os.path.join(work, "Perf.csproj"), "w") as f:
    f.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <AnalysisLevel>none</AnalysisLevel>
    <!-- The AG diagnostics stay on: the compiler skips an analyzer whose every rule is suppressed. -->
    <NoWarn>$(NoWarn);CS0414;CS0169</NoWarn>
    <!-- Baseline: the generator still runs, the analyzers are skipped (every rule they report is off). -->
    <NoWarn Condition="'$(ActivationGenAnalyzers)' == 'false'">$(NoWarn);AG1001;AG1002;AG1003;AG1004;AG1005;AG1006;AG2001;AG2002;AG2003;AG3001</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="{generator}" />
  </ItemGroup>
</Project>
""")

TEMPLATE = """using System;
using System.Collections.Generic;
using System.Linq;

namespace Perf.N{i}
{{
    public static class Activations{i}
    {{
        public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
        public static double SigmoidDerivative(double x) => Sigmoid(x) * (1 - Sigmoid(x));
        public static double Relu(double x) => Math.Max(0, x);
        public static double LeakyRelu(double x) => x > 0 ? x : 0.01 * x;
        public static double LeakyReluDerivative(double x) => x > 0 ? 1 : 0.01;
    }}

    public sealed class Network{i}
    {{
        private readonly double[][] _w1;
        private readonly double[] _b1;
        private readonly double[][] _w2;
        private readonly double[] _z1, _a1, _z2, _a2;
        private readonly Random _rng = new Random({i});

        public Network{i}(int inputs, int hidden, int outputs)
        {{
            _w1 = new double[hidden][];
            _b1 = new double[hidden];
            _w2 = new double[outputs][];
            _z1 = new double[hidden]; _a1 = new double[hidden]; _z2 = new double[outputs]; _a2 = new double[outputs];
            double limit = Math.Sqrt(6.0 / inputs);
            for (int j = 0; j < hidden; j++)
            {{
                _w1[j] = new double[inputs];
                for (int i = 0; i < inputs; i++) _w1[j][i] = {init};
                _b1[j] = {bias};
            }}
            for (int k = 0; k < outputs; k++)
            {{
                _w2[k] = new double[hidden];
                for (int j = 0; j < hidden; j++) _w2[k][j] = (_rng.NextDouble() * 2 - 1) * Math.Sqrt(6.0 / hidden);
            }}
        }}

        public double[] Forward(double[] x)
        {{
            for (int j = 0; j < _w1.Length; j++)
            {{
                double s = _b1[j];
                for (int i = 0; i < x.Length; i++) s += _w1[j][i] * x[i];
                _z1[j] = s;
                _a1[j] = Math.Max(0, s);
            }}
            for (int k = 0; k < _w2.Length; k++)
            {{
                double s = 0;
                for (int j = 0; j < _a1.Length; j++) s += _w2[k][j] * _a1[j];
                _z2[k] = s;
                _a2[k] = Activations{i}.Sigmoid(s);
            }}
            return _a2;
        }}

        public void Backward(double[] target, double learningRate)
        {{
            var delta2 = new double[_a2.Length];
            for (int k = 0; k < _a2.Length; k++) delta2[k] = (_a2[k] - target[k]) * (_a2[k] * (1 - _a2[k]));
            for (int j = 0; j < _a1.Length; j++)
            {{
                double g = 0;
                for (int k = 0; k < _a2.Length; k++) {{ g += delta2[k] * _w2[k][j]; _w2[k][j] -= learningRate * delta2[k] * _a1[j]; }}
                double d = g * (_z1[j] > 0 ? 1 : 0);
                _b1[j] -= learningRate * d;
            }}
        }}

        public IEnumerable<double> Scores(double[] x) => Forward(x).Select(v => Math.Round(v, 3));
    }}
}}
"""
ORDINARY = """using System;
using System.Collections.Generic;
using System.Linq;

namespace Perf.App{i}
{{
    public sealed record Order{i}(int Id, string Customer, decimal Amount, DateTime Placed);

    public sealed class OrderService{i}
    {{
        private readonly List<Order{i}> _orders = new List<Order{i}>();
        private readonly Dictionary<string, decimal> _totals = new Dictionary<string, decimal>();

        public void Add(Order{i} order)
        {{
            _orders.Add(order);
            _totals[order.Customer] = _totals.TryGetValue(order.Customer, out decimal t) ? t + order.Amount : order.Amount;
        }}

        public IEnumerable<Order{i}> Recent(int days) => _orders.Where(o => o.Placed > DateTime.UtcNow.AddDays(-days)).OrderBy(o => o.Placed);

        public decimal Average() => _orders.Count == 0 ? 0 : _orders.Average(o => o.Amount);

        public double Score(double[] xs)
        {{
            double s = 0;
            for (int k = 0; k < xs.Length; k++) s += xs[k] > 0 ? xs[k] * 0.5 : -xs[k];
            return Math.Max(1.0, s) / Math.Sqrt(xs.Length + 1);
        }}

        public string Describe(Order{i} o) => o.Amount switch
        {{
            > 1000m => "large " + o.Customer,
            > 100m => "medium " + o.Customer,
            _ => "small " + o.Customer,
        }};
    }}
}}
"""

for i in range(count):
    if i % network_every != 0:
        with open(os.path.join(work, "src", f"App{i}.cs"), "w") as f:
            f.write(ORDINARY.format(i=i))
        continue
    broken = i % 10 == 0
    init = "_rng.NextDouble() * 0.01" if broken else "(_rng.NextDouble() * 2 - 1) * limit"
    bias = "-0.5" if broken else "0.01"
    with open(os.path.join(work, "src", f"Network{i}.cs"), "w") as f:
        f.write(TEMPLATE.format(i=i, init=init, bias=bias))
