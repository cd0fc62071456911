"""Fitting the learned filter's block model with numpy alone.

The model is the one `cleaner.filters.learned.Model` evaluates: features standardised by a
mean and a scale, then dense layers with ReLU between them and one logit out (no hidden layer
is logistic regression). It is fitted by minimising the sample-weighted log loss with Adam on
shuffled mini-batches, plus an L2 penalty that pulls the weights towards an anchor: zero when
training from scratch, the starting model's weights when fine-tuning it (so a few labelled
pages move the model only as far as they have evidence for; biases are not penalised).

Everything random (initial weights, batch order) comes from generators seeded with the given
seed, so the same rows and seed give the same model.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np

# The filter's product in slices that a threaded BLAS keeps on one thread: training on a busy
# machine otherwise waits on woken BLAS threads (1000 x 83 by 83 x 32: 16 ms, sliced 0.5 ms).
from cleaner.filters.learned import BLAS_ONE_THREAD_WORK
from cleaner.filters.learned import _product as product

MIN_SCALE = 1e-3
"""A feature varying less than this on the training rows is taken as constant (scale 1): the
model file rounds to six decimals, and dividing by a near-zero scale would make any other
value on a new page an enormous input."""
BATCH_ROWS = 512
"""Rows per Adam step (the shipped model's batch size); a smaller set is one batch."""
ADAM_BETAS = (0.9, 0.999)
ADAM_EPSILON = 1e-8

Layers = list[tuple[np.ndarray, np.ndarray]]


@dataclass
class Network:
    """Standardisation and layers, as the model file holds them (`w` is inputs x outputs)."""

    mean: np.ndarray
    scale: np.ndarray
    layers: Layers

    def logits(self, x: np.ndarray) -> np.ndarray:
        return self.activations(x)[-1][:, 0]

    def activations(self, x: np.ndarray) -> list[np.ndarray]:
        """Every layer's input, and last the logits (a column)."""
        h = (x - self.mean) / self.scale
        out = [h]
        for k, (w, b) in enumerate(self.layers):
            h = product(h, w) + b
            if k < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
            out.append(h)
        return out


@dataclass(frozen=True)
class Schedule:
    """How long and how hard to fit."""

    epochs: int
    learning_rate: float
    l2: float  # strength of the pull towards the anchor weights
    seed: int


def standardiser(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The features' mean and standard deviation; a constant feature gets a scale of 1."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < MIN_SCALE] = 1.0
    return mean, scale


def new_network(x: np.ndarray, hidden: int, seed: int) -> Network:
    """An untrained network standardised on `x`: one hidden layer of `hidden` units (none:
    logistic regression), weights drawn uniformly within Glorot's bounds (the wider ReLU
    bound on the hidden layer), biases at zero."""
    rng = np.random.default_rng(seed)
    sizes = [x.shape[1], *([hidden] if hidden > 0 else []), 1]
    layers: Layers = []
    for k, (fan_in, fan_out) in enumerate(pairwise(sizes)):
        factor = 2.0 if k == len(sizes) - 2 else 6.0
        bound = np.sqrt(factor / (fan_in + fan_out))
        layers.append((rng.uniform(-bound, bound, (fan_in, fan_out)), np.zeros(fan_out)))
    mean, scale = standardiser(x)
    return Network(mean, scale, layers)


def fit(
    network: Network,
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    schedule: Schedule,
    anchor: Layers | None = None,
) -> Network:
    """A copy of `network` fitted to rows `x`, labels `y` (bool) and sample weights `w`, its
    weights pulled towards `anchor`'s (None: towards zero)."""
    layers = [(a.copy(), b.copy()) for a, b in network.layers]
    anchor = anchor or [(np.zeros_like(a), b) for a, b in layers]
    net = Network(network.mean, network.scale, layers)
    adam = _Adam(layers, schedule.learning_rate)
    rng = np.random.default_rng(schedule.seed)
    target = y.astype(float)
    batch = min(BATCH_ROWS, len(y))
    for _ in range(schedule.epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            rows = order[start : start + batch]
            grads = _gradients(net, x[rows], target[rows], w[rows], anchor, schedule.l2)
            adam.step(grads)
    return net


def weighted_log_loss(network: Network, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> float:
    """The sample-weighted mean log loss of the network on the rows."""
    z = network.logits(x)
    # log(1 + e^-z) for label 1 and log(1 + e^z) for label 0, without overflow.
    loss = np.logaddexp(0.0, np.where(y, -z, z))
    return float((loss * w).sum() / w.sum())


def _gradients(
    net: Network, x: np.ndarray, y: np.ndarray, w: np.ndarray, anchor: Layers, l2: float
) -> Layers:
    """Gradients of the batch's weighted mean log loss plus (l2 / 2) |W - anchor|^2."""
    acts = net.activations(x)
    z = acts[-1][:, 0]
    g = ((1.0 / (1.0 + np.exp(-z)) - y) * w / w.sum())[:, None]
    grads: Layers = []
    for k in range(len(net.layers) - 1, -1, -1):
        weights, _ = net.layers[k]
        grads.append((_inner(acts[k], g) + l2 * (weights - anchor[k][0]), g.sum(axis=0)))
        if k > 0:
            g = (g @ weights.T) * (acts[k] > 0)
    grads.reverse()
    return grads


def _inner(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    """a.T @ g, summed over slices of rows small enough for one BLAS thread (see `product`)."""
    rows = max(BLAS_ONE_THREAD_WORK // max(a.shape[1] * g.shape[1], 1) - 1, 1)
    out = a[:rows].T @ g[:rows]
    for start in range(rows, len(a), rows):
        out += a[start : start + rows].T @ g[start : start + rows]
    return np.asarray(out)


class _Adam:
    """Adam's moment estimates for each weight and bias array, updated in place."""

    def __init__(self, layers: Layers, learning_rate: float) -> None:
        self.layers = layers
        self.rate = learning_rate
        self.moments = [[np.zeros_like(a) for a in layer] for layer in layers]
        self.squares = [[np.zeros_like(a) for a in layer] for layer in layers]
        self.t = 0

    def step(self, grads: Layers) -> None:
        self.t += 1
        b1, b2 = ADAM_BETAS
        rate = self.rate * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        for layer, grad, moment, square in zip(
            self.layers, grads, self.moments, self.squares, strict=True
        ):
            for param, g, m, v in zip(layer, grad, moment, square, strict=True):
                m *= b1
                m += (1 - b1) * g
                v *= b2
                v += (1 - b2) * g * g
                param -= rate * m / (np.sqrt(v) + ADAM_EPSILON)
