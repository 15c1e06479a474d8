#!/usr/bin/env python3
"""Reference for benchmark P1: the import rules of RiskRowImporter in plain Python (csv + ipaddress).

Same rules as the C++ importer: UTF-8 with or without BOM, any line ends, RFC 4180 quoting,
blanks around fields trimmed, '#' and blank lines skipped, delimiter among , TAB ; detected,
header names in any order and case, ip[,level[,message]] otherwise; strict single IPv4/IPv6
(no CIDR, range, zone id, leading zeros), canonical form, the explicit non-public list (not
Python's is_global), LOW/MEDIUM/HIGH, message <= 512 of [A-Za-z0-9 ._-], one subject per ip
with the highest level winning (first row on a tie). Prints the same counts as bench_import.

Usage: validate_reference.py FILE [--default-level LEVEL] [--allow-non-public]
"""
import argparse
import csv
import ipaddress
import re
import resource
import sys
import time

MAX_MESSAGE = 512
MAX_ROW = 64 * 1024
MESSAGE_OK = re.compile(r"[A-Za-z0-9 ._-]*\Z")
RANK = {"HIGH": 0, "MEDIUM": 1, "LOW": 2}
LEVELS = ["HIGH", "MEDIUM", "LOW"]
NAMES = {"ip": "ip", "ipaddress": "ip", "address": "ip", "risklevel": "level", "level": "level",
         "risk": "level", "message": "message", "reason": "message", "comment": "message"}

V4_NON_PUBLIC = [("0.0.0.0/8", "this network"), ("10.0.0.0/8", "private network"),
                 ("100.64.0.0/10", "shared address space, carrier-grade NAT"), ("127.0.0.0/8", "loopback"),
                 ("169.254.0.0/16", "link-local"), ("172.16.0.0/12", "private network"),
                 ("192.0.0.0/24", "IETF protocol assignments"), ("192.0.2.0/24", "documentation, TEST-NET-1"),
                 ("192.168.0.0/16", "private network"), ("198.18.0.0/15", "benchmarking"),
                 ("198.51.100.0/24", "documentation, TEST-NET-2"), ("203.0.113.0/24", "documentation, TEST-NET-3"),
                 ("224.0.0.0/4", "multicast"), ("240.0.0.0/4", "reserved, incl. broadcast 255.255.255.255")]
V6_NON_PUBLIC = [("::/128", "unspecified address"), ("::1/128", "loopback"),
                 ("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"), ("100::/64", "discard-only"),
                 ("2001:db8::/32", "documentation"), ("3fff::/20", "documentation"),
                 ("fc00::/7", "unique local, private network"), ("fe80::/10", "link-local"), ("ff00::/8", "multicast")]

# The reasons IpAddressParser, MessageRules and RiskRowImporter give, word for word.
IP_REASONS = {
    "missing": "ip is missing: each row needs one IPv4 or IPv6 address",
    "cidr": "CIDR ranges are not accepted (not even /32): give a single address",
    "range": "address ranges are not accepted: give a single address",
    "zone": "IPv6 zone ids (%...) are not accepted: give the address without the zone",
    "port": "ports and brackets are not accepted: give the bare address",
    "several": "several values in one field: give exactly one address",
    "integer": "integers are not accepted as addresses: write IPv4 as a dotted quad a.b.c.d",
    "leading-zero": "IPv4 parts must not have leading zeros (they are ambiguous): write 10, not 010",
    "too-large": "IPv4 parts must be 0 to 255",
    "ipv4-parts": "an IPv4 address has exactly four dot-separated parts of 0 to 255",
    "ipv6": "not a valid IPv6 address",
    "hostname": "host names are not accepted: give an IPv4 or IPv6 address",
    "malformed": "not an IPv4 or IPv6 address",
}
LEVEL_MISSING = "riskLevel is missing and no default level is set: give LOW, MEDIUM or HIGH"
LEVEL_INVALID = "riskLevel must be LOW, MEDIUM or HIGH (any case)"
CHARACTER_NAMES = {0: " (NUL)", 9: " (tab)", 10: " (line break)", 13: " (carriage return)",
                   0xFFFD: " (invalid UTF-8 or a replacement character)"}


def ranges(listed):
    out = []
    for cidr, name in listed:
        net = ipaddress.ip_network(cidr)
        reason = "not a public address: in %s (%s); allow non-public addresses in the settings to send it" % (
            cidr, name)
        out.append((int(net.network_address), int(net.broadcast_address), reason))
    return out


V4_RANGES = ranges(V4_NON_PUBLIC)
V6_RANGES = ranges(V6_NON_PUBLIC)


def non_public(address):
    """The reason naming the non-public range holding `address`, or None."""
    value = int(address)
    for low, high, reason in (V4_RANGES if address.version == 4 else V6_RANGES):
        if low <= value <= high:
            return reason
    return None


def strict(text):
    """The address, or None. Python's parser already refuses leading zeros in IPv4."""
    if "%" in text or not text:
        return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_address(text):
    return strict(text.strip(" \t")) is not None


def classify(text):
    """Why `text` is not one address (same order as IpAddressParser)."""
    if not text:
        return "missing"
    if "/" in text and is_address(text.split("/", 1)[0]):
        return "cidr"
    if "-" in text:
        left, right = text.split("-", 1)
        right = right.strip(" \t")
        if is_address(left) and (is_address(right) or (right.isascii() and right.isdigit())):
            return "range"
    if "%" in text:
        left = text.split("%", 1)[0]
        if ":" in left and is_address(left):
            return "zone"
    if text.startswith("[") and "]" in text and is_address(text[1:text.index("]")]):
        return "port"
    if text.count(":") == 1:
        left, right = text.split(":")
        if is_address(left) and right.isascii() and right.isdigit():
            return "port"
    pieces = re.split(r"[\s,;|]", text)
    if len(pieces) > 1 and any(p and is_address(p) for p in pieces):
        return "several"
    if text.isascii() and text.isdigit():
        return "integer"
    if len(text) > 2 and text[:2] in ("0x", "0X") and all(c in "0123456789abcdefABCDEF" for c in text[2:]):
        return "integer"
    if ":" in text:
        return "ipv6"
    if all(c.isascii() and (c.isdigit() or c == ".") for c in text):
        parts = text.split(".")
        if len(parts) != 4 or any(not p for p in parts):
            return "ipv4-parts"
        for p in parts:
            if len(p) > 1 and p[0] == "0":
                return "leading-zero"
            if len(p) > 3 or int(p) > 255:
                return "too-large"
        return "ipv4-parts"
    if (re.fullmatch(r"[A-Za-z0-9.-]*[A-Za-z][A-Za-z0-9.-]*", text) and not text.startswith(".")
            and not text.endswith("-") and ".." not in text):
        return "hostname"
    return "malformed"


def check_ip(text, allow_non_public):
    """(canonical ip, None) or (None, reason)."""
    address = strict(text)
    if address is None:
        return None, IP_REASONS[classify(text)]
    if not allow_non_public:
        reason = non_public(address)
        if reason:
            return None, reason
    return str(address), None  # RFC 5952 for IPv6 (compressed, lower case)


def describe_character(c):
    code = "U+%04X" % ord(c)
    if ord(c) in CHARACTER_NAMES:
        return code + CHARACTER_NAMES[ord(c)]
    if 0x20 < ord(c) < 0x7F:
        return "'%s'" % c
    if ord(c) > 0x7F and c.isprintable():
        return "'%s' (%s)" % (c, code)
    return code


def message_reasons(message):
    reasons = []
    if len(message) > MAX_MESSAGE:
        reasons.append("message is longer than %d characters (%d)" % (MAX_MESSAGE, len(message)))
    bad = [i for i, c in enumerate(message) if not MESSAGE_OK.match(c)]
    if bad:
        reason = ("message may only contain letters, digits, space, '.', '_' and '-': found %s at position %d"
                  % (describe_character(message[bad[0]]), bad[0] + 1))
        if len(bad) > 1:
            reason += " (%d characters not allowed in all)" % len(bad)
        reasons.append(reason)
    return reasons


def merged_reason(kept_line, kept_rank, tie):
    level = LEVELS[kept_rank]
    if tie:
        return "duplicate address: merged into line %d, which has the same level %s and comes first" % (
            kept_line, level)
    return "duplicate address: merged into line %d, which has the higher level %s" % (kept_line, level)


def split_line(line, delimiter):
    return next(csv.reader([line], delimiter=delimiter, skipinitialspace=True))


def detect_delimiter(lines, max_fields=3):
    best_fits = best_present = 0
    by_fits = by_presence = None
    for candidate in ("\t", ",", ";"):
        fits = present = 0
        for line in lines:
            fields = [f.strip(" \t" if candidate != "\t" else " ") for f in split_line(line, candidate)]
            if len(fields) < 2:
                continue
            present += 1
            if len(fields) <= max_fields and fields[0] and not any(c in fields[0] for c in "\t,;"):
                fits += 1
        if fits > best_fits:
            best_fits, by_fits = fits, candidate
        if present > best_present:
            best_present, by_presence = present, candidate
    return by_fits or by_presence or ","


def significant(lines):
    for line in lines:
        stripped = line.lstrip(" \t")
        if stripped and stripped[0] not in "\r\n#":
            yield line


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--default-level", choices=["LOW", "MEDIUM", "HIGH"])
    parser.add_argument("--allow-non-public", action="store_true")
    parser.add_argument("--outcomes", help="write one line per row ('ok <ip>' or 'rejected') to this file")
    parser.add_argument("--issues", help="write the issues (line, field, reason) to this file")
    args = parser.parse_args()
    started = time.perf_counter()

    with open(args.file, encoding="utf-8-sig", errors="replace", newline="") as f:
        head = []
        for line in significant(f):
            head.append(line.rstrip("\r\n"))
            if len(head) == 50:
                break
        delimiter = detect_delimiter(head)
        f.seek(0)
        if f.read(1) != "\ufeff":
            f.seek(0)
        blank = " \t" if delimiter != "\t" else " "
        reader = csv.reader(f, delimiter=delimiter, skipinitialspace=True)
        columns = {"ip": 0, "level": 1, "message": 2}
        count = 3
        names_text = "ip, riskLevel, message"
        rows = rejected = merged = 0
        kept = {}  # canonical ip -> [rank, message, line]: the subjects
        issues = []  # (line, field, value, reason), like ValidationIssue
        outcomes = [] if args.outcomes else None
        default = args.default_level
        header_checked = False
        end_line = 0
        for row in reader:
            line = end_line + 1  # the record's first physical line
            end_line = reader.line_num
            if (not row or (len(row) == 1 and not row[0].strip(" \t"))
                    or (delimiter == "\t" and not any(x.strip(" \t") for x in row))
                    or row[0].lstrip(" \t").startswith("#")):
                continue  # blank or comment line
            fields = [x.strip(blank) for x in row]
            if not header_checked:
                header_checked = True
                names = [NAMES.get(re.sub(r"[ _-]", "", x.lower())) for x in fields]
                if any(names) and (sum(1 for n in names if n) >= 2 or all(names)):
                    columns = {n: i for i, n in enumerate(names)}
                    count = len(fields)
                    names_text = ", ".join({"ip": "ip", "level": "riskLevel", "message": "message"}[n] for n in names)
                    continue
            rows += 1
            found = []
            if len(fields) > count:
                found.append(("row", delimiter.join(fields), "row has %d fields but there are only %d columns (%s): "
                              "extra fields are not guessed" % (len(fields), count, names_text)))
            elif sum(len(x) for x in row) + len(row) - 1 > MAX_ROW:
                found.append(("row", "", "row is longer than %d characters" % MAX_ROW))
            else:
                get = lambda name: fields[columns[name]] if name in columns and columns[name] < len(fields) else ""
                raw_ip = get("ip")
                ip, reason = check_ip(raw_ip, args.allow_non_public)
                if reason:
                    found.append(("ip", raw_ip, reason))
                raw_level = get("level")
                level = raw_level.upper()
                if not level:
                    level = default
                    if level is None:
                        found.append(("riskLevel", raw_level, LEVEL_MISSING))
                elif level not in RANK:
                    found.append(("riskLevel", raw_level, LEVEL_INVALID))
                message = get("message")
                if len(message) > MAX_MESSAGE or not MESSAGE_OK.match(message):
                    for reason in message_reasons(message):
                        found.append(("message", message, reason))
            if found:
                rejected += 1
                issues.extend((line, field, value, reason) for field, value, reason in found)
                if outcomes is not None:
                    outcomes.append("rejected")
                continue
            rank = RANK[level]
            previous = kept.get(ip)
            if previous is None:
                kept[ip] = [rank, message, line]
            else:
                merged += 1
                if rank < previous[0]:  # the new row wins, with its message
                    issues.append((previous[2], "ip", ip, merged_reason(line, rank, False)))
                    previous[:] = [rank, message, line]
                else:
                    issues.append((line, "ip", ip, merged_reason(previous[2], previous[0], rank == previous[0])))
            if outcomes is not None:
                outcomes.append("ok " + ip)
        issues.sort(key=lambda issue: issue[0])  # by line, as the importer reports them

    per_level = [0, 0, 0]
    for rank, _, _ in kept.values():
        per_level[rank] += 1
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    if outcomes is not None:
        with open(args.outcomes, "w") as out:
            out.write("\n".join(outcomes) + "\n")
    if args.issues:
        with open(args.issues, "w") as out:
            out.writelines("%d %s %s\n" % (line, field, reason) for line, field, _, reason in issues)
    print("rows %d" % rows)
    print("valid %d" % len(kept))
    print("rejected %d" % rejected)
    print("merged %d" % merged)
    print("issues %d" % len(issues))
    print("high %d" % per_level[0])
    print("medium %d" % per_level[1])
    print("low %d" % per_level[2])
    print("wall_ms %.0f" % (elapsed * 1000))
    print("cpu_ms %.0f" % ((usage.ru_utime + usage.ru_stime) * 1000))
    print("peak_rss_mb %.1f" % (usage.ru_maxrss / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main())
