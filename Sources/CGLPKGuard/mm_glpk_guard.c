#include "mm_glpk_guard.h"

#include <glpk.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { message_capacity = 2048 };

/// GLPK numbers rows and columns from 1 and ignores element 0 of its arrays; every conversion goes through here.
static inline int glpk_index(int zero_based_index) { return zero_based_index + 1; }

// MARK: - Messages and GLPK's error path

static void append_message(mm_glpk_result *result, const char *text) {
    if (result->message == NULL) return;
    size_t used = strlen(result->message);
    if (used + 1 >= message_capacity) return;
    strncat(result->message, text, message_capacity - used - 1);
}

/// GLPK's terminal hook: keeps the text for the caller; returning nonzero stops GLPK from printing it.
static int capture_terminal_output(void *info, const char *text) {
    append_message(info, text);
    return 1;
}

typedef struct guard_frame {
    jmp_buf landing;
} guard_frame;

/// GLPK's error hook: GLPK calls abort() if this returns, so it never does.
static void land_on_glpk_error(void *info) { longjmp(((guard_frame *)info)->landing, 1); }

/// Allocates inside the guard; a failure takes GLPK's error path so the caller sees it like any GLPK error.
static void *allocate_or_fail(size_t count, size_t size) {
    void *memory = calloc(count > 0 ? count : 1, size);
    if (memory == NULL) glp_error("mm_glpk_guard: out of memory\n");
    return memory;
}

// MARK: - Solving a loaded problem

/// GLPK's bound type for a pair of bounds in which an infinity means "absent".
static int glpk_bound_type(double lower, double upper) {
    const bool has_lower = isfinite(lower), has_upper = isfinite(upper);
    if (!has_lower && !has_upper) return GLP_FR;
    if (!has_upper) return GLP_LO;
    if (!has_lower) return GLP_UP;
    return lower == upper ? GLP_FX : GLP_DB;
}

static double finite_or_zero(double bound) { return isfinite(bound) ? bound : 0.0; }

static void read_solution(glp_prob *lp, mm_glpk_result *result) {
    result->column_values = allocate_or_fail((size_t)result->column_count, sizeof(double));
    result->row_duals = allocate_or_fail((size_t)result->row_count, sizeof(double));
    for (int row = 0; row < result->row_count; row++) {
        result->row_duals[row] = glp_get_row_dual(lp, glpk_index(row));
    }
    for (int column = 0; column < result->column_count; column++) {
        result->column_values[column] = result->intopt_ran ? glp_mip_col_val(lp, glpk_index(column))
                                                           : glp_get_col_prim(lp, glpk_index(column));
    }
}

/// Rounds the bounds of integer columns inward, as glp_intopt rejects fractional ones (GLP_EBOUND); a tolerance keeps
/// a bound computed as 2.0000000001 at 2. Returns the 0-based index of a column left without an integer value, or -1.
static int make_integer_bounds_integral(glp_prob *lp) {
    const double tolerance = 1e-9;
    for (int column = 0; column < glp_get_num_cols(lp); column++) {
        const int j = glpk_index(column);
        if (glp_get_col_kind(lp, j) != GLP_IV) continue;
        const int type = glp_get_col_type(lp, j);
        const bool has_lower = type == GLP_LO || type == GLP_DB || type == GLP_FX;
        const bool has_upper = type == GLP_UP || type == GLP_DB || type == GLP_FX;
        const double lower = has_lower ? ceil(glp_get_col_lb(lp, j) - tolerance) : -INFINITY;
        const double upper = has_upper ? floor(glp_get_col_ub(lp, j) + tolerance) : INFINITY;
        if (lower > upper) return column;
        glp_set_col_bnds(lp, j, glpk_bound_type(lower, upper), finite_or_zero(lower), finite_or_zero(upper));
    }
    return -1;
}

static void solve_loaded(glp_prob *lp, mm_glpk_settings settings, mm_glpk_result *result) {
    const double start_ms = glp_time();
    result->row_count = glp_get_num_rows(lp);
    result->column_count = glp_get_num_cols(lp);
    result->integer_column_count = glp_get_num_int(lp);
    result->empty_integer_column = make_integer_bounds_integral(lp);
    if (result->empty_integer_column >= 0) return;
    const bool limited = settings.time_limit_ms >= 0;

    // Primal simplex from the all-slack basis, which is primal feasible for the assignment programmes and beat the
    // dual simplex 7–8x there; GLPK's presolve changed nothing on them.
    glp_smcp simplex;
    glp_init_smcp(&simplex);
    simplex.msg_lev = GLP_MSG_OFF;
    simplex.meth = GLP_PRIMAL;
    simplex.presolve = GLP_OFF;
    simplex.tm_lim = limited ? settings.time_limit_ms : INT_MAX;

    result->simplex_return_code = glp_simplex(lp, &simplex);
    result->simplex_status = glp_get_status(lp);
    result->simplex_iteration_count = glp_get_it_cnt(lp);
    result->relaxation_objective = glp_get_obj_val(lp);

    // Without its presolver glp_intopt needs an optimal relaxation basis (else it returns GLP_EROOT).
    if (result->integer_column_count > 0 && result->simplex_return_code == 0 && result->simplex_status == GLP_OPT) {
        glp_iocp branch_and_cut;
        glp_init_iocp(&branch_and_cut);
        branch_and_cut.msg_lev = GLP_MSG_OFF;
        branch_and_cut.presolve = GLP_OFF;
        branch_and_cut.mip_gap = settings.mip_gap;
        if (settings.cutting_planes) {
            branch_and_cut.mir_cuts = GLP_ON;
            branch_and_cut.cov_cuts = GLP_ON;
            branch_and_cut.clq_cuts = GLP_ON;
            branch_and_cut.gmi_cuts = GLP_ON;
        }
        if (limited) {
            const double remaining_ms = settings.time_limit_ms - (glp_time() - start_ms);
            branch_and_cut.tm_lim = remaining_ms > 0 ? (int)remaining_ms : 0;
        }
        result->intopt_ran = true;
        result->intopt_return_code = glp_intopt(lp, &branch_and_cut);
        result->mip_status = glp_mip_status(lp);
        result->mip_objective = glp_mip_obj_val(lp);
    }
    read_solution(lp, result);
}

// MARK: - The guard

/// Fills a fresh problem; returns false when there is nothing to solve (the reason is in `result`).
typedef bool (*problem_loader)(glp_prob *lp, void *source, mm_glpk_result *result);

static void create_solve_delete(problem_loader load, void *source, mm_glpk_settings settings,
                                mm_glpk_result *result) {
    glp_prob *lp = glp_create_prob();
    if (load(lp, source, result)) solve_loaded(lp, settings, result);
    glp_delete_prob(lp);
}

/// Runs `load` and the solve between setjmp and GLPK's error hook.
///
/// No local variable of this function changes between setjmp and a longjmp, so none needs `volatile`: everything
/// the solve produces is written through `result` and `source`, which live in the caller's frame.
static void run_guarded(problem_loader load, void *source, mm_glpk_settings settings, mm_glpk_result *result) {
    memset(result, 0, sizeof *result);
    result->empty_integer_column = -1;
    result->message = calloc(message_capacity, 1);

    guard_frame frame;
    glp_term_hook(capture_terminal_output, result);
    glp_error_hook(land_on_glpk_error, &frame);
    if (setjmp(frame.landing) == 0) {
        create_solve_delete(load, source, settings, result);
        // The hooks point into this frame: unset them before it ends.
        glp_error_hook(NULL, NULL);
        glp_term_hook(NULL, NULL);
    } else {
        result->glpk_error_caught = true;
        // Frees every GLPK object of this thread, the half-built problem included, and resets the hooks.
        glp_free_env();
    }
}

// MARK: - Loaders

typedef struct model_source {
    const mm_glpk_problem *problem;
    // GLPK's 1-based copies of the triplets, freed by the caller even when GLPK's error path ran.
    int *glpk_rows;
    int *glpk_columns;
    double *glpk_values;
} model_source;

static bool load_model(glp_prob *lp, void *context, mm_glpk_result *result) {
    (void)result;
    model_source *source = context;
    const mm_glpk_problem *problem = source->problem;

    glp_set_obj_dir(lp, problem->maximize ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(lp, 0, problem->objective_constant);
    // GLPK rejects adding zero rows or columns.
    if (problem->row_count > 0) glp_add_rows(lp, problem->row_count);
    if (problem->column_count > 0) glp_add_cols(lp, problem->column_count);
    for (int row = 0; row < problem->row_count; row++) {
        const double lower = problem->row_lower_bounds[row], upper = problem->row_upper_bounds[row];
        glp_set_row_bnds(lp, glpk_index(row), glpk_bound_type(lower, upper), finite_or_zero(lower),
                         finite_or_zero(upper));
    }
    for (int column = 0; column < problem->column_count; column++) {
        const double lower = problem->column_lower_bounds[column], upper = problem->column_upper_bounds[column];
        glp_set_col_bnds(lp, glpk_index(column), glpk_bound_type(lower, upper), finite_or_zero(lower),
                         finite_or_zero(upper));
        glp_set_col_kind(lp, glpk_index(column), problem->column_is_integer[column] ? GLP_IV : GLP_CV);
        glp_set_obj_coef(lp, glpk_index(column), problem->objective_coefficients[column]);
    }

    const size_t slots = (size_t)problem->nonzero_count + 1;
    source->glpk_rows = allocate_or_fail(slots, sizeof(int));
    source->glpk_columns = allocate_or_fail(slots, sizeof(int));
    source->glpk_values = allocate_or_fail(slots, sizeof(double));
    for (int entry = 0; entry < problem->nonzero_count; entry++) {
        source->glpk_rows[glpk_index(entry)] = glpk_index(problem->nonzero_rows[entry]);
        source->glpk_columns[glpk_index(entry)] = glpk_index(problem->nonzero_columns[entry]);
        source->glpk_values[glpk_index(entry)] = problem->nonzero_values[entry];
    }
    glp_load_matrix(lp, problem->nonzero_count, source->glpk_rows, source->glpk_columns, source->glpk_values);
    return true;
}

typedef struct lp_text_source {
    const char *text;
    // The temporary file, removed by the caller even when GLPK's error path ran; empty until created.
    char path[PATH_MAX];
} lp_text_source;

static bool write_temporary_file(lp_text_source *source) {
    const char *directory = getenv("TMPDIR");
    snprintf(source->path, sizeof source->path, "%s/mentormatch-lp-XXXXXX",
             directory != NULL && directory[0] != '\0' ? directory : "/tmp");
    const int descriptor = mkstemp(source->path);
    if (descriptor < 0) {
        source->path[0] = '\0';
        return false;
    }
    const size_t length = strlen(source->text);
    size_t written = 0;
    while (written < length) {
        const ssize_t step = write(descriptor, source->text + written, length - written);
        if (step < 0 && errno == EINTR) continue;
        if (step <= 0) break;
        written += (size_t)step;
    }
    const bool complete = written == length;
    const int saved_errno = errno;
    close(descriptor);
    errno = saved_errno;
    return complete;
}

static bool load_lp_text(glp_prob *lp, void *context, mm_glpk_result *result) {
    lp_text_source *source = context;
    if (!write_temporary_file(source)) {
        glp_error("mm_glpk_guard: cannot write a temporary LP file: %s\n", strerror(errno));
    }
    if (glp_read_lp(lp, NULL, source->path) != 0) {
        result->lp_text_rejected = true;
        return false;
    }
    return true;
}

static bool load_duplicate_entry(glp_prob *lp, void *context, mm_glpk_result *result) {
    (void)context;
    (void)result;
    glp_add_rows(lp, 1);
    glp_add_cols(lp, 1);
    const int rows[] = {0, glpk_index(0), glpk_index(0)};
    const int columns[] = {0, glpk_index(0), glpk_index(0)};
    const double values[] = {0, 1, 2};
    glp_load_matrix(lp, 2, rows, columns, values);
    return true;
}

// MARK: - Entry points

void mm_glpk_solve(const mm_glpk_problem *problem, mm_glpk_settings settings, mm_glpk_result *result) {
    model_source source = {.problem = problem};
    run_guarded(load_model, &source, settings, result);
    free(source.glpk_rows);
    free(source.glpk_columns);
    free(source.glpk_values);
}

void mm_glpk_solve_lp_text(const char *lp_text, mm_glpk_settings settings, mm_glpk_result *result) {
    lp_text_source source = {.text = lp_text};
    run_guarded(load_lp_text, &source, settings, result);
    if (source.path[0] != '\0') unlink(source.path);
}

void mm_glpk_provoke_error_for_testing(mm_glpk_result *result) {
    const mm_glpk_settings no_limits = {.time_limit_ms = -1, .mip_gap = 0, .cutting_planes = false};
    run_guarded(load_duplicate_entry, NULL, no_limits, result);
}

void mm_glpk_release_result(mm_glpk_result *result) {
    free(result->message);
    free(result->column_values);
    free(result->row_duals);
    result->message = NULL;
    result->column_values = NULL;
    result->row_duals = NULL;
}
