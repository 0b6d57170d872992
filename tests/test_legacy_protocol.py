"""Weak primitives in a file that implements a legacy authentication protocol (NTLM,
MS-CHAP, Kerberos, htpasswd by the file's name) are the protocol's, not a choice: the summary.
The same code in any other file stays inline."""

from __future__ import annotations

from bot.diff import added_file
from bot.models import Severity
from bot.pipeline import review_files

CODE = """\
using System.Security.Cryptography;

public class NtlmResponse
{
    public static byte[] Encrypt(byte[] key, byte[] data)
    {
        using var des = DES.Create();
        des.Key = key;
        return des.CreateEncryptor().TransformFinalBlock(data, 0, data.Length);
    }
}
"""


def _ciphers(path: str) -> list[Severity]:
    findings = review_files([added_file(path, CODE)]).findings
    return [f.severity for f in findings if f.rule == "weak-cipher"]


def test_a_legacy_protocol_file_sends_its_primitives_to_the_summary() -> None:
    assert _ciphers("src/Auth/AUTH_SASL_Client_Ntlm.cs") == [Severity.INFO]
    assert _ciphers("src/Auth/MsChapV2.cs") == [Severity.INFO]
    assert _ciphers("src/auth/htpasswd.cs") == [Severity.INFO]


def test_the_same_code_elsewhere_stays_inline() -> None:
    got = _ciphers("src/Services/Encryption.cs")
    assert got and got[0] is not Severity.INFO
