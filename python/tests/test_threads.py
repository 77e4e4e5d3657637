"""The interpreter is released while a check or a scan runs: threads check concurrently, and a
check that waits on input does not stop the Python thread that provides it."""

import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

import model_licence as m

SUBJECTS = ["llama-3.3", "gemma", "qwen", "fixtures/modified/llama-3.3-70-million.md", "mistral-mrl"]


def test_threads_checking_at_once_get_the_reports_of_one_thread():
    alone = {subject: m.check(subject, users=800_000_000).to_json() for subject in SUBJECTS}
    with ThreadPoolExecutor(max_workers=8) as pool:
        runs = list(pool.map(lambda s: (s, m.check(s, users=800_000_000).to_json()), SUBJECTS * 8))
    assert all(json == alone[subject] for subject, json in runs)
    with ThreadPoolExecutor(max_workers=4) as pool:
        scans = list(pool.map(lambda _: [r.to_json() for r in m.scan("fixtures/modified")], range(4)))
    assert all(scan == scans[0] for scan in scans)


# A check reads a named pipe, which blocks until this thread writes to it. Were the interpreter
# held during the check, this thread could never write: the script would hang, and the timeout
# fail the test. The script runs in a process of its own so that a hang cannot hang pytest.
FIFO_SCRIPT = textwrap.dedent(
    """
    import os, sys, tempfile, threading
    import model_licence as m

    licence = sys.argv[1]
    for run, call in enumerate([lambda p: m.check(p), lambda p: m.scan([p])[0]]):
        fifo = os.path.join(tempfile.mkdtemp(), f"LICENSE-{run}")
        os.mkfifo(fifo)
        out = {}
        worker = threading.Thread(target=lambda: out.setdefault("report", call(fifo)))
        worker.start()
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(open(licence, encoding="utf-8").read())
        worker.join()
        print(out["report"].licence.id, out["report"].verdict)
    """
)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_the_interpreter_runs_while_a_check_waits():
    run = subprocess.run(
        [sys.executable, "-c", FIFO_SCRIPT, "licences/mit/LICENSE.txt"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.stderr == ""
    assert run.stdout.split("\n") == ["mit permitted", "mit permitted", ""]
