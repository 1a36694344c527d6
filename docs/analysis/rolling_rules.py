#!/usr/bin/env python3
"""Simple history-only rules replayed online on a trace, scored as `./rightsize backtest --mode rolling` scores.

Usage: python3 docs/analysis/rolling_rules.py TRACE.csv [--step 3600] [--fraction 0.5]

Prints slack % / overrun % / changes per series per day for: CPU quantiles over the last 1, 3, 6 hours and over
every sample so far; memory as the last window's peak times a margin; memory as RecentPeak (the last step's peak x
(1 + headroom + k x the largest recent step-to-step rise)); and the per-series margin chosen knowing the future
(what no history-only rule can beat with that base); and an Autopilot-style ensemble that picks, per series and
step, the window and growth weight that cost least over its recent steps. Needs numpy.
"""
import argparse
import csv
from collections import defaultdict

import numpy as np


def load(path):
    rows = defaultdict(list)
    with open(path) as f:
        for row in csv.DictReader(f):
            rows[(row['service'], row['resource'])].append((int(row['timestamp']), float(row['value'])))
    out = {}
    for key, samples in rows.items():
        samples.sort()
        out[key] = (np.array([t for t, _ in samples]), np.array([v for _, v in samples]))
    return out


def fit(allocation, usage):
    allocated = allocation.sum()
    slack = np.maximum(allocation - usage, 0).sum() / allocated if allocated > 0 else float((usage <= 0).mean())
    return slack, float((usage > allocation).mean())


def rolling(series, resource, rule, fraction, step):
    """Each rule returns (allocation, (lower, upper)); the running allocation moves when it leaves the band."""
    slacks, overruns, changes = [], [], []
    for (_, res), (t, v) in series.items():
        if res != resource:
            continue
        n = len(v)
        h = int(np.floor(n * fraction))
        if h < 10 or h >= n:
            continue
        alloc = np.zeros(n - h)
        running, moved, seen = None, 0, h
        while seen < n:
            target, (low, high) = rule(t[:seen], v[:seen])
            if running is None:
                running = target
            elif not low <= running <= high:
                running, moved = target, moved + 1
            end = seen
            while end < n and t[end] < t[seen] + step:
                alloc[end - h] = running
                end += 1
            seen = end
        s, o = fit(alloc, v[h:])
        slacks.append(s)
        overruns.append(o)
        changes.append(moved / ((t[-1] - t[h] + 60) / 86400))
    return 100 * np.mean(slacks), 100 * np.mean(overruns), np.mean(changes)


def cpu_window(seconds, q):
    def rule(t, v):
        x = np.quantile(v[t >= t[-1] + 1 - seconds], q)
        return x, (x, x)
    return rule


def memory_window(seconds, margin):
    def rule(t, v):
        x = v[t >= t[-1] + 1 - seconds].max() * (1 + margin)
        return x, (x, x)
    return rule


def recent_peak(step, headroom=0.03, k=2, blocks=4, band=1.05):
    def rule(t, v):
        end = t[-1] + 1
        peaks = []
        for b in range(blocks + 1):
            block = v[(t >= end - (b + 1) * step) & (t < end - b * step)]
            if len(block) == 0:
                break
            peaks.append(block.max())
        rises = [max(0.0, peaks[b] / peaks[b + 1] - 1) for b in range(len(peaks) - 1) if peaks[b + 1] > 0]
        x = peaks[0] * (1 + headroom + k * (max(rises) if rises else 0))
        return x, (x, x * band)
    return rule


def ensemble(step, windows=(1, 3, 12), weights=(0, 1, 2, 3), headroom=0.03, overrun_cost=100, half_life=6,
             look_back=12):
    """Autopilot's ML recommender in miniature: each series takes, every step, the model (window x growth weight)
    whose decayed cost (overrun_cost x overrun share + slack share) over its recent steps was least."""
    models = [(w * step, k) for w in windows for k in weights]
    decay = 0.5 ** (1 / half_life)

    def predict(t, v, end, window, k):
        peaks = []
        for b in range(5):
            block = v[(t >= end - (b + 1) * step) & (t < end - b * step)]
            if len(block) == 0:
                break
            peaks.append(block.max())
        recent = v[(t >= end - window) & (t < end)]
        if len(recent) == 0 or not peaks:
            return None
        rises = [max(0.0, peaks[b] / peaks[b + 1] - 1) for b in range(len(peaks) - 1) if peaks[b + 1] > 0]
        return recent.max() * (1 + headroom + k * (max(rises) if rises else 0))

    def rule(t, v):
        end = t[-1] + 1
        costs = np.zeros(len(models))
        for b in [end - j * step for j in range(look_back, 0, -1) if end - j * step > t[0] + step]:
            following = v[(t >= b) & (t < b + step)]
            if len(following) == 0:
                continue
            for i, (window, k) in enumerate(models):
                a = predict(t, v, b, window, k)
                if a is None:
                    continue
                slack = np.maximum(a - following, 0).sum() / a if a > 0 else 0
                costs[i] = decay * costs[i] + (1 - decay) * (overrun_cost * (following > a).mean() + slack)
        window, k = models[int(np.argmin(costs))]
        x = predict(t, v, end, window, k)
        return x, (x, x * 1.05)
    return rule


def oracle_margin(series, fraction, step):
    """Per series, the least margin over the last step's peak that never runs short: chosen knowing the future."""
    slacks, margins = [], []
    for (service, res), (t, v) in series.items():
        if res != 'memory_mib':
            continue
        n = len(v)
        h = n // 2 if fraction == 0.5 else int(np.floor(n * fraction))
        base, seen = np.zeros(n - h), h
        while seen < n:
            end = seen
            while end < n and t[end] < t[seen] + step:
                end += 1
            base[seen - h:end - h] = v[:seen][t[:seen] >= t[seen - 1] - step].max()
            seen = end
        usage = v[h:]
        margin = max(0.0, (usage / base).max() - 1) if base.max() > 0 else 0.0
        slacks.append(fit(base * (1 + margin), usage)[0])
        margins.append((margin, service))
    return 100 * np.mean(slacks), sorted(margins, reverse=True)[:5]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('trace')
    parser.add_argument('--step', type=int, default=3600)
    parser.add_argument('--fraction', type=float, default=0.5)
    args = parser.parse_args()
    series = load(args.trace)
    run = lambda resource, rule: rolling(series, resource, rule, args.fraction, args.step)
    print('rule                                     slack %  overrun %  changes/d')
    row = '{:<40} {:7.2f} {:10.3f} {:10.1f}'
    for hours in (1, 3, 6, None):
        for q in (0.90, 0.95):
            seconds = 10 ** 12 if hours is None else hours * 3600
            label = 'cpu p{:.0f} over {}'.format(100 * q, 'every sample' if hours is None else f'the last {hours} h')
            print(row.format(label, *run('cpu_millicores', cpu_window(seconds, q))))
    for hours in (1, 3, 6):
        for margin in (0.05, 0.10):
            print(row.format(f'memory peak of {hours} h x {1 + margin:.2f}',
                             *run('memory_mib', memory_window(hours * 3600, margin))))
    print(row.format('memory RecentPeak (3 %, 2 x rise, 4 steps)', *run('memory_mib', recent_peak(args.step))))
    print(row.format('memory ensemble (Autopilot-style choice)', *run('memory_mib', ensemble(args.step))))
    slack, widest = oracle_margin(series, args.fraction, args.step)
    print('memory, last step peak x per-series margin known in hindsight, 0 overrun: {:.2f} % slack'.format(slack))
    print('  the largest such margins: ' + ', '.join(f'{s} {100 * m:.1f} %' for m, s in widest))


if __name__ == '__main__':
    main()
