#!/usr/bin/env python3
"""Writes a random --export-flow directory, to test compare.py without the engine.

  synthetic_flow.py DIR [--mentees N] [--seed S] [--pairs-per-mentee D]

DIR gets stage-1.min, stage-2.min and flow.json in the engine's contract, with both objectives found by OR-Tools, and
a JSON summary goes to stdout. The network has the shape of MentorMatch's lexicographic model:

  source -> mentor        first place (cost -USED in stage 2) and the other places
  mentor -> young person  a candidate pair: cost 0, then -fit (0...1000); about 1 % locked (LOW = CAP = 1)
  young person -> local or remote collector -> sink
  source -> sink          everyone the matching leaves out

Stage 1 rewards each young person served with -WEIGHT, remote ones with -(WEIGHT + 1); stage 2 holds both counts at
stage 1's optimum, with a fixed arc (remote) and a lower bound (local), and maximises mentors used and fit.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from compare import FlowProblem, solve_ortools

SOURCE, SINK, LOCAL, REMOTE = range(4)
USED = 2000


def candidate_network(mentees: int, seed: int, pairs_per_mentee: int) -> tuple[FlowProblem, dict, np.ndarray]:
    """The stage-1 network, its summary, and the indices of the arcs that stage 2 changes."""
    rng = np.random.default_rng(seed)
    mentors = max(1, (2 * mentees + 2) // 5)  # the generator's default: one mentor per 2.5 young people
    first_mentor, first_mentee = 4, 4 + mentors
    capacity = rng.choice([1, 2, 3, 4], size=mentors, p=[0.4, 0.3, 0.2, 0.1])
    remote = rng.random(mentees) < 0.15

    degree = rng.integers(0, 2 * pairs_per_mentee + 1, size=mentees)
    pair_mentee = np.repeat(np.arange(mentees), degree)
    pair_mentor = rng.integers(0, mentors, size=pair_mentee.size)
    keys = np.unique(pair_mentor.astype(np.int64) * mentees + pair_mentee)  # sorted by mentor, duplicates gone
    pair_mentor, pair_mentee = keys // mentees, keys % mentees
    fit = rng.integers(0, 1001, size=keys.size)

    # Locks: distinct young people, at most a mentor's capacity each.
    locked = np.zeros(keys.size, dtype=bool)
    room = capacity.copy()
    taken = np.zeros(mentees, dtype=bool)
    for pair in rng.choice(keys.size, size=min(keys.size, mentees // 100), replace=False).tolist():
        if room[pair_mentor[pair]] > 0 and not taken[pair_mentee[pair]]:
            locked[pair] = True
            room[pair_mentor[pair]] -= 1
            taken[pair_mentee[pair]] = True

    weight = 10 ** len(str(mentees))  # more than the remote young people, so stage 1's optimum decodes
    more = capacity > 1
    tails = [[SOURCE], np.full(mentors, SOURCE), np.full(more.sum(), SOURCE), first_mentor + pair_mentor,
             first_mentee + np.arange(mentees), [LOCAL, REMOTE]]
    heads = [[SINK], first_mentor + np.arange(mentors), first_mentor + np.flatnonzero(more),
             first_mentee + pair_mentee, np.where(remote, REMOTE, LOCAL), [SINK, SINK]]
    lowers = [[0], np.zeros(mentors), np.zeros(more.sum()), locked, np.zeros(mentees), [0, 0]]
    uppers = [[mentees], np.ones(mentors), capacity[more] - 1, np.ones(keys.size), np.ones(mentees),
              [mentees, mentees]]
    costs = [[0], np.zeros(mentors), np.zeros(more.sum()), np.zeros(keys.size), np.zeros(mentees),
             [-weight, -weight - 1]]
    supplies = np.zeros(first_mentee + mentees, dtype=np.int64)
    supplies[SOURCE], supplies[SINK] = mentees, -mentees
    problem = FlowProblem(
        supplies=supplies,
        tails=np.concatenate(tails).astype(np.int32),
        heads=np.concatenate(heads).astype(np.int32),
        lowers=np.concatenate(lowers).astype(np.int64),
        uppers=np.concatenate(uppers).astype(np.int64),
        costs=np.concatenate(costs).astype(np.int64),
        ranges={"mentors": range(first_mentor, first_mentee), "mentees": range(first_mentee, first_mentee + mentees)},
    )
    first_pair = 1 + mentors + int(more.sum())
    changed = {"first_places": np.arange(1, 1 + mentors), "pairs": np.arange(first_pair, first_pair + keys.size),
               "collectors": np.array([problem.arc_count - 2, problem.arc_count - 1]), "fit": fit}
    summary = {"mentors": mentors, "mentees": mentees, "candidate_pairs": int(keys.size), "weight": weight}
    return problem, summary, changed


def write_dimacs(problem: FlowProblem, path: Path, title: str) -> None:
    """Writes the contract's DIMACS text: comments, 'p', nonzero supplies, then arcs in 1-based ids."""
    mentors, mentees = problem.ranges["mentors"], problem.ranges["mentees"]
    with path.open("w") as out:
        out.write(f"c {title}\nc mentors {mentors.start + 1} {mentors.stop}\nc mentees {mentees.start + 1} "
                  f"{mentees.stop}\np min {problem.node_count} {problem.arc_count}\n")
        for node in np.flatnonzero(problem.supplies).tolist():
            out.write(f"n {node + 1} {problem.supplies[node]}\n")
        out.write("c arcs: tail head low cap cost\n")  # a comment among the arcs, as a parser must allow
        columns = (problem.tails + 1, problem.heads + 1, problem.lowers, problem.uppers, problem.costs)
        for start in range(0, problem.arc_count, 1_000_000):
            chunk = zip(*(column[start:start + 1_000_000].tolist() for column in columns))
            out.write("".join(f"a {t} {h} {lo} {up} {c}\n" for t, h, lo, up, c in chunk))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--mentees", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pairs-per-mentee", type=int, default=20, help="mean candidate pairs per young person")
    args = parser.parse_args()
    args.directory.mkdir(parents=True, exist_ok=True)

    problem, summary, changed = candidate_network(args.mentees, args.seed, args.pairs_per_mentee)
    write_dimacs(problem, args.directory / "stage-1.min", "stage 1: served+remote_served")
    objective1, seconds1, _ = solve_ortools(problem, 0)
    served, remote = divmod(-objective1, summary["weight"])

    problem.costs[:] = 0
    problem.costs[changed["first_places"]] = -USED
    problem.costs[changed["pairs"]] = -changed["fit"]
    local_arc, remote_arc = changed["collectors"]
    problem.lowers[local_arc] = served - remote  # a lower bound: more cannot be served anyway
    problem.lowers[remote_arc] = problem.uppers[remote_arc] = remote  # a fixed arc
    write_dimacs(problem, args.directory / "stage-2.min", "stage 2: mentors_used+fit")
    objective2, seconds2, _ = solve_ortools(problem, 0)

    (args.directory / "flow.json").write_text(json.dumps({
        "stages": [
            {"name": "served+remote_served", "file": "stage-1.min", "objective": objective1, "seconds": seconds1},
            {"name": "mentors_used+fit", "file": "stage-2.min", "objective": objective2, "seconds": seconds2},
        ],
        "solver": "synthetic_flow.py (objectives from OR-Tools)",
    }, indent=2) + "\n")
    print(json.dumps({**summary, "served": int(served), "served_remote": int(remote)}))


if __name__ == "__main__":
    main()
