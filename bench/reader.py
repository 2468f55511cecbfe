"""The second stage's reader in numpy (what the service runs) against the same network in PyTorch.

    python bench/reader.py [DATA.jsonl] [--limit N] [--repeat 3]

Both read the same passages: those of DATA (default: the dev split) whose triage score reaches the
bundled model's gate, the three sentences the lexical model rates highest, as the classifier hands
them over. Each engine runs in a process of its own, pinned to one thread, so that its peak resident
memory is its own (PyTorch's import alone costs hundreds of MB). Prints passages/s (best of
``--repeat``), the time to load the reader, peak RSS, the ratio numpy / PyTorch of each, and the
largest difference between the two engines' logits. PyTorch needs the ``embed`` extra; the last
line is JSON.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "labelled" / "dev.jsonl"


def gated_passages(data: Path, limit: int) -> list[str]:
    """The passages the second stage reads: of the texts whose triage score reaches the gate."""
    from wirewatch.workers.classify.triage import TriageModel

    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows[: limit or None]]
    model = TriageModel.load(embedding=False)
    gate = float((model.calibration or {})["embedding"]["gate"])
    analyses = model.analyse(texts, [""] * len(texts))
    triages = [model._finish(a) for a in analyses]  # noqa: SLF001 (the first stage's own score)
    return [a.passage for a, t in zip(analyses, triages, strict=True) if t.score >= gate]


def run_engine(engine: str, passages_file: Path, repeat: int) -> dict[str, object]:
    """One engine, in this process: load it, score the passages ``repeat`` times."""
    import numpy as np

    from wirewatch.config import data_path

    passages = json.loads(passages_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    if engine == "numpy":
        from wirewatch.workers.classify.minilm import NumpyReader

        reader = NumpyReader.load(data_path("model"), threads=1)
    else:
        from wirewatch.workers.classify.embedding import PassageReader

        reader = PassageReader.load(data_path("model") / "reader.safetensors", threads=1)
    if reader is None:
        raise SystemExit(f"{engine}: the reader is not installed")
    load_s = time.perf_counter() - started
    best = float("inf")
    logits = np.zeros(0)
    for _ in range(repeat):
        started = time.perf_counter()
        logits = reader.logits(passages)
        best = min(best, time.perf_counter() - started)
    return {
        "engine": engine,
        "passages": len(passages),
        "passages_per_s": round(len(passages) / best, 1),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "logits": [round(float(x), 6) for x in logits],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="Use only the first N rows.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=("numpy", "torch"), help=argparse.SUPPRESS)
    parser.add_argument("--passages", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:  # a child: one engine, its figures as JSON
        print(json.dumps(run_engine(args.engine, args.passages, args.repeat)))
        return

    passages = gated_passages(args.data, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "passages.json"
        path.write_text(json.dumps(passages), encoding="utf-8")
        results = {}
        for engine in ("torch", "numpy"):
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--engine",
                    engine,
                    "--passages",
                    str(path),
                    "--repeat",
                    str(args.repeat),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            results[engine] = json.loads(child.stdout.strip().splitlines()[-1])
    torch_run, numpy_run = results["torch"], results["numpy"]
    diff = max(
        (abs(a - b) for a, b in zip(torch_run.pop("logits"), numpy_run.pop("logits"), strict=True)),
        default=0.0,
    )
    print(f"{len(passages)} passages (dev texts at or above the gate), one thread each")
    for run in (torch_run, numpy_run):
        print(
            f"  {run['engine']:>5}: {run['passages_per_s']:>7} passages/s, load {run['load_s']} s, "
            f"peak RSS {run['peak_rss_mb']} MB"
        )
    ratio = {
        "speed": round(numpy_run["passages_per_s"] / torch_run["passages_per_s"], 2),
        "peak_rss": round(numpy_run["peak_rss_mb"] / torch_run["peak_rss_mb"], 2),
        "load": round(numpy_run["load_s"] / torch_run["load_s"], 2),
    }
    print(
        f"numpy / PyTorch: speed x{ratio['speed']}, peak RSS x{ratio['peak_rss']}, "
        f"load time x{ratio['load']}; largest logit difference {diff:.5f}"
    )
    print(
        json.dumps({"torch": torch_run, "numpy": numpy_run, "ratio": ratio, "max_logit_diff": round(diff, 6)})
    )


if __name__ == "__main__":
    main()
