#ifndef MM_GLPK_GUARD_H
#define MM_GLPK_GUARD_H

/*
 * Runs a whole GLPK solve behind a setjmp guard.
 *
 * GLPK reacts to an internal error (a duplicate matrix entry, an index out of range) by printing and calling
 * abort(). Each entry point below creates, solves and deletes its problem on the calling thread inside one call;
 * an error hook longjmps back to that call, which then frees the thread's GLPK environment and reports the error
 * in `mm_glpk_result.glpk_error_caught` instead of ending the process. GLPK's terminal output is captured into
 * `mm_glpk_result.message`, never printed.
 *
 * All arrays in this interface are 0-based; GLPK's 1-based indexing stays inside the implementation.
 * Each call frees every GLPK object of the calling thread if an error occurs, so no other GLPK problem may be
 * alive on that thread during a call.
 */

#include <stdbool.h>

/// A linear or mixed-integer programme in 0-based arrays. A bound of -INFINITY or +INFINITY is absent.
typedef struct mm_glpk_problem {
    int row_count;
    int column_count;
    bool maximize;
    const double *row_lower_bounds;       ///< row_count entries
    const double *row_upper_bounds;       ///< row_count entries
    const double *column_lower_bounds;    ///< column_count entries
    const double *column_upper_bounds;    ///< column_count entries
    const bool *column_is_integer;        ///< column_count entries
    const double *objective_coefficients; ///< column_count entries
    double objective_constant;
    int nonzero_count;
    const int *nonzero_rows;              ///< nonzero_count row indices, each in 0..<row_count
    const int *nonzero_columns;           ///< nonzero_count column indices, each in 0..<column_count
    const double *nonzero_values;         ///< nonzero_count coefficients
} mm_glpk_problem;

/// Limits for one solve.
typedef struct mm_glpk_settings {
    /// Wall-clock limit in milliseconds for simplex and branch-and-cut together; negative for none.
    int time_limit_ms;
    /// Relative MIP gap at which branch-and-cut may stop; 0 demands proven optimality.
    double mip_gap;
    /// Whether branch-and-cut adds GLPK's MIR, cover, clique and Gomory cuts.
    bool cutting_planes;
} mm_glpk_settings;

/// What one guarded call produced. The call fills it; release it with `mm_glpk_release_result`.
typedef struct mm_glpk_result {
    /// GLPK's error path ran and the guard recovered; the other fields are incomplete.
    bool glpk_error_caught;
    /// glp_read_lp rejected the LP text; `message` holds its diagnostics.
    bool lp_text_rejected;
    /// GLPK's terminal output (errors, reader diagnostics), NUL-terminated, possibly truncated.
    char *message;

    int row_count;
    int column_count;
    int integer_column_count;
    /// The 0-based index of an integer column whose bounds hold no integer (nothing was solved), or -1.
    int empty_integer_column;
    /// column_count values: of the MIP incumbent when branch-and-cut ran, else of the simplex basis.
    double *column_values;
    /// row_count duals of the LP relaxation solved by the simplex.
    double *row_duals;

    /// The return code of glp_simplex (0, GLP_ETMLIM, GLP_EFAIL, ...).
    int simplex_return_code;
    /// glp_get_status after the simplex (GLP_OPT, GLP_FEAS, GLP_NOFEAS, GLP_UNBND, ...).
    int simplex_status;
    int simplex_iteration_count;
    /// The objective of the simplex basis, constant included: the LP relaxation bound when optimal.
    double relaxation_objective;

    /// glp_intopt ran: some column is integer and the relaxation was solved to optimality.
    bool intopt_ran;
    /// The return code of glp_intopt (0, GLP_ETMLIM, GLP_EMIPGAP, ...).
    int intopt_return_code;
    /// glp_mip_status after glp_intopt (GLP_OPT, GLP_FEAS, GLP_NOFEAS, GLP_UNDEF).
    int mip_status;
    /// The objective of the MIP incumbent, constant included.
    double mip_objective;
} mm_glpk_result;

/// Solves `problem` with the primal simplex, then branch-and-cut when a column is integer.
///
/// Bounds of integer columns are rounded inward to integers first (with a tolerance of 1e-9).
void mm_glpk_solve(const mm_glpk_problem *problem, mm_glpk_settings settings, mm_glpk_result *result);

/// Reads a CPLEX LP text with glp_read_lp (through a temporary file) and solves it as `mm_glpk_solve` does.
void mm_glpk_solve_lp_text(const char *lp_text, mm_glpk_settings settings, mm_glpk_result *result);

/// Loads a matrix with a duplicate entry inside the guard, so tests can prove that GLPK's error path is recovered.
void mm_glpk_provoke_error_for_testing(mm_glpk_result *result);

/// Frees the arrays and message of a result filled by one of the calls above.
void mm_glpk_release_result(mm_glpk_result *result);

#endif
