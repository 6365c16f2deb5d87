"""``make bench`` / ``python -m bench [--quick]``: the till's latency and footprint on a big catalogue.

Prints a table (value, target, pass/fail and the raw-sqlite3 floor of each figure) and writes
``bench/results.json``. See docs/BENCHMARKS.md for what each figure means.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = REPO / "build" / "bench-cache"


@dataclass(frozen=True)
class Profile:
    products: int
    scans: int
    search_names: int
    sales: int
    start_runs: int
    output: Path


FULL = Profile(products=1_000_000, scans=500, search_names=25, sales=300, start_runs=3,
               output=REPO / "bench" / "results.json")
QUICK = Profile(products=20_000, scans=100, search_names=6, sales=60, start_runs=3,
                output=REPO / "build" / "bench" / "results-quick.json")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK.products:,} products and fewer samples: checks the harness in under a minute "
                             f"(writes {QUICK.output.relative_to(REPO)})")
    parser.add_argument("--products", type=int, help="catalogue size (default: 1,000,000; --quick: 20,000)")
    parser.add_argument("--output", type=Path, help="where to write the results JSON")
    parser.add_argument("--keep-scratch", action="store_true", help="keep the per-run copy of the ledger")
    parser.add_argument("--seed", type=int, default=1, help="seed for picking products and carts")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its target")
    sections = parser.add_mutually_exclusive_group()
    sections.add_argument("--no-sync", action="store_true", help="only the till figures (skip the sync section)")
    sections.add_argument("--sync-only", action="store_true", help="only the sync section")
    return parser.parse_args(list(argv))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} cores, {cpu}, {system}, Python {platform.python_version()}"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    profile = QUICK if args.quick else FULL
    products = args.products or profile.products
    output = args.output or profile.output
    if args.output is None and (args.sync_only or args.no_sync):  # a partial run never replaces the full figures
        part = "sync" if args.sync_only else "till"
        output = REPO / "build" / "bench" / f"results-{part}{'-quick' * args.quick}.json"
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    began = time.perf_counter()
    load_at_start = os.getloadavg()[0]
    from bench.startup import Spawner, bench_startup

    spawner = Spawner()  # first, while this process is small: see bench/spawner.py

    from bench.app_bench import first_code, run_in_process
    from bench.catalogue import cached_ledger, scratch_copy
    from bench.report import Result, table, write_json
    from bench.scratch import scratch_dir
    from bench.sync_bench import FULL_SYNC, QUICK_SYNC, run_sync_bench
    from pos.ledger.db import DB_FILENAME

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {text}", flush=True)

    sync_profile = QUICK_SYNC if args.quick else FULL_SYNC
    say(f"Mostrador bench: {products:,} products ({'quick' if args.quick else 'full'}) on {machine()}")
    results: list[Result] = []
    sync_results: list[Result] = []
    for stale in CACHE.glob("run-*"):  # left behind by an interrupted run (not one still going)
        if time.time() - stale.stat().st_mtime > 6 * 3600:
            shutil.rmtree(stale, ignore_errors=True)
    till_s = sync_s = 0.0
    with scratch_dir(CACHE, keep=args.keep_scratch, say=say) as scratch:
        try:
            if not args.sync_only:
                started = time.perf_counter()
                cached = cached_ledger(CACHE, products)
                say("catalogue: " + (f"generated in {cached.generated_s:.1f} s" if cached.generated_s is not None
                                     else f"cached ({cached.data_dir.relative_to(REPO)})"))
                if cached.generated_s is not None:
                    results.append(Result("catalogue_generation", cached.generated_s, "s", None,
                                          note=f"{products:,} products via load_catalogue + ensure_users; cached"))
                copy_started = time.perf_counter()
                data_dir = scratch_copy(cached, scratch)
                size_mb = (data_dir / DB_FILENAME).stat().st_size / 2**20
                say(f"scratch copy {data_dir} ({size_mb:.0f} MB) in {time.perf_counter() - copy_started:.1f} s")
                rng = random.Random(args.seed)
                results += run_in_process(data_dir, products, scans=profile.scans, searches_from=profile.search_names,
                                          sales=profile.sales, rng=rng, say=say)
                say(f"cold start: {profile.start_runs} × main.py --data-dir (and {profile.start_runs} × the sqlite3 "
                    "floor)…")
                results += bench_startup(spawner, data_dir, scratch, profile.start_runs,
                                         first_code(data_dir / DB_FILENAME))
                till_s = time.perf_counter() - started
            spawner.close()
            if not args.no_sync:
                started = time.perf_counter()
                say(f"sync: {sync_profile.pull_products:,}-product store, {sync_profile.backlog_sales:,}-sale backlog, "
                    f"{sync_profile.window_s:.0f} s GUI phases; the store runs in its own process")
                sync_results = run_sync_bench(sync_profile, CACHE, scratch / "sync", random.Random(args.seed), say)
                sync_s = time.perf_counter() - started
        finally:
            spawner.close()

    write_json(results + sync_results, output)
    runtime = time.perf_counter() - began
    print()
    print(f"Mostrador bench — {products:,} products, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {machine()}")
    print(f"load average during the run: {load_at_start:.2f} at start, {os.getloadavg()[0]:.2f} at end "
          "(other processes on the machine inflate the tail percentiles)")
    if results:
        print(table(results))
    if sync_results:
        print()
        print(f"Sync — store: sandbox in its own process over HTTP on 127.0.0.1; till: SyncEngine + "
              f"WooCommerceConnector ({sync_s:.0f} s)")
        print(table(sync_results, floor_label="floor"))
    print()
    sections = f" (till {till_s:.0f} s, sync {sync_s:.0f} s)" if results and sync_results else ""
    print(f"wrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output}; "
          f"bench runtime {runtime:.0f} s{sections}")
    return 1 if args.strict and any(r.passed is False for r in results + sync_results) else 0


if __name__ == "__main__":
    sys.exit(main())
