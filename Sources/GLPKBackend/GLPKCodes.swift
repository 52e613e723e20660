import CGLPK

/// A return code of `glp_simplex` or `glp_intopt`: why the routine stopped.
enum GLPKReturnCode: Sendable, Hashable {
    case success
    case invalidBasis
    case singularMatrix
    case illConditionedMatrix
    case invalidBounds
    case solverFailed
    case objectiveLowerLimitReached
    case objectiveUpperLimitReached
    case iterationLimit
    case timeLimit
    case noPrimalFeasibleSolution
    case noDualFeasibleSolution
    case rootRelaxationNotOptimal
    case stoppedByApplication
    case relativeGapReached
    case unknown(Int32)

    init(_ code: Int32) {
        self =
            switch code {
            case 0: .success
            case GLP_EBADB: .invalidBasis
            case GLP_ESING: .singularMatrix
            case GLP_ECOND: .illConditionedMatrix
            case GLP_EBOUND: .invalidBounds
            case GLP_EFAIL: .solverFailed
            case GLP_EOBJLL: .objectiveLowerLimitReached
            case GLP_EOBJUL: .objectiveUpperLimitReached
            case GLP_EITLIM: .iterationLimit
            case GLP_ETMLIM: .timeLimit
            case GLP_ENOPFS: .noPrimalFeasibleSolution
            case GLP_ENODFS: .noDualFeasibleSolution
            case GLP_EROOT: .rootRelaxationNotOptimal
            case GLP_ESTOP: .stoppedByApplication
            case GLP_EMIPGAP: .relativeGapReached
            default: .unknown(code)
            }
    }
}

/// A solution status from `glp_get_status` or `glp_mip_status`: what the routine holds.
enum GLPKSolutionStatus: Sendable, Hashable {
    case undefined
    case feasible
    case infeasible
    case noFeasibleSolution
    case optimal
    case unbounded
    case unknown(Int32)

    init(_ status: Int32) {
        self =
            switch status {
            case GLP_UNDEF: .undefined
            case GLP_FEAS: .feasible
            case GLP_INFEAS: .infeasible
            case GLP_NOFEAS: .noFeasibleSolution
            case GLP_OPT: .optimal
            case GLP_UNBND: .unbounded
            default: .unknown(status)
            }
    }

    /// Whether the routine holds a point that satisfies every constraint (and, after `glp_intopt`, integrality).
    var hasFeasiblePoint: Bool { self == .feasible || self == .optimal }
}
