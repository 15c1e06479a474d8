#!/usr/bin/env python3
"""Deterministic input for benchmark P1: a CSV of risk rows (default 1,000,000 data rows).

Realistic mix: mostly valid public IPv4 and IPv6 (IPv6 also non-canonical: upper case, leading
zeros, fully expanded, IPv4-mapped), levels in any case, messages (some quoted, some empty),
duplicates, blank and comment lines, mixed LF/CRLF line ends, and a share of invalid rows of each
kind the importer names (CIDR, range, host name, integer, leading zero, part > 255, non-public,
zone id, bad/missing level, long message, bad characters, too many fields, quoted line break).

Usage: make_risk_csv.py OUTPUT [--rows N] [--seed S]
"""
import argparse
import random

MESSAGES = [
    "Scanner", "SSH brute force", "IPsum listed on 3 blocklists", "StopForumSpam 90d",
    "Tor exit node", "Credential stuffing", "Blocklist.de fail2ban report", "Feodo C2",
    "web-attack_probe", "Spamhaus DROP v1.2", "Password spray against SSO", "Botnet node",
]
LEVELS = ["HIGH", "MEDIUM", "LOW", "high", "Medium", "low", "High"]

# First octets that are entirely non-public or that hold non-public parts; public IPv4 is drawn
# from the rest so "valid" rows are valid.
BAD_FIRST = {0, 10, 100, 127, 169, 172, 192, 198, 203} | set(range(224, 256))


def public_v4(rng):
    while True:
        a = rng.randrange(1, 224)
        if a not in BAD_FIRST:
            return (a, rng.randrange(256), rng.randrange(256), rng.randrange(256))


def v4_text(o):
    return "%d.%d.%d.%d" % o


def public_v6(rng):
    """Groups of a global unicast address outside 2001:db8::/32 and 3fff::/20."""
    first = rng.choice([0x2001, 0x2400, 0x2600, 0x2a00, 0x2a01, 0x2604, 0x2c0f])
    second = rng.randrange(0x10000)
    if first == 0x2001 and second == 0x0db8:
        second = 0x0db9
    groups = [first, second] + [rng.randrange(0x10000) for _ in range(6)]
    # Real addresses have zero runs: make some.
    if rng.random() < 0.6:
        start = rng.randrange(2, 7)
        for i in range(start, min(8, start + rng.randrange(1, 4))):
            groups[i] = 0
    return groups


def v6_text(groups, style):
    if style == "expanded":
        return ":".join("%04x" % g for g in groups)
    if style == "upper":
        return compress(groups).upper()
    if style == "zeros":  # leading zeros, no compression
        return ":".join("%03x" % g if g < 0x1000 else "%x" % g for g in groups)
    return compress(groups)


def compress(groups):
    best, best_len, i = -1, 1, 0
    while i < 8:
        if groups[i]:
            i += 1
            continue
        j = i
        while j < 8 and groups[j] == 0:
            j += 1
        if j - i > best_len:
            best, best_len = i, j - i
        i = j
    if best < 0:
        return ":".join("%x" % g for g in groups)
    left = ":".join("%x" % g for g in groups[:best])
    right = ":".join("%x" % g for g in groups[best + best_len:])
    return left + "::" + right


def message(rng):
    r = rng.random()
    if r < 0.2:
        return ""
    if r < 0.45:
        return "Seen %d times in 24h" % rng.randrange(1, 400)
    return rng.choice(MESSAGES)


def row_text(ip, level, msg, rng):
    if msg and rng.random() < 0.1:
        msg = '"%s"' % msg.replace('"', '""')
    if rng.random() < 0.05:
        return " %s , %s , %s " % (ip, level, msg)
    if msg == "" and rng.random() < 0.5:
        return "%s,%s" % (ip, level)
    return "%s,%s,%s" % (ip, level, msg)


def invalid_row(rng, kind):
    lvl = rng.choice(LEVELS)
    o = public_v4(rng)
    if kind == "cidr":
        return "%s/%d,%s,CIDR" % (v4_text(o[:3] + (0,)), rng.choice([8, 16, 24, 32]), lvl)
    if kind == "cidr6":
        return "%s/64,%s,CIDR" % (compress(public_v6(rng)[:4] + [0] * 4), lvl)
    if kind == "range":
        return "%s-%s,%s,range" % (v4_text(o[:3] + (1,)), v4_text(o[:3] + (9,)), lvl)
    if kind == "host":
        return "scanner-%d.example.net,%s,host" % (rng.randrange(1000), lvl)
    if kind == "integer":
        return "%d,%s,integer" % (rng.randrange(16777216, 4294967295), lvl)
    if kind == "zero":
        return "%s.0%d.%d.%d,%s,leading zero" % (o[0], rng.randrange(1, 10), o[2], o[3], lvl)
    if kind == "big":
        return "%d.%d.%d.%d,%s,too big" % (o[0], rng.randrange(256, 1000), o[2], o[3], lvl)
    if kind == "private":
        ip = rng.choice(["10.%d.%d.%d" % o[1:], "192.168.%d.%d" % o[2:], "127.0.0.%d" % o[3],
                         "172.%d.%d.%d" % (rng.randrange(16, 32), o[2], o[3]), "100.64.%d.%d" % o[2:],
                         "fe80::%x" % rng.randrange(1, 65536), "fd%02x::%x" % (o[1], o[2] + 1),
                         "2001:db8::%x" % rng.randrange(1, 65536), "ff02::1", "::1", "::ffff:10.0.0.%d" % o[3],
                         "198.51.100.%d" % o[3], "224.0.0.%d" % o[3], "255.255.255.255"])
        return "%s,%s,private" % (ip, lvl)
    if kind == "zone":
        return "%s%%eth0,%s,zone" % (compress(public_v6(rng)), lvl)
    if kind == "level":
        return "%s,%s,bad level" % (v4_text(o), rng.choice(["CRITICAL", "5", "hi", "urgent"]))
    if kind == "nolevel":
        return v4_text(o)
    if kind == "long":
        return "%s,%s,%s" % (v4_text(o), lvl, "x" * rng.randrange(513, 700))
    if kind == "chars":
        return rng.choice(['%s,%s,"Brute force, SSH"', "%s,%s,see http://example.org/x",
                           '%s,%s,"He said ""hi"""', "%s,%s,Caf\u00e9 scanner", "%s,%s,tab\there"]) % (v4_text(o), lvl)
    if kind == "fields":
        return "%s,%s,msg,extra" % (v4_text(o), lvl)
    if kind == "linebreak":
        return '%s,%s,"first line\nsecond line"' % (v4_text(o), lvl)
    if kind == "noip":
        return ",%s,no ip" % lvl
    raise ValueError(kind)


INVALID_KINDS = ["cidr", "cidr6", "range", "host", "integer", "zero", "big", "private", "zone", "level",
                 "nolevel", "long", "chars", "fields", "linebreak", "noip"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--seed", type=int, default=20260822)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    recent = []  # valid ips written so far (text, v6 groups or None), for duplicates
    with open(args.output, "w", encoding="utf-8", newline="") as out:
        out.write("ip,riskLevel,message\n")
        for n in range(args.rows):
            if n % 5000 == 4999:
                out.write("# batch %d\n" % (n // 5000) if n % 10000 == 9999 else "\n")
            r = rng.random()
            if r < 0.80:
                ip = v4_text(public_v4(rng))
                recent.append((ip, None))
                line = row_text(ip, rng.choice(LEVELS), message(rng), rng)
            elif r < 0.86:
                if rng.random() < 0.15:
                    ip = "::ffff:" + v4_text(public_v4(rng))
                    recent.append((ip, None))
                else:
                    groups = public_v6(rng)
                    ip = v6_text(groups, rng.choice(["canonical", "canonical", "expanded", "upper", "zeros"]))
                    recent.append((ip, groups))
                line = row_text(ip, rng.choice(LEVELS), message(rng), rng)
            elif r < 0.90 and recent:
                ip, groups = recent[rng.randrange(max(0, len(recent) - 50000), len(recent))]
                if groups is not None:
                    ip = v6_text(groups, rng.choice(["canonical", "expanded", "upper"]))
                line = row_text(ip, rng.choice(LEVELS), message(rng), rng)
            else:
                line = invalid_row(rng, rng.choice(INVALID_KINDS))
            out.write(line + ("\r\n" if rng.random() < 0.1 else "\n"))


if __name__ == "__main__":
    main()
