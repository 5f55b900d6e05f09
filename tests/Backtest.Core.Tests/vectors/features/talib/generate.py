#!/usr/bin/env python3
"""Regenerates the TA-Lib reference vectors in this folder (see README.md).

usage: generate.py TALIB_REFERENCE_BINARY SHARED_REAL_DATA_DIR
Only the standard library: the numbers come from TA-Lib's C code through the binary.
"""
import csv, gzip, io, math, random, subprocess, sys

BINARY, REAL = sys.argv[1], sys.argv[2]

def talib(func, period, rows):
    lines = [f"{func} {period} {len(rows)}"] + [" ".join(repr(v) for v in r) for r in rows]
    out = subprocess.run([BINARY], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return [float(v) for v in out.split()]

def cases(high, low, close, specs, suffix_from=None):
    cols = {}
    for func, period in specs:
        rows = [(h, l, c) for h, l, c in zip(high, low, close)] if func == "ATR" else [(c,) for c in close]
        cols[f"{func}_{period}"] = talib(func, period, rows)
        if suffix_from is not None:
            tail = talib(func, period, rows[suffix_from:])
            cols[f"{func}_{period}@{suffix_from}"] = [math.nan] * suffix_from + tail
    return cols

def write(name, ts, high, low, close, cols):
    with open(name, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ts", "high", "low", "close"] + list(cols))
        for i in range(len(close)):
            w.writerow([ts[i], repr(high[i]), repr(low[i]), repr(close[i])] + [repr(cols[k][i]) if not math.isnan(cols[k][i]) else "NaN" for k in cols])

SPECS = [("EMA", 2), ("EMA", 12), ("EMA", 30), ("RSI", 2), ("RSI", 14), ("ATR", 1), ("ATR", 14), ("STDDEV", 20), ("SMA", 20)]

# 1. Real Binance USDT-M BTCUSDT 5m bars (first 400 of the shared sample, 2023-01-01), ts = bar close.
with gzip.open(f"{REAL}/binance-usdm-5m/BTCUSDT-5m.csv.gz", "rt") as f:
    rows = list(csv.DictReader(f))[:400]
ts = [int(r["open_time"]) + 300_000 for r in rows]
high = [float(r["high"]) for r in rows]
low = [float(r["low"]) for r in rows]
close = [float(r["close"]) for r in rows]
write("btcusdt_5m.csv", ts, high, low, close, cases(high, low, close, SPECS, suffix_from=137))

# 2. Synthetic: a 40-bar flat run (RSI's 0 branch, ATR of doji bars), then a seeded random walk at a
#    sub-satoshi price scale (moves ~1e-9) where TA-Lib 0.6's 1e-14 tolerance still sees movement.
rng = random.Random(20240611)
close, high, low = [], [], []
for i in range(40):
    close.append(100.0); high.append(100.0); low.append(100.0)
for i in range(160):
    c = close[-1] * math.exp(rng.gauss(0, 0.004))
    close.append(c); high.append(c * (1 + abs(rng.gauss(0, 0.002)))); low.append(c * (1 - abs(rng.gauss(0, 0.002))))
scale = 1e-7
high = [h * scale for h in high]; low = [l * scale for l in low]; close = [c * scale for c in close]
ts = [1672531500000 + 300_000 * i for i in range(len(close))]
# STDDEV is left out here: TA-Lib clips variances below 1e-14 to 0, which at this price scale is every window.
write("flat_then_tiny.csv", ts, high, low, close, cases(high, low, close, [s for s in SPECS if s[0] != "STDDEV"]))
