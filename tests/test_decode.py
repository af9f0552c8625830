import codecs
import gzip

import pytest

from clean.capture import gunzip, kind_from_name, sniff_kind
from clean.decode import decode_bytes, declared_encoding
from clean.errors import BinaryCapture, CaptureTooLarge, UnsupportedCapture

SAMPLE = "国务院办公厅关于进一步优化营商环境的通知。各省、自治区、直辖市人民政府。"
TRADITIONAL = "國務院辦公廳關於進一步優化營商環境的通知。各省、自治區、直轄市人民政府。"


def test_utf8_is_tried_first_even_under_a_wrong_declaration():
    page = f'<html><head><meta charset="gb2312"></head><body>{SAMPLE}</body></html>'
    decoded = decode_bytes(page.encode("utf-8"))
    assert (decoded.encoding, decoded.method) == ("utf-8", "utf-8")
    assert SAMPLE in decoded.text


def test_declared_gbk_decodes_as_gb18030():
    page = f'<html><head><meta charset="GBK"></head><body>{SAMPLE}</body></html>'
    decoded = decode_bytes(page.encode("gbk"))
    assert decoded.encoding == "gb18030" and SAMPLE in decoded.text


def test_undeclared_gbk_and_big5_are_detected():
    assert decode_bytes((SAMPLE * 3).encode("gbk")).text == SAMPLE * 3
    big5 = decode_bytes((TRADITIONAL * 3).encode("big5"))
    assert big5.encoding == "big5hkscs" and big5.text == TRADITIONAL * 3


def test_bom_wins():
    decoded = decode_bytes(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"))
    assert decoded.text.lstrip("\ufeff") == SAMPLE and decoded.method == "bom"


def test_capture_cut_mid_character_stays_utf8():
    decoded = decode_bytes(SAMPLE.encode("utf-8") * 20 + "中".encode("utf-8")[:2])
    assert decoded.method == "utf-8-lenient" and decoded.replaced == 1


def test_binary_data_is_refused():
    with pytest.raises(BinaryCapture):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_declared_encoding_reads_meta_and_xml():
    assert declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">') == "gb18030"
    assert declared_encoding(b'<?xml version="1.0" encoding="Big5"?>') == "big5hkscs"
    assert declared_encoding(b"<html>") is None


@pytest.mark.parametrize("name,kind", [("a.html", "html"), ("a.HTM", "html"), ("a.xhtml.gz", "html"),
                                       ("a.txt", "text"), ("a.txt.gz", "text"), ("a.pdf", None),
                                       ("a.gz", None), ("README", None)])
def test_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


def test_sniff_kind():
    assert sniff_kind("<!doctype html><html><body>x</body></html>") == "html"
    assert sniff_kind("\ufeff<html>") == "html"
    assert sniff_kind("首页 | 新闻中心\n" + SAMPLE) == "text"


def test_gunzip_refuses_bombs_and_garbage():
    assert gunzip(gzip.compress(b"abc"), 10) == b"abc"
    with pytest.raises(CaptureTooLarge):
        gunzip(gzip.compress(b"\0" * 10_000), 1_000)
    with pytest.raises(UnsupportedCapture):
        gunzip(b"\x1f\x8b\x08\x00garbage", 1_000)
    with pytest.raises(UnsupportedCapture):
        gunzip(gzip.compress(b"x" * 1000)[:-12], 10_000)


def test_gbk_with_a_few_bad_bytes_is_still_read_as_chinese():
    """Real captures carry the odd broken byte; a generic detector then picks a Cyrillic
    code page. The Chinese reading wins when its Han characters are mostly common ones."""
    data = (SAMPLE * 10).encode("gbk")
    damaged = data[:100] + b"\x80\xff" + data[102:]  # one character's two bytes broken
    decoded = decode_bytes(damaged)
    assert decoded.encoding == "gb18030" and decoded.replaced >= 1 and decoded.text.count("国务院") >= 9


def test_traditional_text_in_gbk_and_in_big5():
    assert decode_bytes((TRADITIONAL * 3).encode("gbk")).text == TRADITIONAL * 3
    assert decode_bytes((TRADITIONAL * 3).encode("big5")).encoding == "big5hkscs"
