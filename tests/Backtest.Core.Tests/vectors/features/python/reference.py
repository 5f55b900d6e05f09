"""Independent reference values for the feature kernels, computed with pandas/numpy.

Reads a JSON list of requests on stdin, each {"op": ..., inputs ("x", "high", "low", "close", "qv" as lists,
null = NaN), parameters ("period", "window", "ddof", "bars", "scale")}; prints the output columns as a JSON list
of lists (null = NaN). One process serves a whole test class: importing pandas costs seconds.

Conventions written out independently of the C# code:
- EMA/RSI/ATR: TA-Lib's SMA seed, then pandas ewm(adjust=False) (alpha 2/(p+1) for EMA, 1/p for Wilder),
  computed on the input after its leading NaN warm-up (the recursive NaN rule for a warm-up).
- rolling statistics: numpy two-pass over sliding_window_view (NaN in a window gives NaN).
"""
import json, sys
import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view


def after_warmup(x, f):
    """Applies f to x from its first defined value on; NaN before."""
    out = np.full(len(x), np.nan)
    ok = np.flatnonzero(~np.isnan(x))
    if len(ok):
        first = ok[0]
        out[first:] = f(x[first:])
    return out

def seeded_ewm(values, seed_at, seed, alpha):
    s = pd.Series(values.copy())
    s[:seed_at] = np.nan
    s[seed_at] = seed
    return s.ewm(alpha=alpha, adjust=False).mean().to_numpy()

def ema(x, p):
    if len(x) < p:
        return np.full(len(x), np.nan)
    return seeded_ewm(x, p - 1, x[:p].mean(), 2.0 / (p + 1))

def rsi(x, p):
    if len(x) < p + 1:
        return np.full(len(x), np.nan)
    d = np.diff(x, prepend=np.nan)
    gain, loss = np.where(d > 0, d, 0.0), np.where(d < 0, -d, 0.0)
    g = seeded_ewm(gain, p, gain[1:p + 1].mean(), 1.0 / p)
    l = seeded_ewm(loss, p, loss[1:p + 1].mean(), 1.0 / p)
    tot = g + l
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(np.abs(tot) < 1e-14, 0.0, 100.0 * g / tot)
    out[:p] = np.nan
    return out

def atr(h, l, c, p):
    n = len(c)
    if n < p + 1:
        return np.full(n, np.nan)
    pc = np.concatenate([[np.nan], c[:-1]])
    tr = np.nanmax(np.vstack([h - l, np.abs(h - pc), np.abs(l - pc)]), axis=0)
    tr[0] = np.nan
    return seeded_ewm(tr, p, tr[1:p + 1].mean(), 1.0 / p)

def windows(x, w):
    out = np.full(len(x), np.nan)
    return out, (sliding_window_view(x, w) if len(x) >= w else None)

def compute(req):
    col = lambda k: np.array([np.nan if v is None else v for v in req[k]], dtype=float)
    op = req["op"]
    if op == "ema":
        out = after_warmup(col("x"), lambda v: ema(v, req["period"]))
    elif op == "rsi":
        out = after_warmup(col("x"), lambda v: rsi(v, req["period"]))
    elif op == "atr":
        out = atr(col("high"), col("low"), col("close"), req["period"])
    elif op in ("rolling_mean", "rolling_std", "zscore", "realized_vol"):
        x, w = col("x"), req["window"]
        out, v = windows(x, w)
        if v is not None:
            if op == "rolling_mean":
                out[w - 1:] = v.mean(axis=1)
            elif op == "rolling_std":
                out[w - 1:] = v.std(axis=1, ddof=req["ddof"])
            elif op == "zscore":
                sd = v.std(axis=1, ddof=req["ddof"])
                with np.errstate(invalid="ignore", divide="ignore"):
                    out[w - 1:] = np.where(sd > 0, (x[w - 1:] - v.mean(axis=1)) / sd, np.nan)
            else:
                out[w - 1:] = np.sqrt((v * v).sum(axis=1)) * req.get("scale", 1.0)
    elif op == "log_return":
        x, k = col("x"), req["bars"]
        out = np.full(len(x), np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            ok = (x[k:] > 0) & (x[:-k] > 0)
            out[k:] = np.where(ok, np.log(np.where(ok, x[k:], 1.0) / np.where(ok, x[:-k], 1.0)), np.nan)
    elif op == "amihud":
        c, q, w = col("close"), col("qv"), req["window"]
        r = np.concatenate([[np.nan], np.log(c[1:] / c[:-1])])
        out = np.full(len(c), np.nan)
        for t in range(w - 1, len(c)):
            rr, qq = r[t - w + 1:t + 1], q[t - w + 1:t + 1]
            if np.isnan(rr).any() or np.isnan(qq).any():
                continue
            m = qq > 0
            if m.any():
                out[t] = req["scale"] * np.mean(np.abs(rr[m]) / qq[m])
    else:
        raise SystemExit(f"unknown op {op}")

    return [None if np.isnan(v) else float(v) for v in out]

print(json.dumps([compute(r) for r in json.load(sys.stdin)]))
