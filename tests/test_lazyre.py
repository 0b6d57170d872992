"""`bot.lazyre`: patterns compiled on first use behave as `re`'s own."""

from __future__ import annotations

import pickle
import re as std_re

from bot import lazyre


def test_a_pattern_is_not_compiled_until_used() -> None:
    pattern = lazyre.compile(r"(?P<word>never-used-elsewhere-\d+)", lazyre.IGNORECASE)
    assert "search" not in vars(pattern)
    found = pattern.search("x NEVER-USED-ELSEWHERE-42 y")
    assert found is not None and found.group("word") == "NEVER-USED-ELSEWHERE-42"
    # Compiled once: the real pattern's methods now live on the stand-in.
    assert "search" in vars(pattern)
    assert pattern.groupindex == {"word": 1}
    assert pattern.flags == std_re.compile("x", std_re.IGNORECASE).flags


def test_the_same_text_gives_the_same_stand_in() -> None:
    assert lazyre.compile(r"a+b") is lazyre.compile(r"a+b")
    assert lazyre.compile(r"a+b") is not lazyre.compile(r"a+b", lazyre.M)


def test_module_functions_take_stand_ins_and_strings() -> None:
    digits = lazyre.compile(r"\d+")
    assert lazyre.findall(digits, "a1b22") == ["1", "22"]
    assert lazyre.sub(digits, "#", "a1b22", count=1) == "a#b22"
    assert lazyre.subn(r"\d", "", "a1b2") == ("ab", 2)
    assert lazyre.split(digits, "a1b2c", maxsplit=1) == ["a", "b2c"]
    assert [m.group() for m in lazyre.finditer(digits, "7 8")] == ["7", "8"]
    assert lazyre.fullmatch(digits, "123") is not None
    assert lazyre.match(digits, "x1") is None
    assert lazyre.compile(digits) is digits


def test_pickles_equality_and_repr_follow_the_real_pattern() -> None:
    pattern = lazyre.compile(r"to-be-pickled\s")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy.search("to-be-pickled ") is not None
    assert pattern == std_re.compile(r"to-be-pickled\s")
    assert hash(pattern) == hash(std_re.compile(r"to-be-pickled\s"))
    assert repr(pattern) == repr(std_re.compile(r"to-be-pickled\s"))


def test_a_bad_pattern_fails_when_used() -> None:
    pattern = lazyre.compile(r"(unclosed")
    try:
        pattern.search("x")
    except lazyre.error:
        pass
    else:
        raise AssertionError("an invalid pattern compiled")


def test_real_gives_the_compiled_pattern_behind_a_stand_in() -> None:
    stand_in = lazyre.compile(r"inventoried-\w+")
    found = lazyre.real(stand_in)
    assert isinstance(found, std_re.Pattern) and found.pattern == r"inventoried-\w+"
    plain = std_re.compile("x")
    assert lazyre.real(plain) is plain
    assert lazyre.real("not a pattern") is None
