"""The one config object: built once from defaults and an optional TOML file, passed down.

A TOML file mirrors the dataclasses::

    [batch]
    jobs = 4
    timeout = 30

    [clean.classify]
    ...

    [dedup]
    min_chars = 80

Unknown sections or keys and values of the wrong type are errors, so a typo never
silently falls back to a default.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path

from clean.config import CleanConfig
from dedup.config import DedupConfig
from pagewash import __version__


class ConfigError(ValueError):
    """The config file is unreadable or names something that does not exist."""


ENGINES = ("local", "dask")


@dataclass(frozen=True)
class BatchConfig:
    """How the batch engine runs (not part of what a document's output depends on)."""

    #: Worker processes; 0 means one per core.
    jobs: int = 0
    #: Seconds one capture may take before its worker is killed and the file is an error.
    timeout: float = 60.0
    #: Captures larger than this (also once decompressed) are errors, never read whole.
    max_bytes: int = 50 * 2**20
    #: Address-space limit of each worker in MiB (0 = none): a page that would eat the
    #: machine's memory becomes an error row instead.
    worker_memory_mb: int = 4096
    #: ``local`` (worker processes on this machine) or ``dask`` (a dask.distributed cluster).
    engine: str = "local"
    #: Dask scheduler address (``tcp://host:8786``); empty = start a LocalCluster of ``jobs`` workers.
    scheduler: str = ""

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"batch.engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.timeout <= 0 or self.max_bytes <= 0 or self.jobs < 0 or self.worker_memory_mb < 0:
            raise ConfigError("batch.timeout and batch.max_bytes must be positive, "
                              "batch.jobs and batch.worker_memory_mb not negative")

    def worker_count(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


@dataclass(frozen=True)
class Config:
    """Everything pagewash can be tuned with."""

    clean: CleanConfig = field(default_factory=CleanConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)


def load_config(path: Path | None = None, **batch_overrides) -> Config:
    """Build the config from defaults, then ``path`` (TOML), then CLI overrides of [batch]."""
    config = Config()
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot read config {path}: {error}") from None
        try:
            config = load_config_text(text)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None
    overrides = {k: v for k, v in batch_overrides.items() if v is not None}
    if overrides:
        config = dataclasses.replace(config, batch=dataclasses.replace(config.batch, **overrides))
    return config


def from_mapping(cls: type, data: dict, where: str):
    """Build dataclass ``cls`` from a TOML table, checking every key and value type."""
    if not isinstance(data, dict):
        raise ConfigError(f"[{where}] must be a table")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    values = {}
    for key, value in data.items():
        if key not in fields:
            raise ConfigError(f"unknown key {key!r} in [{where or 'top level'}]; known: {', '.join(fields)}")
        hint = hints[key]
        name = f"{where}.{key}" if where else key
        if dataclasses.is_dataclass(hint):
            values[key] = from_mapping(hint, value, name)
        else:
            values[key] = _coerce(value, hint, name)
    try:
        return cls(**values)
    except ConfigError:
        raise
    except (TypeError, ValueError) as error:  # a section's own validation
        raise ConfigError(f"[{where or 'top level'}]: {error}") from None


def _coerce(value, hint, name: str):
    origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(value, list):
            raise ConfigError(f"{name} must be a list")
        item = typing.get_args(hint)[0]
        return tuple(_coerce(v, item, name) for v in value)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(hint):
            if option is type(None) and value is None:
                return None
            try:
                return _coerce(value, option, name)
            except ConfigError:
                continue
        raise ConfigError(f"{name} has the wrong type: {value!r}")
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(hint, type) and isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    raise ConfigError(f"{name} must be {getattr(hint, '__name__', hint)}, not {value!r}")


def to_toml(config: Config) -> str:
    """The config as a TOML document that ``load_config`` reads back to the same value:
    every tunable, one table per section.

    >>> load_config_text(to_toml(Config())) == Config()
    True
    """
    lines: list[str] = []
    _emit_table(config, "", lines)
    return "\n".join(lines).lstrip("\n") + "\n"


def load_config_text(text: str) -> Config:
    """``load_config`` for a TOML string."""
    try:
        return from_mapping(Config, tomllib.loads(text), "")
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"cannot read config: {error}") from None


def _emit_table(section, name: str, lines: list[str]) -> None:
    scalars = [f for f in dataclasses.fields(section) if not dataclasses.is_dataclass(getattr(section, f.name))]
    if scalars:
        lines.extend(["", f"[{name}]"])
        lines.extend(f"{f.name} = {_toml_value(getattr(section, f.name))}" for f in scalars)
    for f in dataclasses.fields(section):
        value = getattr(section, f.name)
        if dataclasses.is_dataclass(value):
            _emit_table(value, f"{name}.{f.name}" if name else f.name, lines)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def fingerprint(section) -> str:
    """A short hash of a config section and the pagewash version: outputs made with a
    different fingerprint are out of date and redone on resume."""
    payload = json.dumps([__version__, dataclasses.asdict(section)], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()[:16]
