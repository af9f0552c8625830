"""The repair stage against shared mojibake cases, ftfy's own suite, seed 003, our fixtures."""

from __future__ import annotations

import json
import random
from pathlib import Path

import ftfy
import pytest

from clean.config import RepairConfig
from clean.repair import Repair, RepairResult, redecode, repair_mojibake
from clean.repair.detect import has_broken, looks_clean

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "fixtures" / "mojibake"
FTFY_FILES = ("negative", "language-names", "synthetic", "in-the-wild")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def _shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is absent")
    return path


def _is_subsequence(part: str, whole: str) -> bool:
    rest = iter(whole)
    return all(char in rest for char in part)


def _assert_no_invention(out: str, fixed: str) -> None:
    """Partial repairs may lose characters, never add or guess one."""
    assert _is_subsequence(out, fixed), (out, fixed)
    assert not has_broken(out)


def _shared_cases() -> list[dict]:
    path = SHARED / "mojibake" / "cases.jsonl"
    return _jsonl(path) if path.exists() else []


@pytest.mark.parametrize(
    "case", _shared_cases() or [None], ids=lambda c: c and f"{c['class']}:{c['broken'][:12]}"
)
def test_shared_cases(case: dict | None) -> None:
    if case is None:
        pytest.skip("../shared/mojibake/cases.jsonl is absent")
    out = repair_mojibake(case["broken"]).text
    if case["recoverable"] in ("full", "none"):
        assert out == case["fixed"]
    else:
        _assert_no_invention(out, case["fixed"])


def _ftfy_cases() -> list[tuple[str, dict]]:
    folder = SHARED / "mojibake" / "ftfy-cases"
    if not folder.exists():
        return []
    return [
        (name, case)
        for name in FTFY_FILES
        for case in json.loads((folder / f"{name}.json").read_text("utf-8"))
    ]


FTFY_EXCEPTIONS = {(e["file"], e["label"]): e for e in _jsonl(FIXTURES / "ftfy_exceptions.jsonl")}


@pytest.mark.parametrize(
    "name,case", _ftfy_cases() or [(None, None)], ids=lambda v: v if isinstance(v, str) else (v or {}).get("label")
)
def test_ftfy_suite(name: str | None, case: dict | None) -> None:
    """ftfy's passing cases pass here, except the listed deliberate differences."""
    if case is None:
        pytest.skip("../shared/mojibake/ftfy-cases is absent")
    out = repair_mojibake(case["original"]).text
    exception = FTFY_EXCEPTIONS.get((f"{name}.json", case["label"]))
    if exception is None:
        assert out == case["fixed"]
        return
    assert out == case.get("fixed-encoding", case["fixed"])
    # The difference is exactly the fix_text steps we leave off, and nothing else.
    config = ftfy.TextFixerConfig(**{step: False for step in exception["ftfy_steps"]})
    assert ftfy.fix_text(case["original"], config) != case["fixed"]


def test_ftfy_exceptions_are_all_real() -> None:
    labels = {(f"{name}.json", case["label"]) for name, case in _ftfy_cases()}
    if not labels:
        pytest.skip("../shared/mojibake/ftfy-cases is absent")
    assert set(FTFY_EXCEPTIONS) <= labels
    assert all(e["reason"] and e["ftfy_steps"] for e in FTFY_EXCEPTIONS.values())


@pytest.mark.parametrize("case", _jsonl(FIXTURES / "cases.jsonl"), ids=lambda c: c["label"])
def test_own_cases(case: dict) -> None:
    out = repair_mojibake(case["broken"]).text
    if case["expect"] == "pass":
        assert out == case["fixed"]
    else:
        _assert_no_invention(out, case["fixed"])


@pytest.mark.parametrize("case", _jsonl(FIXTURES / "negatives.jsonl"), ids=lambda c: c["label"])
def test_own_negatives(case: dict) -> None:
    result = repair_mojibake(case["text"])
    assert result.text == case["text"]
    assert result.repairs == ()
    assert result.residual_damage == 0.0


def test_seed_003_body_lines() -> None:
    raw = _shared("seeds/raw/003_d7556ce66ff916c7.txt").read_text("utf-8")
    gold = _shared("seeds/gold/003_d7556ce66ff916c7.txt").read_text("utf-8")
    repaired = repair_mojibake(raw).text.split("\n")
    body = [line for line in gold.split("\n") if line.strip()]
    assert len(repaired) == len(raw.split("\n"))
    assert all(line in repaired for line in body)


def test_result_shape_and_samples() -> None:
    result = repair_mojibake("格局,,堅持,、團結,。統(tǒng)一戰(zhàn)線(xiàn)的匯(huì)聚")
    assert isinstance(result, RepairResult)
    kinds = {r.kind: r for r in result.repairs}
    assert set(kinds) == {"pinyin_annotation", "stray_punctuation"}
    assert all(isinstance(r, Repair) and 1 <= len(r.samples) <= 3 for r in result.repairs)
    assert kinds["stray_punctuation"].count == 3
    assert ("統(tǒng)", "統") in kinds["pinyin_annotation"].samples


def test_residual_damage_counts_removed_garbage() -> None:
    result = repair_mojibake("正文。锟斤拷锟斤拷")
    assert result.text == "正文。"
    assert result.residual_damage == pytest.approx(6 / 9)
    assert repair_mojibake("正文。").residual_damage == 0.0


def test_disabled_config_changes_nothing() -> None:
    broken = "Í³Ò»Õ½ÏßÊÇÄý¾ÛÈËÐÄ"
    assert repair_mojibake(broken, RepairConfig(enabled=False)).text == broken


def test_clean_text_passes_the_precheck() -> None:
    assert looks_clean("统一战线，坚持团结！（一）“大团结”。臺北市政府宣布，捷運明年通車。")
    assert not looks_clean("缁熶竴鎴樼嚎")


def test_never_adds_or_removes_a_newline() -> None:
    pieces = [
        "ç»Ÿä¸€æˆ˜çº¿", "½ñÄêÒ»¼¾¶È", "锟斤拷", "\ufffd\ufffd", "&#10;", "&#13;", "统(tǒng)",
        ",,", "??", "?慕y", "屯屯屯", "中文", "\n", "\r\n", "\n\n", " ", "涓\ue15f枃",
    ]
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert repair_mojibake(text).text.count("\n") == text.count("\n"), text


def test_redecode_prefers_the_plausible_codec() -> None:
    text = "今年一季度，全市规模以上工业增加值同比增长百分之六点二。"
    for codec, wrong in (("gbk", "latin-1"), ("big5", "cp1252"), ("utf-8", "gbk")):
        if codec == "big5":
            text = "臺北市政府宣布，捷運新路線預計明年底正式通車。"
        raw = text.encode(codec)
        shown = raw.decode(wrong, "replace")
        better = redecode(raw, shown, wrong)
        assert better is not None and better[0] == text, (codec, wrong)
    raw = text.encode("utf-8")
    assert redecode(raw, raw.decode("utf-8"), "utf-8") is None


def test_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    _shared("dev/chinese-wce/cleaned")
    from bench.repair import main

    assert main(["--shared", str(SHARED), "--limit", "3"]) == 0
    assert "repair (undamaged)" in capsys.readouterr().out


def test_redecode_tolerates_a_cut_last_character() -> None:
    text = "香港天文台預測，本週後期天氣持續炎熱，最高氣溫約三十三度。" * 20
    raw = text.encode("big5")[:-1]
    better = redecode(raw, raw.decode("gbk", "replace"), "gbk")
    assert better is not None and better[1] == "big5" and better[0].startswith(text[:30])


def test_old_gb2312_table_marks_are_mapped_back_in_chinese_text_only() -> None:
    """``・``/``―`` (Python's ``gb2312`` codec for A1A4/A1AA) become ``·``/``—`` in a Chinese
    document; a document with kana keeps them, as Japanese writes them on purpose."""
    old = "青溪县·南岭镇消息——今年13—15岁学生参加夏令营。".encode("gbk").decode("gb2312")
    assert old == "青溪县・南岭镇消息――今年13―15岁学生参加夏令营。"
    result = repair_mojibake(old)
    assert result.text == "青溪县·南岭镇消息——今年13—15岁学生参加夏令营。"
    assert [(r.kind, r.count) for r in result.repairs] == [("legacy_gb2312_table", 4)]
    japanese = "青溪・南嶺の旅――楽しかった。"
    assert repair_mojibake(japanese).text == japanese
