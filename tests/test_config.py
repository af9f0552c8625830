from pathlib import Path

import pytest

from pagewash.config import Config, ConfigError, fingerprint, load_config


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pagewash.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file():
    assert load_config(None) == Config()


def test_file_sets_nested_sections_and_cli_overrides_win(tmp_path):
    path = write(tmp_path, "[batch]\njobs = 2\ntimeout = 5\n[clean.repair]\nenabled = false\n")
    config = load_config(path, jobs=3, timeout=None)
    assert config.batch.jobs == 3 and config.batch.timeout == 5.0
    assert config.clean.repair.enabled is False


@pytest.mark.parametrize("text,message", [
    ("[clean.repiar]\n", "unknown key 'repiar'"),
    ("[batch]\njobs = 'many'\n", "batch.jobs must be int"),
    ("[batch]\njobs = true\n", "batch.jobs must be int"),
    ("batch = 3\n", "[batch] must be a table"),
    ("[batch\n", "cannot read config"),
])
def test_mistakes_are_errors_not_defaults(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(write(tmp_path, text))


def test_fingerprint_follows_the_config():
    default = Config().clean
    assert fingerprint(default) == fingerprint(Config().clean)
    changed = load_config(None).clean.__class__(repair=default.repair.__class__(enabled=False))
    assert fingerprint(changed) != fingerprint(default)


def test_printed_config_reads_back_and_carries_changes(tmp_path):
    from pagewash.config import to_toml
    changed = load_config(write(tmp_path, "[dedup]\nopencc_chain = ['t2s']\n[clean.classify]\nlexicons = ['chrome']\n"))
    path = write(tmp_path, to_toml(changed))
    assert load_config(path) == changed and load_config(path) != Config()
