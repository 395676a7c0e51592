"""langdetect's language profiles, loaded once per process, from a compact cache, and only for the scripts in use.

langdetect parses its 55 JSON profiles (2.3 MB) into a dense word -> 55-probability table on its first
call: 0.4-0.5 s per process, paid by every ``summarize`` run and every pre-commit hook run. Here the
table is built once per machine into a compact file in the user cache (sparse: 184k non-zero
probabilities of 88k n-grams, 3 MB), split into shards by the Unicode block (256 code points) of each
n-gram's first letter; a text loads only the shards of the letters it contains (English: one shard,
about 5 ms).

The answers are langdetect's own, bit for bit: the same probabilities (the same doubles, stored as
8-byte floats), the same language order (the profile folder's listing order, which decides the order of
float sums), langdetect's own seeded :class:`Detector` for cleaning, trials and sorting. Only the
n-gram extraction is re-written (memoised character normalisation, membership against the shards);
``bench/eval_langid.py --compare`` and ``tests/test_detect_speed.py`` check it gives the same n-grams.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import struct
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .. import paths

# Bump when the file layout changes: an old file is then simply not found (the name carries it).
FORMAT = 1
_MAGIC = b"SUMLDP%d\n" % FORMAT
_HEADER_LEN = struct.Struct("<I")
# One probability: the language's index in the language list and the double itself.
_PAIR = struct.Struct("<Bd")
SEED = 0  # langdetect is random unless seeded; 0 is what the tool has always used


def _shard(ch: str) -> int:
    return ord(ch) >> 8


def default_cache_dir() -> Path:
    """Where the profile file lives: ``langdetect/`` of the cache folder (see :mod:`summarize.paths`)."""
    return paths.cache_dir("langdetect")


def _profiles_key(profiles_dir: str) -> str:
    """What identifies langdetect's profiles without reading them: the folder's listing, sizes and times.

    The listing order is part of it on purpose: langdetect numbers languages in that order.
    """
    parts = [f"format={FORMAT}", f"python={sys.version_info[0]}.{sys.version_info[1]}", profiles_dir]
    for name in os.listdir(profiles_dir):
        st = os.stat(os.path.join(profiles_dir, name))
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def _build(profiles_dir: str) -> tuple[list[str], dict[int, dict[str, bytes]]]:
    """langdetect's table (DetectorFactory.load_profile + add_profile), made sparse and split into shards.

    Built straight from the JSON files rather than through langdetect's dense table, which costs
    as much again; the same arithmetic (``1.0 * freq / n_words``) gives the same doubles.
    """
    import json

    langlist: list[str] = []
    rows: dict[str, bytes] = {}
    pack = _PAIR.pack
    for filename in os.listdir(profiles_dir):  # langdetect's order: it numbers the languages so
        full = os.path.join(profiles_dir, filename)
        if filename.startswith(".") or not os.path.isfile(full):
            continue
        with open(full, encoding="utf-8") as fh:
            profile = json.load(fh)
        index, n_words = len(langlist), profile["n_words"]
        langlist.append(profile["name"])
        for word, freq in profile["freq"].items():
            length = len(word)
            # Every word is in the table, even one with no usable length or a zero count.
            packed = pack(index, 1.0 * freq / n_words[length - 1]) if 1 <= length <= 3 and freq else b""
            rows[word] = rows.get(word, b"") + packed
    shards: dict[int, dict[str, bytes]] = {}
    for word, packed in rows.items():
        shards.setdefault(_shard(word.strip()[:1] or " "), {})[word] = packed
    return langlist, shards


def _serialise(key: str, langlist: list[str], shards: dict[int, dict[str, bytes]]) -> bytes:
    blobs, index, offset = [], {}, 0
    for shard_id, table in sorted(shards.items()):
        blob = marshal.dumps(table)
        index[shard_id] = (offset, len(blob))
        blobs.append(blob)
        offset += len(blob)
    header = marshal.dumps({"key": key, "langlist": langlist, "shards": index})
    return _MAGIC + _HEADER_LEN.pack(len(header)) + header + b"".join(blobs)


class ProfileStore:
    """langdetect's profiles for one process: shards loaded as texts need them, dense rows built per n-gram."""

    def __init__(self, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._lock = threading.Lock()
        self._opened = False
        self.langlist: list[str] = []
        self.seed = SEED
        # Detector reads these three attributes from its "factory"; the table is set per detection.
        self.word_lang_prob_map: dict[str, list[float]] = {}
        self._blob = b""  # the whole file, when it was built in this process
        self._path: Path | None = None  # the cache file shards are read from otherwise
        self._key = ""
        self._index: dict[int, tuple[int, int]] = {}
        self._built: dict[int, dict[str, bytes]] | None = None
        self._loaded: set[int] = set()
        self._sparse: dict[str, bytes] = {}
        self._dense: dict[str, list[float]] = {}
        self.source = ""  # "cache", "built" (and written), or "built-unsaved"
        self.load_seconds = 0.0

    # -- loading -------------------------------------------------------------------------------------
    def _open(self) -> None:
        started = time.perf_counter()
        from langdetect.detector_factory import PROFILES_DIRECTORY

        key = _profiles_key(PROFILES_DIRECTORY)
        folder = self._cache_dir if self._cache_dir is not None else default_cache_dir()
        path = folder / f"profiles-{key}.bin"
        if not self._read(path, key):
            self._rebuild(path, key)
        self._opened = True
        self.load_seconds += time.perf_counter() - started

    def _rebuild(self, path: Path, key: str) -> None:
        from langdetect.detector_factory import PROFILES_DIRECTORY

        langlist, shards = _build(PROFILES_DIRECTORY)
        data = _serialise(key, langlist, shards)
        self.source = "built"
        try:
            from ..atomic import write_bytes

            write_bytes(path, data)
        except OSError:
            # A read-only home or a full disk costs speed, never an answer.
            self.source = "built-unsaved"
        self._parse(data, key)
        self._path, self._key = path, key

    def _read(self, path: Path, key: str) -> bool:
        # Only the header is read here; each shard is read when a text first needs it.
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(_MAGIC) + _HEADER_LEN.size)
                if not head.startswith(_MAGIC) or len(head) < len(_MAGIC) + _HEADER_LEN.size:
                    return False
                (length,) = _HEADER_LEN.unpack_from(head, len(_MAGIC))
                header = fh.read(length)
                size = os.fstat(fh.fileno()).st_size
            self._parse(head + header, key, size)
        except (OSError, ValueError, EOFError, TypeError, KeyError, struct.error):
            return False  # missing, truncated or foreign: rebuilt and replaced
        self._path, self._key, self.source = path, key, "cache"
        return True

    def _parse(self, data: bytes, key: str, size: int | None = None) -> None:
        """Take the header (and, for a file built in memory, the shards) from ``data``."""
        if not data.startswith(_MAGIC):
            raise ValueError("not a profile file")
        start = len(_MAGIC) + _HEADER_LEN.size
        (length,) = _HEADER_LEN.unpack_from(data, len(_MAGIC))
        header: dict[str, Any] = marshal.loads(data[start : start + length])
        if header["key"] != key:
            raise ValueError("profiles changed")
        self.langlist = list(header["langlist"])
        base = start + length
        self._index = {int(k): (base + off, n) for k, (off, n) in header["shards"].items()}
        if self._index and max(off + n for off, n in self._index.values()) > (size or len(data)):
            raise ValueError("truncated profile file")
        self._blob = data if size is None else b""

    def _shard(self, off: int, n: int) -> dict[str, bytes]:
        if self._blob:
            return marshal.loads(self._blob[off : off + n])  # type: ignore[no-any-return]
        assert self._path is not None
        with open(self._path, "rb") as fh:
            fh.seek(off)
            return marshal.loads(fh.read(n))  # type: ignore[no-any-return]

    def open(self) -> None:
        """Read the file's header (building the file first if there is none): the language list, the index."""
        self._ensure(set())

    def _ensure(self, shard_ids: set[int]) -> None:
        missing = shard_ids - self._loaded
        if self._opened and not missing:
            return
        with self._lock:
            if not self._opened:
                self._open()
            missing = shard_ids - self._loaded
            if not missing:
                return
            started = time.perf_counter()
            for shard_id in sorted(missing):
                where = self._index.get(shard_id)
                if where is not None:
                    try:
                        table = self._shard(*where)
                    except (OSError, ValueError, EOFError, TypeError):
                        # The file changed or broke since its header was read: rebuild it, use that.
                        assert self._path is not None
                        self._rebuild(self._path, self._key)
                        table = self._shard(*self._index[shard_id])
                    self._sparse.update(table)
                self._loaded.add(shard_id)
            self.load_seconds += time.perf_counter() - started

    def dense(self, word: str) -> list[float]:
        """langdetect's row for ``word``: one probability per language, in langdetect's order."""
        row = self._dense.get(word)
        if row is None:
            row = [0.0] * len(self.langlist)
            for i, p in _PAIR.iter_unpack(self._sparse[word]):
                row[i] = p
            self._dense[word] = row
        return row

    def table_for(self, normalised_letters: set[str]) -> dict[str, bytes]:
        """The sparse table with every shard these (already normalised) letters need loaded."""
        self._ensure({_shard(ch) for ch in normalised_letters if ch != " "})
        return self._sparse

    def loaded_shards(self) -> frozenset[int]:
        """The shards read so far (for tests and benchmarks: English text needs only shard 0)."""
        return frozenset(self._loaded)


def _detector_class() -> type:
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    class _Detector(Detector):  # type: ignore[misc]
        """langdetect's Detector; only the n-gram extraction looks n-grams up in the store."""

        def __init__(self, store: ProfileStore) -> None:
            super().__init__(store)
            self._store = store

        def _extract_ngrams(self) -> list[str]:
            # The same walk as langdetect's NGram.add_char + Detector._extract_ngrams (Apache-2.0),
            # with each distinct character normalised once instead of once per occurrence.
            norm = {ch: NGram.normalize(ch) for ch in set(self.text)}
            table = self._store.table_for(set(norm.values()))
            result: list[str] = []
            grams, capital = " ", False
            for ch in self.text:
                ch = norm[ch]
                last = grams[-1]
                if last == " ":
                    grams, capital = " ", False
                    if ch == " ":
                        continue
                elif len(grams) >= 3:
                    grams = grams[1:]
                grams += ch
                if ch.isupper():
                    if last.isupper():
                        capital = True
                else:
                    capital = False
                if capital:
                    continue
                for n in (1, 2, 3):
                    if len(grams) < n:
                        break
                    w = grams[-n:]
                    if w != " " and w in table:
                        result.append(w)
            store = self._store
            self.word_lang_prob_map = {w: store.dense(w) for w in set(result)}
            return result

    return _Detector


_DEFAULT: ProfileStore | None = None
_DETECTOR: type | None = None


def default_store() -> ProfileStore:
    """The process's store (created on first use; nothing is read until a text needs it)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ProfileStore()
    return _DEFAULT


def detect_langs(text: str, store: ProfileStore | None = None) -> list[Any]:
    """langdetect's ``detect_langs`` with seed 0: ``Language`` candidates (``lang``, ``prob``), best first.

    Raises langdetect's ``LangDetectException`` when the text has no usable n-grams, as langdetect does.
    """
    global _DETECTOR
    if _DETECTOR is None:
        _DETECTOR = _detector_class()
    store = store or default_store()
    store.open()  # the Detector copies the language list when it is made
    detector = _DETECTOR(store)
    detector.append(text)
    return list(detector.get_probabilities())


def profile_load_seconds() -> float:
    """Seconds this process has spent reading (or building) language profiles so far; 0.0 before any."""
    return _DEFAULT.load_seconds if _DEFAULT is not None else 0.0
