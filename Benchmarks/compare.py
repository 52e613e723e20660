#!/usr/bin/env python3
"""Times MentorMatch's minimum-cost flow solves against OR-Tools, HiGHS and GLPK, and checks the objectives agree.

compare.sh prepares the machine and calls `run`. The other subcommands need no engine:

  solve-flow DIR           every stage of an `--export-flow` directory with every solver; checks flow.json's
                           objectives and exits 1 if one differs
  solve FILE --solver S    one solver on one DIMACS file; prints one JSON line
  stable FILE              a stable matching on a stage file's mentor-to-mentee arcs; prints one JSON line

Every solve runs in a child process of its own: the OR-Tools and highspy wheels each bundle a HiGHS build and cannot
be loaded into one process, and a child gives a large model's memory back when it ends.
"""
from __future__ import annotations

import argparse
import ctypes
import dataclasses
import datetime
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np

SCRIPT = Path(__file__).resolve()
SEED = 2024
# The generator's default of 0.4 mentors per young person gives about 50 candidate mentors each (districts of 2,500
# young people); a density D asks for D / 50 times as many mentors.
DEFAULT_DENSITY = 50
MENTORS_PER_DENSITY = 0.4 / DEFAULT_DENSITY
SOLVERS = {"ortools": "OR-Tools min-cost flow", "highs": "HiGHS simplex", "glpk": "GLPK simplex"}
NEWLINE, SPACE, ARC_MARK = ord("\n"), ord(" "), ord("a")


class BenchmarkError(Exception):
    """A failure explained to the person running the benchmark; no traceback needed."""


@dataclasses.dataclass
class FlowProblem:
    """A minimum-cost flow problem with 0-based node indices, one array entry per arc."""

    supplies: np.ndarray  # int64 per node: outflow - inflow
    tails: np.ndarray  # int32
    heads: np.ndarray  # int32
    lowers: np.ndarray  # int64
    uppers: np.ndarray  # int64
    costs: np.ndarray  # int64
    # 'c mentors FIRST LAST' and 'c mentees FIRST LAST', as 0-based half-open ranges.
    ranges: dict[str, range] = dataclasses.field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return len(self.supplies)

    @property
    def arc_count(self) -> int:
        return len(self.tails)

    def objective(self, flows: np.ndarray) -> int:
        """Sum of cost x flow, after checking that the integer flow meets every bound and every node's supply."""
        if np.any(flows < self.lowers) or np.any(flows > self.uppers):
            raise BenchmarkError("the solver's flow breaks an arc bound")
        outflow = np.bincount(self.tails, weights=flows, minlength=self.node_count)
        inflow = np.bincount(self.heads, weights=flows, minlength=self.node_count)
        if np.any(outflow - inflow != self.supplies):
            raise BenchmarkError("the solver's flow breaks a node's supply")
        return int(np.dot(flows, self.costs))


def read_dimacs(path: Path) -> FlowProblem:
    """Reads a DIMACS minimum-cost flow file: 10 million arcs take a few seconds.

    All arc lines are parsed by one np.fromstring call (np.loadtxt would take minutes): the few other lines are
    blanked out first and every `a` marker turned into a space.
    """
    raw = bytearray(path.read_bytes())
    text = np.frombuffer(raw, dtype=np.uint8)  # a writable view of raw
    starts = np.flatnonzero(text == NEWLINE) + 1
    starts = np.concatenate(([0], starts[starts < len(raw)]))
    header: tuple[int, int] | None = None
    supply_ids: list[int] = []
    supply_values: list[int] = []
    ranges: dict[str, range] = {}
    for start in starts[text[starts] != ARC_MARK].tolist():
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        line = raw[start:end].decode(errors="replace")
        fields = line.split()
        text[start:end] = SPACE
        try:
            if not fields or fields[0] == "c":
                if len(fields) == 4 and fields[1] in ("mentors", "mentees"):
                    ranges[fields[1]] = range(int(fields[2]) - 1, int(fields[3]))
            elif fields[0] == "p" and len(fields) == 4 and fields[1] == "min" and header is None:
                header = (int(fields[2]), int(fields[3]))
            elif fields[0] == "n" and len(fields) == 3:
                supply_ids.append(int(fields[1]) - 1)
                supply_values.append(int(fields[2]))
            else:
                raise ValueError
        except ValueError:
            line_number = raw.count(b"\n", 0, start) + 1
            raise BenchmarkError(f"{path}:{line_number}: unexpected line {line.strip()!r}") from None
    if header is None:
        raise BenchmarkError(f"{path}: no 'p min NODES ARCS' line")
    node_count, arc_count = header

    text[text == ARC_MARK] = SPACE
    del text
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # older numpy only warns when it stops at text it cannot read
        try:
            values = np.fromstring(bytes(raw), dtype=np.int64, sep=" ")
        except (ValueError, DeprecationWarning):
            values = None
    if values is None or values.size != 5 * arc_count:
        found = "" if values is None else f", found {values.size} integers"
        raise BenchmarkError(f"{path}: expected {arc_count} lines 'a TAIL HEAD LOW CAP COST' of integers{found}")
    arcs = values.reshape(arc_count, 5)

    supplies = np.zeros(node_count, dtype=np.int64)
    ids = np.asarray(supply_ids, dtype=np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= node_count):
        raise BenchmarkError(f"{path}: an 'n' line names a node outside 1...{node_count}")
    supplies[ids] = supply_values
    problem = FlowProblem(
        supplies=supplies,
        tails=(arcs[:, 0] - 1).astype(np.int32),
        heads=(arcs[:, 1] - 1).astype(np.int32),
        lowers=arcs[:, 2].copy(),
        uppers=arcs[:, 3].copy(),
        costs=arcs[:, 4].copy(),
        ranges=ranges,
    )
    ends = np.concatenate((arcs[:, 0], arcs[:, 1]))
    if arc_count and (ends.min() < 1 or ends.max() > node_count):
        raise BenchmarkError(f"{path}: an arc names a node outside 1...{node_count}")
    if np.any(problem.lowers > problem.uppers):
        raise BenchmarkError(f"{path}: an arc has LOW > CAP")
    if np.any(problem.tails == problem.heads):
        raise BenchmarkError(f"{path}: an arc is a loop (TAIL == HEAD)")
    if supplies.sum() != 0:
        raise BenchmarkError(f"{path}: the supplies add up to {supplies.sum()}, not 0")
    return problem


# MARK: - Solvers. Each returns (objective or None at the time limit, seconds of the solve call, seconds of the build).


def solve_ortools(problem: FlowProblem, time_limit: float) -> tuple[int | None, float, float]:
    """SimpleMinCostFlow, which knows no lower bounds (and no time limit).

    Each arc's lower bound is sent in advance: its tail supplies LOW less, its head LOW more, the arc keeps CAP - LOW,
    and LOW x COST is added to the optimum.
    """
    from ortools.graph.python import min_cost_flow

    begin = time.perf_counter()
    n = problem.node_count
    supplies = (
        problem.supplies
        - np.bincount(problem.tails, weights=problem.lowers, minlength=n).astype(np.int64)
        + np.bincount(problem.heads, weights=problem.lowers, minlength=n).astype(np.int64)
    )
    constant = int(np.dot(problem.lowers, problem.costs))
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        problem.tails, problem.heads, problem.uppers - problem.lowers, problem.costs
    )
    nodes = np.flatnonzero(supplies).astype(np.int32)
    flow.set_nodes_supplies(nodes, supplies[nodes])
    start = time.perf_counter()
    status = flow.solve()
    seconds = time.perf_counter() - start
    if status != flow.OPTIMAL:
        raise BenchmarkError(f"OR-Tools ended with status {min_cost_flow.SimpleMinCostFlow.Status(status).name}")
    return flow.optimal_cost() + constant, seconds, start - begin


def solve_highs(problem: FlowProblem, time_limit: float) -> tuple[int | None, float, float]:
    """The plain LP: a column per arc, an equality row per node (outflow - inflow = supply), simplex."""
    import highspy

    begin = time.perf_counter()
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("solver", "simplex")
    highs.setOptionValue("time_limit", float(time_limit))
    supplies = problem.supplies.astype(np.float64)
    no_entries = np.zeros(0, dtype=np.int32)
    highs.addRows(problem.node_count, supplies, supplies, 0,
                  np.zeros(problem.node_count, dtype=np.int32), no_entries, np.zeros(0))
    rows, values = column_entries(problem)
    m = problem.arc_count
    highs.addCols(m, problem.costs.astype(np.float64), problem.lowers.astype(np.float64),
                  problem.uppers.astype(np.float64), 2 * m,
                  np.arange(0, 2 * m, 2, dtype=np.int32), rows, values)
    start = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - start
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kTimeLimit:
        return None, seconds, start - begin
    if status != highspy.HighsModelStatus.kOptimal:
        raise BenchmarkError(f"HiGHS ended with status {highs.modelStatusToString(status)}")
    return problem.objective(integral(np.asarray(highs.getSolution().col_value), "HiGHS")), seconds, start - begin


def solve_glpk(problem: FlowProblem, time_limit: float) -> tuple[int | None, float, float]:
    """The same plain LP with GLPK's primal simplex, presolve off, from the standard basis."""
    import swiglpk as glpk

    begin = time.perf_counter()
    glpk.glp_term_out(glpk.GLP_OFF)
    lp = glpk.glp_create_prob()
    try:
        glpk.glp_set_obj_dir(lp, glpk.GLP_MIN)
        glpk.glp_add_rows(lp, problem.node_count)
        for row, supply in enumerate(problem.supplies.tolist(), start=1):
            glpk.glp_set_row_bnds(lp, row, glpk.GLP_FX, supply, supply)
        glpk.glp_add_cols(lp, problem.arc_count)
        # GLPK has no call that sets many bounds or costs at once.
        bounds = zip(problem.lowers.tolist(), problem.uppers.tolist(), problem.costs.tolist())
        for column, (lower, upper, cost) in enumerate(bounds, start=1):
            glpk.glp_set_col_bnds(lp, column, glpk.GLP_FX if lower == upper else glpk.GLP_DB, lower, upper)
            if cost:
                glpk.glp_set_obj_coef(lp, column, cost)
        rows, values = column_entries(problem)
        columns = np.repeat(np.arange(1, problem.arc_count + 1, dtype=np.intc), 2)
        glpk.glp_load_matrix(lp, len(rows), glpk_array(glpk.intArray, rows + 1, np.intc),
                             glpk_array(glpk.intArray, columns, np.intc),
                             glpk_array(glpk.doubleArray, values, np.double))
        params = glpk.glp_smcp()
        glpk.glp_init_smcp(params)
        params.msg_lev = glpk.GLP_MSG_OFF
        params.meth = glpk.GLP_PRIMAL
        params.presolve = glpk.GLP_OFF
        params.tm_lim = int(time_limit * 1000)
        start = time.perf_counter()
        code = glpk.glp_simplex(lp, params)
        seconds = time.perf_counter() - start
        if code == glpk.GLP_ETMLIM:
            return None, seconds, start - begin
        status = glpk.glp_get_status(lp)
        if code != 0 or status != glpk.GLP_OPT:
            raise BenchmarkError(f"GLPK ended with return code {code} and status {status} (GLP_OPT is {glpk.GLP_OPT})")
        flows = np.fromiter((glpk.glp_get_col_prim(lp, column) for column in range(1, problem.arc_count + 1)),
                            dtype=np.float64, count=problem.arc_count)
        return problem.objective(integral(flows, "GLPK")), seconds, start - begin
    finally:
        glpk.glp_delete_prob(lp)


def glpk_array(kind, values: np.ndarray, dtype) -> object:
    """A swiglpk array (1-based, as GLPK wants) filled by one memory copy.

    Setting items one by one takes a second per million, and swiglpk 5.0.13's as_intArray leaves the array unfilled.
    `int(array.this)` is the address of SWIG's C array.
    """
    values = np.ascontiguousarray(values, dtype=dtype)
    array = kind(len(values) + 1)
    ctypes.memmove(int(array.this) + values.itemsize, values.ctypes.data, values.nbytes)
    return array


def column_entries(problem: FlowProblem) -> tuple[np.ndarray, np.ndarray]:
    """Row indices and values of the node-arc incidence matrix, column by column: +1 at the tail, -1 at the head."""
    rows = np.empty(2 * problem.arc_count, dtype=np.int32)
    rows[0::2], rows[1::2] = problem.tails, problem.heads
    values = np.empty(2 * problem.arc_count)
    values[0::2], values[1::2] = 1.0, -1.0
    return rows, values


def integral(flows: np.ndarray, solver: str) -> np.ndarray:
    """An LP vertex of a network problem is integral; rounding only removes floating-point noise."""
    rounded = np.rint(flows)
    if flows.size and np.abs(flows - rounded).max() > 1e-6:
        raise BenchmarkError(f"{solver} returned a fractional flow")
    return rounded.astype(np.int64)


SOLVE = {"ortools": solve_ortools, "highs": solve_highs, "glpk": solve_glpk}


def solver_version(solver: str) -> str:
    if solver == "ortools":
        import ortools

        return f"OR-Tools {ortools.__version__}"
    if solver == "highs":
        import highspy

        return f"HiGHS {highspy.Highs().version()}"
    import swiglpk

    return f"GLPK {swiglpk.glp_version()}"


# MARK: - Stable matching


def stable_served(problem: FlowProblem, time_limit: float) -> tuple[int | None, float]:
    """Young people served by a stable matching (mentee-proposing deferred acceptance, mentors with capacities).

    Both sides rank their candidate pairs by fit (= -cost), higher first, ties by node id. A mentor's capacity is
    the total upper bound of its incoming arcs. Every stable matching serves the same number (rural hospitals
    theorem). Returns (None, seconds) at the time limit.
    """
    from matching import Player
    from matching.algorithms import hospital_resident
    from matching.players import Hospital

    if "mentors" not in problem.ranges or "mentees" not in problem.ranges:
        raise BenchmarkError("the stage file lacks 'c mentors FIRST LAST' or 'c mentees FIRST LAST'")
    mentors, mentees = problem.ranges["mentors"], problem.ranges["mentees"]
    capacity = np.bincount(problem.heads, weights=problem.uppers, minlength=problem.node_count).astype(np.int64)
    pairs = ((problem.tails >= mentors.start) & (problem.tails < mentors.stop)
             & (problem.heads >= mentees.start) & (problem.heads < mentees.stop))
    pairs &= capacity[problem.tails] > 0
    mentor, mentee, fit = problem.tails[pairs], problem.heads[pairs], -problem.costs[pairs]

    residents = {node: Player(node) for node in np.unique(mentee).tolist()}
    hospitals = {node: Hospital(node, int(capacity[node])) for node in np.unique(mentor).tolist()}
    for players, owner, other, side in ((residents, mentee, mentor, hospitals), (hospitals, mentor, mentee, residents)):
        order = np.lexsort((other, -fit, owner))
        owners, others = owner[order], other[order].tolist()
        bounds = np.flatnonzero(np.diff(owners)) + 1
        for node, first, last in zip(owners[np.concatenate(([0], bounds))].tolist(),
                                     [0, *bounds.tolist()], [*bounds.tolist(), len(others)]):
            players[node].set_prefs([side[o] for o in others[first:last]])

    def stop(signum, frame):
        raise TimeoutError

    # The algorithm is plain Python, so an interval timer can interrupt it.
    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    start = time.perf_counter()
    try:
        matched = hospital_resident(list(residents.values()), list(hospitals.values()), optimal="resident")
    except TimeoutError:
        return None, time.perf_counter() - start
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return sum(len(assigned) for assigned in matched.values()), time.perf_counter() - start


# MARK: - Child processes


def run_child(arguments: list[str], timeout: float) -> dict | None:
    """Runs `compare.py ARGUMENTS` in a new process and returns its JSON line, or None if it outlived `timeout`."""
    try:
        done = subprocess.run([sys.executable, str(SCRIPT), *arguments], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        how = (f"was killed by signal {-done.returncode} (out of memory?)" if done.returncode < 0
               else f"exited with {done.returncode}")
        raise BenchmarkError(f"compare.py {' '.join(arguments)} {how}:\n{done.stderr.strip()}")
    return json.loads(done.stdout)


def child_timeout(time_limit: float) -> float:
    """A safety net only: the solvers stop at the time limit, but reading and building a large model come on top."""
    return 2 * time_limit + 300


@dataclasses.dataclass
class Solve:
    objective: int | None  # None: stopped at the time limit
    seconds: float  # the solve call alone
    read_seconds: float
    build_seconds: float
    version: str

    @property
    def finished(self) -> bool:
        return self.objective is not None

    def overhead(self) -> str:
        if math.isnan(self.read_seconds):
            return "(stopped)"
        return f"(read {self.read_seconds:.2f} s, build {self.build_seconds:.2f} s)"


def solve_in_child(solver: str, path: Path, time_limit: float) -> Solve:
    answer = run_child(["solve", str(path), "--solver", solver, "--time-limit", str(time_limit)],
                       child_timeout(time_limit))
    if answer is None:
        return Solve(None, time_limit, float("nan"), float("nan"), "")
    return Solve(**answer)


# MARK: - Checking an exported flow directory


@dataclasses.dataclass
class Stage:
    name: str
    file: str
    nodes: int
    arcs: int
    objective: int  # MentorMatch's, from flow.json
    seconds: float  # MentorMatch's, from flow.json
    solves: dict[str, Solve]

    def disagreements(self) -> list[str]:
        return [f"stage '{self.name}' ({self.file}): {SOLVERS[solver]} found {solve.objective}, "
                f"MentorMatch {self.objective}"
                for solver, solve in self.solves.items() if solve.finished and solve.objective != self.objective]


@dataclasses.dataclass
class FlowCheck:
    engine: str
    stages: list[Stage]
    stable: int | None  # young people a stable matching serves; None at the time limit or if not run
    stable_seconds: float | None  # None if not run

    def disagreements(self) -> list[str]:
        return [line for stage in self.stages for line in stage.disagreements()]

    def unfinished(self) -> list[str]:
        return [f"{SOLVERS[solver]} on stage '{stage.name}'"
                for stage in self.stages for solver, solve in stage.solves.items() if not solve.finished]

    def total(self, solver: str) -> tuple[float, bool]:
        """Seconds over all stages, and whether every stage finished in time."""
        solves = [stage.solves[solver] for stage in self.stages]
        return sum(solve.seconds for solve in solves), all(solve.finished for solve in solves)


def read_size(path: Path) -> tuple[int, int]:
    """Nodes and arcs from the 'p min NODES ARCS' line, which comes before every 'n' and 'a' line."""
    with path.open() as lines:
        for line in lines:
            fields = line.split()
            if fields[:2] == ["p", "min"] and len(fields) == 4:
                return int(fields[2]), int(fields[3])
            if fields and fields[0] != "c":
                break
    raise BenchmarkError(f"{path}: no 'p min NODES ARCS' line before the first node or arc")


def check_flow(directory: Path, solvers: list[str], time_limit: float, stable: bool, log) -> FlowCheck:
    """Solves every stage of DIRECTORY/flow.json with every solver, printing a line per solve to `log`."""
    try:
        manifest = json.loads((directory / "flow.json").read_text())
        entries = [(entry["name"], entry["file"], int(entry["objective"]), float(entry["seconds"]))
                   for entry in manifest["stages"]]
        engine = manifest["solver"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BenchmarkError(f"{directory / 'flow.json'} is missing or not in the --export-flow format: "
                             f"{error!r}") from None
    stages = []
    for number, (name, file, objective, seconds) in enumerate(entries, start=1):
        path = directory / file
        nodes, arcs = read_size(path)
        print(f"stage {number} '{name}' ({file}: {nodes:,} nodes, {arcs:,} arcs): "
              f"MentorMatch {objective} in {seconds:.3f} s", file=log, flush=True)
        stage = Stage(name, file, nodes, arcs, objective, seconds, {})
        for solver in solvers:
            stage.solves[solver] = solve = solve_in_child(solver, path, time_limit)
            if solve.finished:
                verdict = "agrees" if solve.objective == objective else "DIFFERS from MentorMatch"
                line = f"{solve.objective}  {verdict}  solve {solve.seconds:.3f} s"
            else:
                line = f"time limit (> {time_limit:g} s), not compared"
            print(f"  {SOLVERS[solver]:<24}{line}  {solve.overhead()}", file=log, flush=True)
        stages.append(stage)
    check = FlowCheck(engine, stages, None, None)
    if stable and stages:
        # The last stage is the one whose mentor-to-mentee arcs cost -fit.
        answer = run_child(["stable", str(directory / stages[-1].file), "--time-limit", str(time_limit)],
                           child_timeout(time_limit))
        check.stable, check.stable_seconds = (answer["served"], answer["seconds"]) if answer else (None, time_limit)
        print(f"stable matching on {stages[-1].file}: "
              + (f"{check.stable:,} young people served in {check.stable_seconds:.2f} s" if check.stable is not None
                 else f"time limit (> {time_limit:g} s)"), file=log, flush=True)
    return check


# MARK: - The whole benchmark


@dataclasses.dataclass
class Row:
    density: int  # the candidate mentors per young person asked for
    mentees: int
    mentors: int
    candidate_pairs: int
    served: int
    status: str  # the engine's solver status; the solve time means little unless "optimal"
    wall_seconds: float
    peak_rss_mb: float
    timings: dict[str, float]
    check: FlowCheck


def engine(mm: Path, *arguments: str) -> None:
    done = subprocess.run([str(mm), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise BenchmarkError(f"mentormatch {arguments[0]} exited with {done.returncode}:\n{done.stderr.strip()}")


def match_arguments(directory: Path, out: str) -> list[str]:
    return ["match", "--mentors", str(directory / "mentors.csv"), "--mentees", str(directory / "mentees.csv"),
            "--places", str(directory / "places.csv"), "--policy", str(directory / "policy.yaml"),
            "--out", str(directory / out), "--format", "json"]


def timed_match(mm: Path, directory: Path) -> tuple[float, float]:
    """Runs `mentormatch match` as a user runs it (no flow export) under /usr/bin/time -v; returns wall seconds and
    peak RSS in MB."""
    report = directory / "time.txt"
    engine(Path("/usr/bin/time"), "-v", "-o", str(report), str(mm), *match_arguments(directory, "out"))
    fields = dict(line.strip().rsplit(": ", 1) for line in report.read_text().splitlines() if ": " in line)
    try:
        elapsed = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
        peak_kb = int(fields["Maximum resident set size (kbytes)"])
    except (KeyError, ValueError):
        raise BenchmarkError(f"{report} is not GNU time's -v report") from None
    wall = sum(float(part) * 60**power for power, part in enumerate(reversed(elapsed.split(":"))))
    return wall, peak_kb / 1024


def read_result(path: Path) -> tuple[dict, dict[str, float], str]:
    try:
        result = json.loads(path.read_text())
        summary, timings, status = result["summary"], result["timings"], result["solver"]["status"]
        for key in ("mentors", "mentees", "served", "candidate_pairs"):
            int(summary[key])
        float(timings["solve"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BenchmarkError(f"{path} lacks summary.{{mentors,mentees,served,candidate_pairs}}, timings.solve or "
                             f"solver.status: {error!r}") from None
    return summary, timings, status


def command_run(args: argparse.Namespace) -> None:
    rows: list[Row] = []
    problems: list[str] = []
    started = datetime.datetime.now().astimezone()
    try:
        for size, density in ((size, density) for density in args.densities for size in args.sizes):
            directory = args.work / (str(size) if density == DEFAULT_DENSITY else f"{size}-density-{density}")
            mentors = round(size * density * MENTORS_PER_DENSITY)
            print(f"== {size:,} young people, {mentors:,} mentors (density {density}; {directory})",
                  file=sys.stderr, flush=True)
            for stale in ("out", "flow-run", "flow", "time.txt"):  # never check an earlier run's files
                path = directory / stale
                shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
            # After the clean-up: an output folder holding folders MentorMatch did not write is refused.
            engine(args.mm, "generate", "--mentees", str(size), "--mentors", str(mentors), "--seed", str(SEED),
                   "--out", str(directory))
            wall, peak = timed_match(args.mm, directory)
            summary, timings, status = read_result(directory / "out" / "result.json")
            # The networks for the other solvers come from a second, untimed run: writing them is no part of a match.
            engine(args.mm, *match_arguments(directory, "flow-run"), "--export-flow", str(directory / "flow"))
            print(f"mentormatch match: {wall:.2f} s, peak RSS {peak:.0f} MB, solve {timings['solve']:.3f} s "
                  f"({status}), {summary['candidate_pairs']:,} candidate pairs, {summary['served']:,} served",
                  file=sys.stderr, flush=True)
            check = check_flow(directory / "flow", args.solvers, args.time_limit, True, sys.stderr)
            rows.append(Row(density, int(summary["mentees"]), int(summary["mentors"]), int(summary["candidate_pairs"]),
                            int(summary["served"]), status, wall, peak, timings, check))
            problems += [f"{size:,} young people, {line}" for line in check.disagreements()]
            if args.strict:
                problems += [f"{size:,} young people: {what} hit the time limit" for what in check.unfinished()]
    finally:
        if rows:  # the sizes that finished are reported even if a later one failed
            report = render(rows, args, started)
            print(report)
            path = args.work / f"compare-{started:%Y-%m-%d-%H%M%S}.md"
            path.write_text(report)
            print(f"Wrote {path}", file=sys.stderr)
    if problems:
        raise BenchmarkError("the check failed:\n  " + "\n  ".join(problems))


# MARK: - The report


def seconds_text(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def table(header: list[str], rows: list[list[str]], text_columns: tuple[str, ...] = ()) -> list[str]:
    """A markdown table, numbers right-aligned."""
    rule = "|" + "|".join(":---" if name in text_columns else "---:" for name in header) + "|"
    return ["| " + " | ".join(header) + " |", rule, *("| " + " | ".join(row) + " |" for row in rows)]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(rows: list[Row], args: argparse.Namespace, started: datetime.datetime) -> str:
    from importlib.metadata import version

    solvers = args.solvers
    versions = {solver: next((solve.version for row in rows for stage in row.check.stages
                              for name, solve in stage.solves.items() if name == solver and solve.version),
                             SOLVERS[solver])
                for solver in solvers}
    methods = {"ortools": "SimpleMinCostFlow",
               "highs": "simplex on the plain LP (HiGHS's other defaults, so presolve on)",
               "glpk": "primal simplex on the plain LP, presolve off (via swiglpk)"}
    lines = [
        f"# MentorMatch against other minimum-cost flow solvers, {started:%Y-%m-%d %H:%M %Z}",
        "",
        f"- Machine: {platform.machine()}, {cpu_model()}, {os.cpu_count()} cores",
        f"- Command: `{args.command}`",
        f"- MentorMatch: {rows[0].check.engine}; input from `mentormatch generate --mentees N --mentors M --seed {SEED}`"
        f" with M = N × density × {MENTORS_PER_DENSITY:g} (density: candidate mentors per young person asked for; "
        "the candidate pairs column shows what the rules let through)",
        "- Others: " + "; ".join(f"{versions[solver]} {methods[solver]}" for solver in solvers)
        + f"; stable matching: matching {version('matching')}, mentee-proposing",
        "- Solver times are the solve call alone, summed over the stages; reading the DIMACS files and building the "
        f"models are excluded (they are in the per-stage table). Time limit: {args.time_limit:g} s per solve; "
        f"'> {args.time_limit:g}' marks a solve stopped there, whose objective is not compared.",
        "",
    ]
    lines += end_to_end(rows, args)
    header = ["Young people", "Mentors", "Candidate pairs", "MentorMatch whole run (s)", "MentorMatch solve (s)",
              "Peak RSS (MB)", *(f"{SOLVERS[solver]} (s)" for solver in solvers)]
    if "ortools" in solvers:
        header.append("OR-Tools / MentorMatch solve")
    header += ["Objectives agree", "Stable matching served"]
    body = []
    for row in rows:
        check = row.check
        cells = [f"{row.mentees:,}", f"{row.mentors:,}", f"{row.candidate_pairs:,}", seconds_text(row.wall_seconds),
                 seconds_text(row.timings["solve"]) + ("" if row.status == "optimal" else f" ({row.status})"),
                 f"{row.peak_rss_mb:,.0f}"]
        for solver in solvers:
            total, finished = check.total(solver)
            cells.append(seconds_text(total) if finished else f"> {args.time_limit:g}")
        if "ortools" in solvers:
            total, finished = check.total("ortools")
            cells.append(f"{total / row.timings['solve']:.3g}" if finished and row.timings["solve"] > 0 else "–")
        solves = sum(len(stage.solves) for stage in check.stages)
        compared = solves - len(check.unfinished())
        cells.append("**no**" if check.disagreements()
                     else "yes" if compared == solves else f"yes ({compared} of {solves} solves)")
        if check.stable is None:
            cells.append(f"> {args.time_limit:g} s")
        elif row.served > 0:
            cells.append(f"{check.stable:,} ({100 * (row.served - check.stable) / row.served:.1f} % fewer "
                         f"than {row.served:,})")
        else:
            cells.append(f"{check.stable:,}")
        body.append(cells)
    lines += table(header, body, ("Objectives agree", "Stable matching served"))

    lines += ["", "## Per stage", "",
              "Seconds of the solve call, then of reading the DIMACS file and building the solver's model.", ""]
    body = []
    for row in rows:
        for stage in row.check.stages:
            cells = [f"{row.mentees:,}", stage.name, f"{stage.nodes:,}", f"{stage.arcs:,}", str(stage.objective),
                     seconds_text(stage.seconds)]
            for solver in solvers:
                solve = stage.solves[solver]
                cells.append(f"{seconds_text(solve.seconds) if solve.finished else f'> {args.time_limit:g}'} "
                             f"{solve.overhead()}")
            body.append(cells)
    lines += table(["Young people", "Stage", "Nodes", "Arcs", "Objective", "MentorMatch (s)",
                    *(f"{SOLVERS[solver]} (s)" for solver in solvers)], body, ("Stage",))

    return "\n".join(lines) + "\n"


def stage_names(rows: list[Row]) -> list[str]:
    known = ["reading", "candidates", "model", "solve", "explanations", "writing"]  # the order the engine runs them
    stages = [stage for stage in known if stage in rows[0].timings]
    return stages + sorted(set(rows[0].timings) - set(known))


def end_to_end(rows: list[Row], args: argparse.Namespace) -> list[str]:
    """The whole run against OR-Tools' bare solve of the same graph, with every stage and the peak memory."""
    stages = stage_names(rows)
    lines = ["## End to end against OR-Tools' solve alone", "",
             "Whole run: `mentormatch match` from reading the CSV files to the last byte of `result.json`, under "
             "/usr/bin/time, without `--export-flow` (the networks come from a second, untimed run); the stage columns are "
             "`result.json`'s timings, and the `result.json` column is the rest of the wall time: encoding "
             "`result.json`, writing `result.xlsx` and `map.svg`, and process start and exit. OR-Tools: its "
             "`SimpleMinCostFlow` solve calls alone on the same stage networks. Ratio: whole run / OR-Tools.", ""]
    header = ["Young people", "Density", "Candidate pairs", "Whole run (s)", *(f"{stage} (s)" for stage in stages),
              "result.json (s)"]
    has_ortools = "ortools" in args.solvers
    if has_ortools:
        header += ["OR-Tools solve (s)", "Ratio"]
    header.append("Peak RSS (MB)")
    body = []
    for row in rows:
        timed = [float(row.timings.get(stage, 0)) for stage in stages]
        cells = [f"{row.mentees:,}", str(row.density), f"{row.candidate_pairs:,}", seconds_text(row.wall_seconds),
                 *(seconds_text(seconds) for seconds in timed), seconds_text(max(0.0, row.wall_seconds - sum(timed)))]
        if has_ortools:
            total, finished = row.check.total("ortools")
            cells += [seconds_text(total), f"{row.wall_seconds / total:.2f}" if finished and total > 0 else "–"]
        cells.append(f"{row.peak_rss_mb:,.0f}")
        body.append(cells)
    return lines + table(header, body) + [""]


# MARK: - Command line


def command_solve(args: argparse.Namespace) -> None:
    start = time.perf_counter()
    problem = read_dimacs(args.file)
    read_seconds = time.perf_counter() - start
    objective, seconds, build_seconds = SOLVE[args.solver](problem, args.time_limit)
    print(json.dumps({"objective": objective, "seconds": seconds, "read_seconds": read_seconds,
                      "build_seconds": build_seconds, "version": solver_version(args.solver)}))


def command_stable(args: argparse.Namespace) -> None:
    served, seconds = stable_served(read_dimacs(args.file), args.time_limit)
    print(json.dumps({"served": served, "seconds": seconds}))


def command_solve_flow(args: argparse.Namespace) -> None:
    check = check_flow(args.directory, args.solvers, args.time_limit, not args.no_stable, sys.stdout)
    if check.disagreements():
        raise BenchmarkError("objectives differ:\n  " + "\n  ".join(check.disagreements()))
    compared = sum(len(stage.solves) for stage in check.stages) - len(check.unfinished())
    print(f"All {compared} finished solves agree with flow.json.")


def solver_list(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in SOLVERS]
    if not names or unknown:
        raise argparse.ArgumentTypeError(f"use some of {','.join(SOLVERS)}")
    return [name for name in SOLVERS if name in names]


def size_list(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        sizes = []
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("use positive integers separated by commas, such as 1000,10000")
    return sizes


def positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise argparse.ArgumentTypeError("use a positive number of seconds")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command_name", required=True)

    def with_limit(command: argparse.ArgumentParser) -> argparse.ArgumentParser:
        command.add_argument("--time-limit", type=positive, default=120.0,
                             help="seconds per HiGHS or GLPK solve and per stable matching (default 120)")
        return command

    run = with_limit(commands.add_parser("run", help="the whole benchmark; compare.sh calls it"))
    run.add_argument("--mm", type=Path, required=True, help="the mentormatch binary")
    run.add_argument("--work", type=Path, required=True, help="directory for inputs, outputs and the report")
    run.add_argument("--sizes", type=size_list, required=True, help="young people per run, such as 1000,10000")
    run.add_argument("--densities", type=size_list, default=[DEFAULT_DENSITY],
                     help=f"candidate mentors per young person, such as 50,100 (default {DEFAULT_DENSITY})")
    run.add_argument("--solvers", type=solver_list, default=list(SOLVERS), help="some of ortools,highs,glpk")
    run.add_argument("--strict", action="store_true", help="fail if any solve stops at the time limit")
    run.add_argument("--command", default=" ".join(sys.argv), help="the command line to name in the report")
    run.set_defaults(handler=command_run)

    flow = with_limit(commands.add_parser("solve-flow", help="check every stage of an --export-flow directory"))
    flow.add_argument("directory", type=Path)
    flow.add_argument("--solvers", type=solver_list, default=list(SOLVERS), help="some of ortools,highs,glpk")
    flow.add_argument("--no-stable", action="store_true", help="skip the stable matching")
    flow.set_defaults(handler=command_solve_flow)

    solve = with_limit(commands.add_parser("solve", help="one solver on one DIMACS file; prints JSON"))
    solve.add_argument("file", type=Path)
    solve.add_argument("--solver", choices=list(SOLVERS), required=True)
    solve.set_defaults(handler=command_solve)

    stable = with_limit(commands.add_parser("stable", help="a stable matching on a stage file's pairs; prints JSON"))
    stable.add_argument("file", type=Path)
    stable.set_defaults(handler=command_stable)

    args = parser.parse_args()
    try:
        args.handler(args)
    except (BenchmarkError, OSError) as error:
        sys.exit(f"error: {error}")


if __name__ == "__main__":
    main()
