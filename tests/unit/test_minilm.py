"""The second stage's reader in numpy: the same logits as the PyTorch network it was fine-tuned as,
whatever the batch, and no PyTorch needed to run it."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from wirewatch.workers.classify.minilm import (
    EMBEDDING_TENSORS,
    EMBEDDINGS_FILE,
    READER_FILE,
    READER_NAME,
    TOKENIZER_FILE,
    NumpyReader,
    _gelu,
)
from wirewatch.workers.classify.passages import split_sentences
from wirewatch.workers.classify.triage import model_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "incidents" / "seed-isis-guerrilla-attacks.txt"
HARD_NEGATIVES = FIXTURES / "hard_negatives"


def _passages() -> list[str]:
    """Real passages of every length up to past the 128-token cut: the seed article's sentences,
    one, two and many at a time, and the hard negatives."""
    sentences = split_sentences(SEED.read_text(encoding="utf-8"))
    out = sentences[:12] + [" ".join(sentences[i : i + 2]) for i in range(0, 12, 2)]
    out.append(" ".join(sentences))  # far beyond 128 tokens: cut
    out += [p.read_text(encoding="utf-8")[:1200] for p in sorted(HARD_NEGATIVES.glob("*.txt"))]
    out += ["", "Bomb."]
    return out


@pytest.fixture(scope="module")
def reader() -> NumpyReader:
    loaded = NumpyReader.load(model_dir())
    assert loaded is not None, "the bundled model ships its reader and the libraries are core dependencies"
    return loaded


def test_gelu_is_the_exact_one() -> None:
    x = np.linspace(-8.0, 8.0, 4001, dtype=np.float32).reshape(-1, 1)
    exact = np.array([v * 0.5 * (1.0 + math.erf(v / math.sqrt(2.0))) for v in x.ravel().tolist()])
    got = _gelu(x.copy(), rows=7).ravel()  # blocks of any size give the same
    assert np.abs(got - exact).max() < 2e-6
    tanh_form = (
        0.5 * x.ravel() * (1 + np.tanh(math.sqrt(2 / math.pi) * (x.ravel() + 0.044715 * x.ravel() ** 3)))
    )
    assert np.abs(tanh_form - exact).max() > 1e-4  # the approximation this is not


def test_the_numpy_reader_gives_the_fine_tuned_networks_logits(reader: NumpyReader) -> None:
    """Against the PyTorch network (the ``embed`` extra, which the test extra installs) on the same
    passages: the only difference is the word vectors stored in float16."""
    pytest.importorskip("torch")
    from wirewatch.workers.classify.embedding import PassageReader

    passages = _passages()
    torch_reader = PassageReader.load(model_dir() / READER_FILE)
    assert torch_reader is not None
    expected = torch_reader.logits(passages)
    got = reader.logits(passages)
    assert got.shape == (len(passages),)
    assert np.abs(got - expected).max() < 0.01
    assert np.array_equal(np.sign(got), np.sign(expected))
    # and the tokens are the same ones
    torch_ids = torch_reader._encode(passages)[0].numpy()  # noqa: SLF001
    ids, _mask = reader.encode(passages)
    assert np.array_equal(torch_ids, ids[:, : torch_ids.shape[1]])


def test_a_passages_logit_does_not_depend_on_its_batch(reader: NumpyReader) -> None:
    passages = _passages()
    together = reader.logits(passages)
    alone = np.array([reader.logits([p])[0] for p in passages])
    assert np.abs(together - alone).max() < 1e-4
    reversed_order = reader.logits(passages[::-1])[::-1]
    assert np.abs(together - reversed_order).max() < 1e-4
    assert reader.logits([]).shape == (0,)


def test_the_reader_reads_meaning(reader: NumpyReader) -> None:
    attack, bank = reader.logits(
        [
            "A suicide bomber blew himself up at a police checkpoint in Kabul, killing 41 people.",
            "The central bank left interest rates unchanged on Tuesday.",
        ]
    )
    assert attack > 0 > bank
    assert reader.name == READER_NAME


def test_the_shipped_base_is_the_encoders_embeddings_and_tokenizer() -> None:
    from safetensors.numpy import load_file

    embeddings = load_file(str(model_dir() / EMBEDDINGS_FILE))
    assert set(embeddings) == set(EMBEDDING_TENSORS)
    assert {t.dtype for t in embeddings.values()} == {np.dtype(np.float16)}
    assert embeddings["embeddings.word_embeddings.weight"].shape == (30522, 384)
    assert (model_dir() / TOKENIZER_FILE).stat().st_size < 1_000_000


def test_a_reader_with_missing_parts_is_absent_or_refused(tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(model_dir(), model)
    (model / TOKENIZER_FILE).unlink()
    assert NumpyReader.load(model) is None  # logged; the classifier falls back to triage
    shutil.copyfile(model_dir() / TOKENIZER_FILE, model / TOKENIZER_FILE)
    from safetensors.numpy import load_file, save_file

    weights = load_file(str(model / EMBEDDINGS_FILE))
    del weights["embeddings.LayerNorm.weight"]
    save_file(weights, str(model / EMBEDDINGS_FILE))
    with pytest.raises(ValueError, match="retrain"):
        NumpyReader.load(model)


def test_the_second_stage_runs_without_pytorch(tmp_path: Path) -> None:
    """In a process where PyTorch and transformers cannot be imported, the classifier still loads
    and scores with its second stage."""
    script = (
        "import sys\n"
        "sys.modules['torch'] = None\n"
        "sys.modules['transformers'] = None\n"
        "from wirewatch.workers.classify.classifier import Classifier\n"
        "c = Classifier.load(embedding=True)\n"
        "t = c.score('Gunmen stormed a checkpoint in Kirkuk, killing a police chief and his son.')\n"
        "print(c.triage.stage2_name, t.stage, round(t.score, 3))\n"
        "assert 'torch' not in {m for m, v in sys.modules.items() if v is not None}\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    name, stage, score = done.stdout.split()
    assert name == READER_NAME and stage == "embedding" and float(score) >= 0.5
