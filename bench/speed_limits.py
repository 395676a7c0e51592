"""Decoder steps against physics: batch-1 step time of CTranslate2 int8 models over the memory-bandwidth floor.

At batch 1 a decoder step reads every decoder weight once (int8: one byte each) plus its caches,
so it cannot beat ``bytes read per step / memory read bandwidth``. This measures the machine's read
bandwidth itself (numpy summing a 512 MiB array on one thread, best of several), the step time
(``(time for N new tokens - time for 1) / (N - 1)``, best of several, on one thread), the bytes a
step reads (from the model's shape) and their ratio, for the models ``speed.py`` builds (real
shapes, random weights). NLLB is also measured with a vocabulary map (``vmap.txt`` + ``use_vmap``)
of ``VMAP_TOKENS`` tokens, the size the issue measured for Urdu-usable tokens: only the mapped rows
of the 256k-row output projection are read.

Used by ``speed.py`` (``limits`` and ``translation.vmap_step_speedup`` in its JSON).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

VMAP_TOKENS = 20_000
# (source tokens, new tokens) per task: a summarization chunk, a translated sentence.
SHAPES = {"summarization": (512, 32), "translation": (40, 32)}


def read_bandwidth(mib: int = 512, repeats: int = 7) -> float:
    """Bytes per second one thread reads from memory (numpy sum of a float32 array, best of ``repeats``)."""
    import numpy as np

    data = np.ones(mib * 2**20 // 4, dtype=np.float32)
    data.sum()  # touch every page first
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        data.sum()
        best = min(best, time.perf_counter() - started)
    return data.nbytes / best


def step_bytes(config: dict[str, Any], source: int, new: int, vocab: int | None = None) -> int:
    """Bytes an int8 decoder step reads at batch 1: weights once, plus the float32 attention caches.

    Per layer: self-attention (4 d²), the cross-attention's query and output (2 d²; its keys and
    values of the encoder output are computed once), the feed-forward (2 d·ffn); the output
    projection (vocab·d) and its float32 bias; the self-attention cache at the mean step and the
    cross-attention cache of the source.
    """
    d, layers, ffn = config["d_model"], config["decoder_layers"], config["decoder_ffn_dim"]
    vocab = vocab or config["vocab_size"]
    weights = layers * (6 * d * d + 2 * d * ffn) + vocab * d + 4 * vocab
    caches = layers * 4 * (2 * (new / 2) * d + 2 * source * d)
    return int(weights + caches)


def _timed(translator: Any, source: list[str], new: int, **options: Any) -> float:
    started = time.perf_counter()
    result = translator.translate_batch(
        [source], beam_size=1, min_decoding_length=new, max_decoding_length=new, max_input_length=0, **options
    )
    seconds = time.perf_counter() - started
    if len(result[0].hypotheses[0]) != new:
        raise SystemExit(f"generated {len(result[0].hypotheses[0])} tokens, expected {new}")
    return seconds


def step_ms(
    folder: Path,
    source: list[str],
    new: int,
    threads: int = 1,
    repeats: int = 5,
    compute_type: str = "int8",
    **options: Any,
) -> float:
    """Milliseconds per decoder step at batch 1 (the encoder and the first step subtracted)."""
    import ctranslate2

    translator = ctranslate2.Translator(str(folder), device="cpu", compute_type=compute_type, intra_threads=threads)
    _timed(translator, source, new, **options)  # warm-up
    full = min(_timed(translator, source, new, **options) for _ in range(repeats))
    first = min(_timed(translator, source, 1, **options) for _ in range(repeats))
    del translator
    return (full - first) / (new - 1) * 1000


def vmap_folder(ct2_folder: Path, tokens: list[str], size: int) -> Path:
    """A folder linking ``ct2_folder``'s files with a ``vmap.txt`` of ``size`` always-allowed tokens."""
    folder = ct2_folder.parent / f"{ct2_folder.name}-vmap{size}"
    if (folder / "vmap.txt").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for entry in ct2_folder.iterdir():
        if entry.is_file():
            os.link(entry, folder / entry.name)
    (folder / "vmap.txt").write_text("\t" + " ".join(tokens[:size]) + "\n", encoding="utf-8")
    return folder


# The engine's own knobs, tried on one model: (label, threads, compute type, environment).
KNOBS = (
    ("int8, 1 thread", 1, "int8", {}),
    ("int8, 2 threads", 2, "int8", {}),
    ("int16, 1 thread", 1, "int16", {}),
    ("float32, 1 thread", 1, "float32", {}),
    ("int8, packed GEMM, 1 thread", 1, "int8", {"CT2_USE_EXPERIMENTAL_PACKED_GEMM": "1"}),
    ("float32, packed GEMM, 1 thread", 1, "float32", {"CT2_USE_EXPERIMENTAL_PACKED_GEMM": "1"}),
)


def knobs(folder: Path, source: list[str], new: int) -> dict[str, Any]:
    """Batch-1 step time per knob setting, each in a fresh process (the environment is read at import)."""
    out = {}
    for label, threads, compute_type, env in KNOBS:
        print(f"[limits] knob: {label} ...", flush=True)
        code = (
            "import json, sys\nsys.path.insert(0, sys.argv[1])\nfrom pathlib import Path\nimport speed_limits\n"
            "a = json.loads(sys.argv[2])\n"
            "print(speed_limits.step_ms(Path(a['folder']), a['source'], a['new'], a['threads'], "
            "compute_type=a['compute_type']))\n"
        )
        args = {"folder": str(folder), "source": source, "new": new, "threads": threads, "compute_type": compute_type}
        proc = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).parent), json.dumps(args)],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        # A compute type this CPU lacks is reported as such, not as a failed benchmark.
        out[label] = float(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else None
        if proc.returncode != 0:
            out[f"{label} error"] = (proc.stderr.strip().splitlines() or ["?"])[-1][:200]
    return out


def limits(models: dict[str, dict[str, Any]], folders: dict[str, Path], vocabularies: dict[str, list[str]]) -> dict:
    """``limits`` (per model: step_ms, bytes_per_step, floor_ms, ratio) and the vmap step speedup."""
    bandwidth = read_bandwidth()
    out: dict[str, Any] = {"read_gb_s": bandwidth / 1e9, "threads": 1, "batch": 1, "models": {}}
    for name, folder in folders.items():
        spec = models[name]
        source_len, new = SHAPES[spec["task"]]
        tokens = vocabularies[name]
        first = len(spec["specials"])
        source = [tokens[first + (i * 7919) % (len(tokens) - first - 2)] for i in range(source_len - 1)] + [
            tokens[spec["config"]["eos_token_id"]]
        ]
        if name.startswith("distilbart"):
            out["knobs_step_ms"] = {"model": name, **knobs(folder, source, new)}
        variants = [(name, folder, None)]
        if name.startswith("nllb"):
            variants.append((f"{name}+vmap", vmap_folder(folder, tokens, VMAP_TOKENS), VMAP_TOKENS))
        for label, path, vocab in variants:
            print(f"[limits] {label}: batch-1 steps on one thread ...", flush=True)
            options = {"use_vmap": True} if vocab else {}
            ms = step_ms(path, source, new, **options)
            size = step_bytes(spec["config"], source_len, new, vocab)
            floor = size / bandwidth * 1000
            out["models"][label] = {
                "step_ms": ms,
                "bytes_per_step": size,
                "floor_ms": floor,
                "ratio": ms / floor,
                "source_tokens": source_len,
                "new_tokens": new,
                **({"vmap_tokens": vocab} if vocab else {}),
            }
    nllb = [k for k in out["models"] if k.startswith("nllb") and not k.endswith("+vmap")]
    if nllb:
        out["vmap_step_speedup"] = out["models"][nllb[0]]["step_ms"] / out["models"][nllb[0] + "+vmap"]["step_ms"]
    return out


def print_limits(result: dict[str, Any]) -> None:
    print(f"\nmemory read bandwidth (one thread): {result['read_gb_s']:.1f} GB/s")
    for name, r in result["models"].items():
        print(
            f"{name}: {r['step_ms']:.1f} ms/step at batch 1, {r['bytes_per_step'] / 1e6:.0f} MB read per step, "
            f"floor {r['floor_ms']:.1f} ms, ratio {r['ratio']:.2f}"
        )
    for label, ms in result.get("knobs_step_ms", {}).items():
        if label != "model" and isinstance(ms, float):
            print(f"  {result['knobs_step_ms']['model']} {label}: {ms:.1f} ms/step")
    if "vmap_step_speedup" in result:
        print(f"NLLB step without / with the vocabulary map: {result['vmap_step_speedup']:.2f}x")


if __name__ == "__main__":  # python bench/speed_limits.py: the bandwidth alone
    print(json.dumps({"read_gb_s": read_bandwidth() / 1e9}))
