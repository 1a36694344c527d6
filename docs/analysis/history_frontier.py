#!/usr/bin/env python3
"""How little slack history-only rules reach on a trace at vpa's overrun.

For each resource, every rule sets one allocation per series from the history (the first half of its samples) and
is judged on the rest, as `./rightsize backtest` does. A rule is a history statistic times one multiplier for all
series, the multiplier searched until the mean overrun meets vpa's; or, per series, the allocation that minimises
slack + lambda x overrun over the history itself, lambda searched likewise. Python 3 standard library only.

    python3 docs/analysis/history_frontier.py ../shared/data/traces/trainticket-2023-01-29.csv
"""
import bisect
import csv
import math
import sys
from collections import defaultdict


def quantile(values, p):
    """R-7, as the backtest's vpa uses."""
    xs = sorted(values)
    h = (len(xs) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


class Future:
    """One series' future, sorted with prefix sums: slack and overrun of any allocation in log time."""

    def __init__(self, values):
        self.sorted = sorted(values)
        self.prefix = [0.0]
        for v in self.sorted:
            self.prefix.append(self.prefix[-1] + v)

    def fit(self, a):
        n = len(self.sorted)
        k = bisect.bisect_right(self.sorted, a)
        if a <= 0:
            idle = bisect.bisect_right(self.sorted, 0)
            return idle / n, (n - k) / n
        return (k * a - self.prefix[k]) / (a * n), (n - k) / n


def mean_fit(allocations, futures):
    fits = [f.fit(a) for a, f in zip(allocations, futures)]
    return sum(s for s, _ in fits) / len(fits), sum(o for _, o in fits) / len(fits)


def at_overrun(base, futures, target):
    """Slack and overrun of base x m with the smallest m >= 1 whose mean overrun is at most target."""
    low, high = 1.0, 1.0
    while mean_fit([b * high for b in base], futures)[1] > target and high < 1e6:
        high *= 2
    for _ in range(50):
        mid = (low + high) / 2
        if mean_fit([b * mid for b in base], futures)[1] <= target:
            high = mid
        else:
            low = mid
    return high, mean_fit([b * high for b in base], futures)


def best_on_history(history, lam):
    f = Future(history)
    best, best_cost = 0.0, None
    for a in sorted(set(history)):
        if a <= 0:
            continue
        s, o = f.fit(a)
        if best_cost is None or s + lam * o < best_cost:
            best, best_cost = a, s + lam * o
    return best


def main(path):
    series = defaultdict(list)
    with open(path) as file:
        for row in csv.DictReader(file):
            series[(row['service'], row['resource'])].append((int(row['timestamp']), float(row['value'])))
    for resource in sorted({r for _, r in series}):
        histories, futures = [], []
        for (service, r), samples in sorted(series.items()):
            if r != resource:
                continue
            values = [v for _, v in sorted(samples)]
            half = len(values) // 2
            if half < 10:
                continue
            histories.append(values[:half])
            futures.append(Future(values[half:]))
        memory = 'memory' in resource
        vpa = [(max(h) if memory else quantile(h, 0.9)) * 1.15 for h in histories]
        vpa_slack, vpa_overrun = mean_fit(vpa, futures)
        print(f'{resource}: vpa {100 * vpa_slack:.2f} / {100 * vpa_overrun:.3f} over {len(futures)} series')
        rules = {'max': max, 'mean': lambda h: sum(h) / len(h),
                 'recent half p90': lambda h: quantile(h[len(h) // 2:], 0.9)}
        for p in (0.5, 0.75, 0.9, 0.95, 0.99):
            rules[f'p{round(100 * p)}'] = lambda h, p=p: quantile(h, p)
        for name, rule in rules.items():
            m, (slack, overrun) = at_overrun([rule(h) for h in histories], futures, vpa_overrun)
            print(f'  {name:16s} x{m:7.3f}: {100 * slack:6.2f} / {100 * overrun:.3f}')
        for lam in (1, 2, 3, 5, 10, 30):
            slack, overrun = mean_fit([best_on_history(h, lam) for h in histories], futures)
            print(f'  per series, slack + {lam:2d} x overrun least on its history: {100 * slack:6.2f} / {100 * overrun:.3f}')


if __name__ == '__main__':
    main(sys.argv[1])
