"""Coverage-guided fuzzing of the auditor (atheris, see atheris_audit.py), started from our own corpus of
report paragraphs and, where ../shared is present, the seed report's lines: no exception, no input over the
time limit, memory under the limit. In `make test` a fixed seed and a fixed number of runs, so that CI repeats
the same inputs; ten minutes from a random seed with DEVPLAN_FUZZ=long."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SEED
from tests.reliability.fuzzing import LONG, SECONDS_PER_INPUT
from tests.reliability.record import record

CORPUS = ROOT / "tests" / "reader" / "corpus" / "paragraphs.json"
RSS_LIMIT_MB = 1024


def _write_corpus(folder: Path) -> int:
    lines = [case["text"] for case in json.loads(CORPUS.read_text(encoding="utf-8"))["paragraphs"]]
    if SEED.exists():
        lines += [line for line in SEED.read_text(encoding="utf-8").splitlines() if any(c.isdigit() for c in line)]
    for number, line in enumerate(lines):
        (folder / f"line{number:04d}").write_bytes(line.encode("utf-8"))
    return len(lines)


def test_atheris_finds_no_input_that_breaks_the_auditor(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    starting = _write_corpus(corpus)
    seconds = 600 if LONG else 120
    budget = [f"-max_total_time={seconds}"] if LONG else ["-seed=20261129", "-runs=8000", f"-max_total_time={seconds}"]
    # libFuzzer's memory limit reads its process's peak RSS, which Linux carries over an exec from the process
    # that forked it: started straight from a pytest worker of 1 GB, the fuzzer had "used" 1043 MB before its
    # first input (CI failed so). A shell in between forks it afresh.
    run = subprocess.run(
        ["/bin/sh", "-c", '"$@"; exit $?', "sh",
         sys.executable, "-m", "tests.reliability.atheris_audit", str(corpus), *budget,
         f"-timeout={int(SECONDS_PER_INPUT)}", f"-rss_limit_mb={RSS_LIMIT_MB}", "-max_len=4096",
         f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, cwd=ROOT, timeout=seconds + 120,
    )
    found = sorted(p for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    # atheris prints a Python exception's traceback on standard output and libFuzzer's verdict on standard
    # error; the input itself is shown so that a failure in CI can be replayed (`atheris_audit FILE`).
    inputs = "\n".join(f"{p.name}: {p.read_bytes().decode('utf-8', errors='replace')!r}" for p in found)
    assert run.returncode == 0 and not found, (
        f"atheris found {inputs}\n{run.stdout[-3000:]}\n{run.stderr[-1500:]}")
    runs = int(re.search(r"Done (\d+) runs", run.stderr).group(1))
    coverage = re.findall(r"cov: (\d+)", run.stderr)
    record("fuzz", "auditor atheris (coverage-guided)", uses_db=False, examples=runs, long=LONG, crashes=0,
           outcomes={"starting corpus": starting, "branches covered": int(coverage[-1]) if coverage else 0,
                     "seconds limit": seconds})
