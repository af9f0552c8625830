"""Tests of dedup: reprints across scripts, truncations and excerpts are found; different
articles on one topic, chained near-matches and stub bodies are not merged; signatures are
datasketch's; output is stable."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import opencc
import pytest
import xxhash
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dedup import DedupConfig, find_duplicates, run_dedup
from dedup.cluster import link
from dedup.normalise import normalise
from dedup.shingle import batch_shingle_hashes, shingle_bytes, shingle_set
from dedup.sign import lean_minhash, permutations, signatures

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Three different articles on one subject (the city's software and network sector): they
# share vocabulary (软件, 网络, 信息, 视频) but are not reprints of each other.
SOFTWARE = """本报讯 记者从市工业和信息化局获悉，今年前三季度，全市软件和信息技术服务业实现业务收入一千二百亿元，同比增长百分之十四点五。其中，云计算、大数据和人工智能相关企业贡献了超过一半的增量。市软件园新入驻企业八十六家，带动新增就业岗位一万余个。
业内人士表示，网络视频、在线教育和工业软件成为增长最快的三个领域。一家本地工业软件企业负责人介绍，公司自主研发的设计软件已经在汽车、船舶等行业推广应用，今年订单数量翻了一番。
下一步，市里将继续完善软件园配套设施，设立专项资金支持核心技术攻关，并推动高校与企业联合培养信息技术人才，力争到明年底全市软件产业规模突破一千六百亿元。"""

SECURITY = """为期一周的网络安全宣传周昨日在市会展中心开幕。活动以网络安全为人民、网络安全靠人民为主题，设置了个人信息保护、电信网络诈骗防范、青少年上网安全等多个展区，吸引了大批市民前来参观。
在个人信息保护展区，工作人员通过真实案例向市民讲解如何识别钓鱼链接和恶意软件。一位带着孩子参观的市民说，以前总觉得网络诈骗离自己很远，看了展览才知道很多软件会在后台偷偷收集信息。
据介绍，宣传周期间还将举办网络安全技术论坛、校园网络安全知识竞赛等二十余场活动。市网信办相关负责人表示，将持续加强网络安全监管，督促平台企业落实个人信息保护责任。"""

TALENT = """近日，本市一所高校的软件学院与二十余家企业签订人才培养合作协议。根据协议，企业将为学生提供实习岗位和真实项目，学院则根据企业需求调整课程设置，增加云计算、网络安全和视频处理等方向的实践课程。
学院院长在签约仪式上说，软件人才培养不能只停留在课堂上，学生需要在真实的开发环境中锻炼。过去三年，学院毕业生进入本地信息技术企业就业的比例从三成提高到五成以上。
参与签约的一家企业负责人表示，企业最缺的是既懂技术又懂行业的复合型人才。通过与学院合作，企业可以提前发现和培养人才，缩短新员工的适应期。"""


def _doc(doc_id: str, text: str, **metadata) -> dict:
    return {"id": doc_id, "text": text, "metadata": metadata}


def _by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def _random_sentences(rng: random.Random, count: int) -> list[str]:
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展"
    return ["".join(rng.choice(alphabet) for _ in range(30)) + "。" for _ in range(count)]


def test_cross_script_reprint_with_taiwan_vocabulary_is_found():
    taiwan = opencc.OpenCC("s2twp").convert(SOFTWARE)
    assert "軟體" in taiwan and "軟件" not in taiwan  # regional vocabulary, not just characters
    halfwidth = taiwan.replace("，", ",").replace("。", ".")
    rows = _by_id(find_duplicates([_doc("orig", SOFTWARE), _doc("tw", "來源：中時新聞網\n" + halfwidth), _doc("other", SECURITY)]))
    assert rows["tw"]["cluster"] == rows["orig"]["cluster"]
    assert rows["tw"]["similarity"] > 0.8
    assert rows["other"]["duplicate_of"] is None and rows["other"]["cluster"] == "other"


def test_normalisation_meets_simplified_and_taiwan_phrasing():
    cfg = DedupConfig()
    assert normalise(opencc.OpenCC("s2twp").convert(SECURITY), cfg).text == normalise(SECURITY, cfg).text


def test_truncated_reprint_is_found_and_the_full_copy_kept():
    truncated = SOFTWARE[: int(len(SOFTWARE) * 0.65)] + "\n阅读全文"
    rows = _by_id(find_duplicates([_doc("cut", truncated), _doc("full", SOFTWARE), _doc("other", TALENT)]))
    assert rows["cut"]["duplicate_of"] == "full"
    assert rows["cut"]["containment"] >= 0.9
    assert rows["full"]["kept_because"].startswith("most complete body")


def test_excerpt_reprint_is_found_by_containment():
    excerpt = SECURITY.split("\n")[1] + "\n（摘编自市网信办网站）"
    rows = _by_id(find_duplicates([_doc("full", SECURITY), _doc("excerpt", excerpt), _doc("other", SOFTWARE)]))
    assert rows["excerpt"]["duplicate_of"] == "full"
    assert rows["excerpt"]["similarity"] < DedupConfig().jaccard_threshold  # found by containment alone
    assert rows["excerpt"]["containment"] >= DedupConfig().containment_threshold


def test_different_articles_on_one_topic_are_not_merged():
    quoting = TALENT + "\n此前有报道称：“" + "".join(SOFTWARE.split("。")[:2]) + "。”"
    rows = find_duplicates([_doc("a", SOFTWARE), _doc("b", SECURITY), _doc("c", TALENT + "\n责任编辑：王芳"), _doc("d", quoting)])
    assert [row["duplicate_of"] for row in rows] == [None, None, "d", None]  # c and d are one article; a, b stand alone
    assert {rows[0]["cluster"], rows[1]["cluster"]} == {"a", "b"}


def test_chaining_guard_keeps_a_chain_end_out():
    rng = random.Random(7)
    s = _random_sentences(rng, 18)
    a, b, c = "".join(s[0:11]), "".join(s[3:13]), "".join(s[7:16])  # a~b, b~c, a and c unrelated
    rows = _by_id(find_duplicates([_doc("a", a), _doc("b", b), _doc("c", c)]))
    assert rows["b"]["duplicate_of"] == "a"
    assert rows["c"]["cluster"] == "c"


def test_link_checks_representatives_before_merging():
    unrelated = {frozenset({0, 2})}
    roots = link(3, [(0.6, 0.7, 0, 1), (0.5, 0.6, 1, 2)], [11, 10, 10], lambda x, y: frozenset({x, y}) not in unrelated)
    assert roots[0] == roots[1] != roots[2]
    unguarded = link(3, [(0.6, 0.7, 0, 1), (0.5, 0.6, 1, 2)], [11, 10, 10], lambda x, y: True)
    assert len(set(unguarded)) == 1


def test_empty_and_very_short_bodies_are_never_clustered():
    docs = [_doc("full", SOFTWARE), _doc("empty", ""), _doc("blank", " \n　"), _doc("stub1", "阅读全文"),
            _doc("stub2", "阅读全文"), _doc("head", SOFTWARE[:30])]
    rows = _by_id(find_duplicates(docs))
    for doc_id in ("empty", "blank", "stub1", "stub2", "head"):
        assert rows[doc_id]["cluster"] == doc_id and rows[doc_id]["duplicate_of"] is None
        assert rows[doc_id]["kept_because"].startswith("too short")
    assert rows["full"]["kept_because"] == "no duplicate found"


def test_exact_and_near_copies_share_one_cluster_with_a_documented_keep_rule():
    docs = [_doc("late", SOFTWARE, date="2023年5月3日"), _doc("early", SOFTWARE + "\n责编：李华", date="2023-05-01 08:00"),
            _doc("same", SOFTWARE, date="2023-05-02")]
    rows = _by_id(find_duplicates(docs))
    assert {r["cluster"] for r in rows.values()} == {"early"}
    assert rows["early"]["kept_because"].startswith("earliest date")
    assert rows["late"]["similarity"] > 0.9 and rows["same"]["duplicate_of"] == "early"
    rows = _by_id(find_duplicates(docs + [_doc("origin", SOFTWARE, source="本网原创", date="2023-06-01")]))
    assert rows["origin"]["kept_because"] == "names itself the original source"


def test_signatures_equal_datasketch_minhash():
    cfg = DedupConfig()
    long_text = (SOFTWARE + SECURITY + TALENT + TALENT[::-1]) * 3  # more than one 2048-shingle block
    texts = [normalise(t, cfg).text for t in (SOFTWARE, SECURITY, TALENT, "短文本一二三四五六", long_text)]
    hashes, offsets = batch_shingle_hashes(texts, cfg.shingle_size, cfg.hash_seed)
    ours = signatures(hashes, offsets, permutations(cfg.num_perm, cfg.perm_seed))
    lsh = MinHashLSH(threshold=0.5, num_perm=cfg.num_perm)
    for k, text in enumerate(texts):
        theirs = MinHash(num_perm=cfg.num_perm, seed=cfg.perm_seed, hashfunc=lambda b: xxhash.xxh32_intdigest(b, cfg.hash_seed))
        theirs.update_batch(shingle_bytes(text, cfg.shingle_size))
        assert np.array_equal(theirs.permutations, np.array(permutations(cfg.num_perm, cfg.perm_seed)))
        assert np.array_equal(theirs.hashvalues, ours[k])
        lean = lean_minhash(ours[k], cfg.perm_seed)
        assert lean == LeanMinHash(theirs)
        lsh.insert(str(k), lean)
    assert lsh.query(lean_minhash(ours[0], cfg.perm_seed)) == ["0"]


def test_shingle_hashes_are_xxh32_of_utf32_shingles():
    text = normalise(TALENT, DedupConfig()).text
    expected = sorted({xxhash.xxh32_intdigest(b, 0) for b in shingle_bytes(text, 5)})
    assert shingle_set(text, 5, 0).tolist() == expected


def test_output_is_stable_across_runs_and_input_order():
    docs = [_doc("a", SOFTWARE), _doc("b", SOFTWARE[:200]), _doc("c", SECURITY), _doc("d", opencc.OpenCC("s2hk").convert(SECURITY)),
            _doc("e", TALENT)]
    first = find_duplicates(docs)
    assert find_duplicates(docs) == first
    shuffled = find_duplicates(list(reversed(docs)))
    assert sorted(shuffled, key=lambda r: r["id"]) == first


def test_run_dedup_writes_clusters_and_drops_only_duplicates(tmp_path):
    docs = [_doc("a", SOFTWARE), _doc("b", opencc.OpenCC("s2twp").convert(SOFTWARE)), _doc("c", SECURITY), _doc("d", "")]
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    summary = run_dedup(tmp_path, drop=True)
    assert (summary.documents, summary.clusters, summary.duplicates, summary.largest_cluster) == (4, 1, 1, 2)
    rows = [json.loads(line) for line in (tmp_path / "clusters.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"] and rows[1]["duplicate_of"] == "a"
    kept = [json.loads(line) for line in (tmp_path / "deduplicated.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in kept] == ["a", "c", "d"] and kept[0] == docs[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clusters.jsonl", "deduplicated.jsonl", "documents.jsonl"]


def test_config_rejects_bands_beyond_permutations():
    with pytest.raises(ValueError, match="exceeds num_perm"):
        DedupConfig(lsh_bands=50, lsh_rows=3)


def test_the_five_seeds_are_not_duplicates_of_each_other():
    gold = SHARED / "seeds" / "gold"
    if not gold.is_dir():
        pytest.skip("../shared is absent")
    rows = find_duplicates(_doc(p.stem, p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.txt")))
    assert len(rows) == 5 and all(r["duplicate_of"] is None and r["cluster"] == r["id"] for r in rows)


def test_worker_processes_give_the_same_rows():
    docs = [_doc(str(k), text) for k, text in enumerate([SOFTWARE, SECURITY, TALENT, SOFTWARE[:250], opencc.OpenCC("s2t").convert(TALENT)] * 3)]
    docs = [dict(d, id=f"{d['id']}-{k}") for k, d in enumerate(docs)]
    assert find_duplicates(docs, DedupConfig(workers=2, batch_docs=4)) == find_duplicates(docs, DedupConfig(batch_docs=4))


def test_an_editors_note_does_not_make_a_copy_more_complete():
    note = "编者按：入冬以来，不少读者通过本网热线反映相关问题，本网今天转发这篇报道，欢迎读者继续提出意见和建议。\n"
    docs = [_doc("noted", note + SOFTWARE, date="2023-05-02"), _doc("original", SOFTWARE, date="2023-05-01 09:00"),
            _doc("preview", SOFTWARE[: int(len(SOFTWARE) * 0.65)], date="2023-04-30")]
    rows = _by_id(find_duplicates(docs))
    assert {r["cluster"] for r in rows.values()} == {"original"}
    assert rows["original"]["kept_because"].startswith("earliest date")


def test_fixture_captures_cluster_as_dedup_json_says(tmp_path):
    from click.testing import CliRunner

    from pagewash.cli import main

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    spec = json.loads((fixtures / "dedup.json").read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["run", str(fixtures / "pages"), "-o", str(tmp_path), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in map(json.loads, (tmp_path / "clusters.jsonl").read_text(encoding="utf-8").splitlines())}
    for cluster in spec["clusters"]:
        assert len({rows[cid]["cluster"] for cid in cluster}) == 1, cluster
    for a, b in spec["not_duplicates"]:
        assert rows[a]["cluster"] != rows[b]["cluster"], (a, b)
    clustered = {cid for cluster in spec["clusters"] for cid in cluster}
    assert all(r["duplicate_of"] is None for cid, r in rows.items() if cid not in clustered)


def test_large_buckets_link_as_a_star_for_bands_and_are_ignored_for_anchors():
    from dedup.index import band_recall, candidate_pairs

    keys = np.array([7] * 5 + [9, 9], dtype=np.uint64)
    docs = np.array([0, 1, 2, 3, 4, 5, 6])
    assert candidate_pairs(keys, docs, 1, max_bucket=3).tolist() == [[0, 1], [0, 2], [0, 3], [0, 4], [5, 6]]
    assert candidate_pairs(keys, docs, 1, max_bucket=3, star=False).tolist() == [[5, 6]]
    assert candidate_pairs(keys, docs, 2, max_bucket=10).tolist() == []  # one shared key is not two
    cfg = DedupConfig()
    assert band_recall(cfg.jaccard_threshold, cfg.lsh_bands, cfg.lsh_rows) > 0.9 > band_recall(0.8, 9, 13) + 0.4


def test_anchor_pairs_in_slices_equal_the_whole():
    """Slicing anchors by key hash (to bound memory) is exact, for every shared-key count."""
    import numpy as np

    from dedup.index import candidate_pairs, candidate_pairs_partitioned

    rng = np.random.default_rng(0)
    keys = rng.integers(0, 3000, 50_000).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    docs = np.sort(rng.integers(0, 8000, 50_000)).astype(np.int32)
    select = rng.random(50_000) < 0.9
    for shared in (1, 2, 3):
        whole = candidate_pairs(keys[select], docs[select], shared, 50, star=False)
        assert np.array_equal(candidate_pairs_partitioned(keys, docs, select, shared, 50, 8), whole)
