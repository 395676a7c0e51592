"""Throughput and memory: transformers fp32 (one at a time, batched) against CTranslate2 int8 (batched).

The Hub is unreachable here, so each model is built with its real architecture's shape (configs
written out below from the published ``config.json`` files) and random weights: speed does not
depend on weight values. Every variant generates exactly ``--new-tokens`` tokens per input
(minimum = maximum length), so all of them do the same work; inputs are random token ids with
realistic lengths (distilbart: real CNN/DM text through the real BART tokenizer), sorted by
length and cut into the same batches for both engines.

Each variant runs in its own fresh subprocess, so its peak memory (``ru_maxrss``: the model, the
runtime, the activations) is its own. The "ctranslate2 int8, batched" worker also imports torch and
transformers, as the backend did for its tokenizer before it saved a torch-free one; "without torch
imported" is the engine alone, as the backend now runs.

Also measured: model load time from disk, the one-off conversion time, and the start-up time of
``summarize --help`` (target < 0.3 s, without importing torch); per-step time at batch 1 against
the memory-bandwidth floor, NLLB with and without a vocabulary map (``speed_limits.py``:
``limits``, ``translation.vmap_step_speedup``); whole ``summarize`` processes on a converted
distilbart-shaped model with the real tokenizer (``speed_e2e.py``: ``startup.ct2_no_torch_speedup``,
``end_to_end.outside_generate_share``; ``--end-to-end`` runs these alone).

Examples:
  python bench/speed.py --quick --json /tmp/speed.json   # a few minutes on 2 cores
  python bench/speed.py                                  # more inputs and tokens
  python bench/speed.py --only summarization
  python bench/speed.py --end-to-end --json /tmp/e2e.json    # start-up and 20 articles end to end only

Built models are kept in ``--work`` (default: /tmp/summarize-bench, about 5 GB) for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python bench/speed.py` from a checkout, not installed
    sys.path.insert(0, str(ROOT))

import speed_e2e  # noqa: E402  (bench/ is on sys.path as the script's folder)
import speed_limits  # noqa: E402

# Shapes of the real models (from their published config.json files; vocabulary sizes included,
# since the output projection over the vocabulary is much of a decoding step's work).
MODELS: dict[str, dict[str, Any]] = {
    "distilbart-cnn-12-6": {
        "task": "summarization",
        "class": "BartConfig",
        "config": {
            "vocab_size": 50264,
            "d_model": 1024,
            "encoder_layers": 12,
            "decoder_layers": 6,
            "encoder_attention_heads": 16,
            "decoder_attention_heads": 16,
            "encoder_ffn_dim": 4096,
            "decoder_ffn_dim": 4096,
            "max_position_embeddings": 1024,
            "activation_function": "gelu",
            "scale_embedding": False,
            "bos_token_id": 0,
            "pad_token_id": 1,
            "eos_token_id": 2,
            "decoder_start_token_id": 2,
        },
        "specials": ["<s>", "<pad>", "</s>", "<unk>"],
        "beams": 4,  # the model's own summarization recipe
    },
    "opus-mt-en-ur": {
        "task": "translation",
        "class": "MarianConfig",
        "config": {
            "vocab_size": 62000,  # about opus-mt's size (58-65k); the exact en-ur figure is not at hand
            "d_model": 512,
            "encoder_layers": 6,
            "decoder_layers": 6,
            "encoder_attention_heads": 8,
            "decoder_attention_heads": 8,
            "encoder_ffn_dim": 2048,
            "decoder_ffn_dim": 2048,
            "max_position_embeddings": 512,
            "activation_function": "swish",
            "scale_embedding": True,
            "eos_token_id": 0,
            "pad_token_id": 61999,
            "decoder_start_token_id": 61999,
        },
        "specials": ["</s>", "<unk>"],
        "pad_last": True,
        "beams": 4,  # opus-mt configs ask for 4 beams
    },
    "nllb-200-distilled-600M": {
        "task": "translation",
        "class": "M2M100Config",
        "config": {
            "vocab_size": 256206,
            "d_model": 1024,
            "encoder_layers": 12,
            "decoder_layers": 12,
            "encoder_attention_heads": 16,
            "decoder_attention_heads": 16,
            "encoder_ffn_dim": 4096,
            "decoder_ffn_dim": 4096,
            "max_position_embeddings": 1024,
            "activation_function": "relu",
            "scale_embedding": True,
            "bos_token_id": 0,
            "pad_token_id": 1,
            "eos_token_id": 2,
            "decoder_start_token_id": 2,
        },
        "specials": ["<s>", "<pad>", "</s>", "<unk>"],
        "beams": 4,  # translate.py uses the model's beams; 4 as for opus-mt, to compare like with like
    },
}
# Which model's figures go under "translation" in --json (the default translator is NLLB).
TASK_KEYS = {"distilbart-cnn-12-6": "summarization", "nllb-200-distilled-600M": "translation"}
WORKLOADS = {
    # inputs, (shortest, longest) input tokens, new tokens per input, inputs per batch
    "summarization": {"full": (16, (400, 1000), 64, 8), "quick": (6, (300, 600), 24, 3)},
    "translation": {"full": (48, (12, 60), 48, 8), "quick": (12, (12, 40), 24, 6)},
}
VARIANTS = ("hf_single", "hf_batched", "ct2_batched", "ct2_engine")
LABELS = {
    "hf_single": "transformers fp32, one at a time",
    "hf_batched": "transformers fp32, batched",
    "ct2_batched": "ctranslate2 int8, batched",
    "ct2_engine": "  same, without torch imported",
}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


# --- building ------------------------------------------------------------------------------------
class _VocabTokenizer:
    """What CTranslate2's converter reads from a tokenizer: the vocabulary and the special tokens."""

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.bos_token, self.pad_token, self.eos_token, self.unk_token = "<s>", "<pad>", "</s>", "<unk>"
        self.unk_token_id = tokens.index("<unk>")
        self.special_tokens_map: dict[str, Any] = {}
        self.num_madeup_words = 0

    def get_vocab(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.tokens)}

    def convert_ids_to_tokens(self, index: int) -> str:
        return self.tokens[index]


def vocabulary(spec: dict[str, Any]) -> list[str]:
    size = spec["config"]["vocab_size"]
    specials = list(spec["specials"])
    tokens = specials + [f"t{i}" for i in range(len(specials), size - (1 if spec.get("pad_last") else 0))]
    if spec.get("pad_last"):
        tokens.append("<pad>")  # Marian: <pad> is the last id and the decoder start
    return tokens


def build(name: str, folder: Path) -> dict[str, float]:
    """Random-weight model with the real shape: saved for transformers, converted to CTranslate2 int8."""
    import ctranslate2
    import torch
    import transformers
    from ctranslate2.converters import Converter
    from ctranslate2.converters.transformers import _MODEL_LOADERS

    spec = MODELS[name]
    config = getattr(transformers, spec["class"])(**spec["config"], forced_eos_token_id=None)
    model_class = {
        "BartConfig": transformers.BartForConditionalGeneration,
        "MarianConfig": transformers.MarianMTModel,
        "M2M100Config": transformers.M2M100ForConditionalGeneration,
    }[spec["class"]]
    torch.manual_seed(0)
    started = time.perf_counter()
    model = model_class(config).eval()
    built = time.perf_counter() - started
    hf_dir = folder / "hf"
    model.save_pretrained(str(hf_dir))
    if not hasattr(model.config, "normalize_before"):  # transformers 5 dropped it; BART is post-norm
        model.config.normalize_before = False
    tokenizer = _VocabTokenizer(vocabulary(spec))

    class InMemory(Converter):
        def _load(self) -> Any:
            with torch.no_grad():
                return _MODEL_LOADERS[spec["class"]](model, tokenizer)

    started = time.perf_counter()
    InMemory().convert(str(folder / "ct2-int8"), quantization="int8", force=True)
    converted = time.perf_counter() - started
    (folder / "built.json").write_text(
        json.dumps({"build_s": built, "convert_s": converted, "ctranslate2": ctranslate2.__version__}),
        encoding="utf-8",
    )
    return {"build_s": built, "convert_s": converted}


# --- workloads -----------------------------------------------------------------------------------
def workload(name: str, quick: bool, new_tokens: int | None) -> dict[str, Any]:
    """Token ids with realistic lengths, sorted by length (longest first) and batched.

    distilbart gets real CNN/DM article openings through the real BART tokenizer; the translators,
    whose tokenizers are not at hand, random ids.
    """
    spec = MODELS[name]
    count, (low, high), default_new, per_batch = WORKLOADS[spec["task"]]["quick" if quick else "full"]
    rng = random.Random(1)
    size = spec["config"]["vocab_size"]
    first = len(spec["specials"])
    last = size - 2 if spec.get("pad_last") else size - 1
    eos = spec["config"]["eos_token_id"]
    if name == "distilbart-cnn-12-6":
        inputs = speed_e2e.real_bart_inputs(count, low, high, rng)
    else:
        inputs = [[rng.randint(first, last) for _ in range(rng.randint(low, high) - 1)] + [eos] for _ in range(count)]
    inputs.sort(key=len, reverse=True)
    batches = [list(range(i, min(i + per_batch, count))) for i in range(0, count, per_batch)]
    return {"inputs": inputs, "batches": batches, "new_tokens": new_tokens or default_new, "beams": spec["beams"]}


def run_variant(variant: str, folder: Path, work: dict[str, Any], threads: int) -> dict[str, Any]:
    """In a worker process: load, generate the workload, report time, tokens and peak memory."""
    if variant != "ct2_engine":
        # ct2_batched imports them too: the real backend loads the Hugging Face tokenizer, and
        # transformers 5 imports torch for that (about 225 MB). ct2_engine shows the engine alone.
        import torch
        import transformers

        torch.set_num_threads(threads)
        transformers.utils.logging.set_verbosity_error()
    spec = MODELS[folder.name]
    inputs, new, beams = work["inputs"], work["new_tokens"], work["beams"]
    pad = spec["config"]["pad_token_id"]
    produced = 0
    started = time.perf_counter()
    if variant.startswith("hf"):
        model = transformers.AutoModelForSeq2SeqLM.from_pretrained(str(folder / "hf")).eval()
        load_s = time.perf_counter() - started
        batches = [[i] for i in range(len(inputs))] if variant == "hf_single" else work["batches"]
        options = {"num_beams": beams, "min_new_tokens": new, "max_new_tokens": new, "do_sample": False}
        started = time.perf_counter()
        for batch in batches:
            longest = max(len(inputs[i]) for i in batch)
            ids = torch.full((len(batch), longest), pad, dtype=torch.long)
            mask = torch.zeros((len(batch), longest), dtype=torch.long)
            for row, i in enumerate(batch):
                ids[row, : len(inputs[i])] = torch.tensor(inputs[i])
                mask[row, : len(inputs[i])] = 1
            with torch.inference_mode():
                out = model.generate(input_ids=ids, attention_mask=mask, **options)
            produced += (out.shape[1] - 1) * len(batch)  # minus the decoder start token
    else:
        import ctranslate2

        translator = ctranslate2.Translator(
            str(folder / "ct2-int8"), device="cpu", compute_type="int8", inter_threads=1, intra_threads=threads
        )
        load_s = time.perf_counter() - started
        tokens = vocabulary(spec)
        started = time.perf_counter()
        for batch in work["batches"]:
            results = translator.translate_batch(
                [[tokens[t] for t in inputs[i]] for i in batch],
                beam_size=beams,
                min_decoding_length=new,
                max_decoding_length=new,
                max_input_length=0,
            )
            produced += sum(len(r.hypotheses[0]) for r in results)
    seconds = time.perf_counter() - started
    expected = new * len(inputs)
    if produced != expected:
        raise SystemExit(f"{variant}: generated {produced} tokens, expected {expected}: the work differs")
    return {
        "variant": variant,
        "seconds": seconds,
        "tokens": produced,
        "tokens_per_s": produced / seconds,
        "load_s": load_s,
        "peak_mb": peak_mb(),
    }


# --- driver --------------------------------------------------------------------------------------
def _worker(args: argparse.Namespace) -> None:
    work = json.loads(Path(args.workload).read_text(encoding="utf-8"))
    result = run_variant(args.worker, Path(args.model_dir), work, args.threads)
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


def _subprocess(argv: list[str], what: str) -> None:
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false"}
    proc = subprocess.run([sys.executable, __file__, *argv], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{what} failed:\n{proc.stderr[-3000:]}")


def measure(name: str, args: argparse.Namespace) -> dict[str, Any]:
    folder = args.work / name
    built_file = folder / "built.json"
    if not built_file.is_file():
        print(f"[{name}] building the random-weight model and its int8 conversion ...", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        _subprocess(["--build", name, "--model-dir", str(folder)], f"building {name}")
    built = json.loads(built_file.read_text(encoding="utf-8"))
    work = workload(name, args.quick, args.new_tokens)
    work_file = folder / "workload.json"
    work_file.write_text(json.dumps(work), encoding="utf-8")
    results: dict[str, dict[str, Any]] = {}
    for variant in VARIANTS:
        print(f"[{name}] {LABELS[variant]} ...", file=sys.stderr, flush=True)
        out = folder / f"{variant}.json"
        out.unlink(missing_ok=True)
        _subprocess(
            [
                "--worker",
                variant,
                "--model-dir",
                str(folder),
                "--workload",
                str(work_file),
                "--result",
                str(out),
                "--threads",
                str(args.threads),
            ],
            f"{name} {variant}",
        )
        results[variant] = json.loads(out.read_text(encoding="utf-8"))
    single, batched, fast, engine = (results[v] for v in VARIANTS)
    lengths = [len(x) for x in work["inputs"]]
    return {
        "model": name,
        "inputs": len(lengths),
        "input_tokens": [min(lengths), max(lengths)],
        "new_tokens": work["new_tokens"],
        "beams": work["beams"],
        "batches": len(work["batches"]),
        "variants": results,
        "baseline_tok_s": single["tokens_per_s"],
        "batched_tok_s": batched["tokens_per_s"],
        "ct2_tok_s": fast["tokens_per_s"],
        "batched_vs_baseline": batched["tokens_per_s"] / single["tokens_per_s"],
        # The engine's own gain: same batches, same work, int8 CTranslate2 over fp32 transformers.
        "ct2_vs_baseline": fast["tokens_per_s"] / batched["tokens_per_s"],
        "ct2_vs_one_at_a_time": fast["tokens_per_s"] / single["tokens_per_s"],
        # Memory against transformers on the same batches (one at a time peaks lower, listed too).
        "baseline_peak_mb": batched["peak_mb"],
        "single_peak_mb": single["peak_mb"],
        "ct2_peak_mb": fast["peak_mb"],  # as the backend runs: with torch and transformers imported
        "ct2_engine_peak_mb": engine["peak_mb"],
        "ct2_memory_ratio": fast["peak_mb"] / batched["peak_mb"],
        "ct2_engine_memory_ratio": engine["peak_mb"] / batched["peak_mb"],
        "hf_load_s": batched["load_s"],
        "ct2_load_s": fast["load_s"],
        "ct2_convert_s": built["convert_s"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer inputs and tokens: a few minutes on 2 cores")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--only", help="comma-separated model names or tasks (summarization, translation)")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)), help="CPU threads per engine")
    parser.add_argument("--new-tokens", type=int, help="tokens generated per input (default by task and --quick)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/summarize-bench"), help="where built models stay")
    parser.add_argument("--end-to-end", action="store_true", help="only the start-up and end-to-end processes")
    parser.add_argument("--articles", type=int, help="articles end to end [default: 20; 6 with --quick]")
    # Internal: the build and worker subprocesses.
    parser.add_argument("--build", help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--model-dir", help=argparse.SUPPRESS)
    parser.add_argument("--workload", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        build(args.build, Path(args.model_dir))
        return 0
    if args.worker:
        _worker(args)
        return 0
    wanted = set(args.only.split(",")) if args.only else None
    names = [n for n in MODELS if wanted is None or n in wanted or MODELS[n]["task"] in wanted]
    if args.end_to_end:
        names = []
    report: dict[str, Any] = {
        "command": "python bench/speed.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "threads": args.threads,
        "cpus": os.cpu_count(),
        "quick": args.quick,
        # Other work on the machine slows every variant; the load average tells how busy it was.
        "loadavg_before": os.getloadavg(),
        "models": {},
    }
    for name in names:
        report["models"][name] = measure(name, args)
    # --json keys by task: NLLB (the default translator) stands for translation when measured.
    for name in sorted(report["models"], key=lambda n: n not in TASK_KEYS):
        report.setdefault(MODELS[name]["task"], report["models"][name])
    report["startup"] = speed_e2e.help_startup()
    if names:
        folders = {n: args.work / n / "ct2-int8" for n in names}
        report["limits"] = speed_limits.limits(MODELS, folders, {n: vocabulary(MODELS[n]) for n in names})
        if "vmap_step_speedup" in report["limits"]:
            report.setdefault("translation", {})["vmap_step_speedup"] = report["limits"]["vmap_step_speedup"]
        # limits.<model>.step_ms|floor_ms|ratio, as the issue names them
        report["limits"].update(report["limits"]["models"])
    report["startup"].update(speed_e2e.startup(args.work, runs=3 if args.quick else 5))
    articles = args.articles or (6 if args.quick else 20)
    report["end_to_end"] = speed_e2e.end_to_end(args.work, articles)
    report["loadavg_after"] = os.getloadavg()
    if names:
        speed_e2e.print_table(report, VARIANTS, LABELS)
        speed_limits.print_limits(report["limits"])
    speed_e2e.print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
