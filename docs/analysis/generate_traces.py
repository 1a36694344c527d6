#!/usr/bin/env python3
"""Generated traces like the tests' GeneratedTraces, one CSV per shape: python3 generate_traces.py DIR.

20 series per shape of 1000 samples a minute apart; CPU bursty (gamma, mean 1, cv 0.5), memory smooth (AR(1),
sd about 4.6 %); levels drawn between 100 and 1000. Shapes: flat, periodic (period n/8, +-40 %), trend (+60 %),
step (x1.4 at 35 %), spiky (3 % of samples plus a Pareto burst), fall (to 30 % at 60 %), startup_spike (five samples
at three times the level at 40 %). Seeded, so the same files every time. Needs numpy.
"""
import os
import sys

import numpy as np

N = 1000
SHAPES = ['flat', 'periodic', 'trend', 'step', 'spiky', 'fall', 'startup_spike']


def factor(shape, t, phase):
    return {
        'flat': np.ones(N), 'spiky': np.ones(N),
        'periodic': 1 + 0.4 * np.sin(2 * np.pi * t / (N / 8) + phase),
        'trend': 1 + 0.6 * t / N,
        'step': np.where(t < 0.35 * N, 1, 1.4),
        'fall': np.where(t < 0.6 * N, 1, 0.3),
        'startup_spike': np.where((t >= 0.4 * N) & (t < 0.4 * N + 5), 3, 1),
    }[shape]


def series(rng, shape, cpu):
    level = 100 + 900 * rng.random()
    phase = 2 * np.pi * rng.random()
    if cpu:
        noise = rng.gamma(4, 0.25, N)
    else:
        noise, e = np.zeros(N), 0.0
        for i in range(N):
            e = 0.9 * e + rng.normal(0, 0.02)
            noise[i] = 1 + e
    values = np.maximum(0, level * factor(shape, np.arange(N), phase) * noise)
    if shape == 'spiky':
        burst = rng.random(N) < 0.03
        values[burst] += level * (rng.pareto(1.5, burst.sum()) + 1) * (1 if cpu else 0.3)
    return values


def main():
    rng = np.random.default_rng(7)
    for shape in SHAPES:
        with open(os.path.join(sys.argv[1], shape + '.csv'), 'w') as out:
            out.write('timestamp,service,resource,value\n')
            for seed in range(20):
                for resource in ('cpu_millicores', 'memory_mib'):
                    for i, v in enumerate(series(rng, shape, resource.startswith('cpu'))):
                        out.write(f'{60 * i},{shape}-{seed},{resource},{v:.4f}\n')


if __name__ == '__main__':
    main()
