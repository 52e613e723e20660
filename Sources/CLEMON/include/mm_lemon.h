#ifndef MM_LEMON_H
#define MM_LEMON_H

/*
 * LEMON 1.3.1's network simplex behind a plain C function.
 *
 * Every C++ exception (out of memory included) is caught inside and reported as MM_LEMON_ERROR with its message;
 * nothing is thrown across this boundary and nothing aborts. All arrays are 0-based and indexed as the caller's
 * network: node i, arc a.
 *
 * The caller validates first (Swift's FlowNetworkValidator): node indices in range, 0 <= lower <= upper, supplies
 * summing to 0 with sum |supply| <= INT32_MAX, |cost| <= 2^40, arc_count + 2 * node_count + 1 <= INT32_MAX and
 * node_count * max |cost| * 4 <= INT64_MAX. Those keep every index, flow and potential within LEMON's types.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// How a call ended.
typedef enum mm_lemon_status {
    /// The outputs hold an optimal flow, node potentials and its cost.
    MM_LEMON_OPTIMAL = 0,
    /// No flow meets the bounds and supplies.
    MM_LEMON_INFEASIBLE = 1,
    /// A negative-cost cycle of unlimited capacity; cannot happen with Int32 upper bounds.
    MM_LEMON_UNBOUNDED = 2,
    /// Out of memory or another failure; `error_message` says what happened.
    MM_LEMON_ERROR = 3,
} mm_lemon_status;

/// Solves the minimum-cost flow problem: outflow - inflow = supplies[v] at every node, lowers[a] <= flow[a] <=
/// uppers[a], minimising sum costs[a] * flow[a].
///
/// On MM_LEMON_OPTIMAL, writes `out_flows` (arc_count entries), `out_potentials` (node_count entries) with
/// costs[a] + potential[tails[a]] - potential[heads[a]] >= 0 on arcs below their upper bound and <= 0 on arcs above
/// their lower bound, and `*out_total_cost`; after any other status their contents are unspecified. A total cost
/// beyond 64 bits is MM_LEMON_ERROR. On MM_LEMON_ERROR, writes a NUL-terminated message of at most `error_capacity`
/// bytes (none when the capacity is 0).
mm_lemon_status mm_lemon_network_simplex(int32_t node_count, const int64_t *supplies, int32_t arc_count,
                                         const int32_t *tails, const int32_t *heads, const int32_t *lowers,
                                         const int32_t *uppers, const int64_t *costs, int32_t *out_flows,
                                         int64_t *out_potentials, int64_t *out_total_cost, char *error_message,
                                         size_t error_capacity);

#ifdef __cplusplus
}
#endif

#endif
