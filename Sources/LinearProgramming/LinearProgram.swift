/// The position of a variable in a ``LinearProgram``.
public struct VariableID: Sendable, Hashable, Comparable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: VariableID, rhs: VariableID) -> Bool { lhs.index < rhs.index }
}

/// The position of a constraint in a ``LinearProgram``.
public struct ConstraintID: Sendable, Hashable, Comparable {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (lhs: ConstraintID, rhs: ConstraintID) -> Bool { lhs.index < rhs.index }
}

/// One coefficient of a constraint row.
public struct Term: Sendable, Hashable {
    public var variable: VariableID
    public var coefficient: Double
    public init(_ variable: VariableID, _ coefficient: Double) {
        self.variable = variable
        self.coefficient = coefficient
    }
}

/// A decision variable with bounds, integrality and an objective coefficient.
public struct Variable: Sendable, Hashable {
    /// A name for LP files and messages: letters, digits and `_.` only, at most 255 characters.
    public var name: String
    /// `nil` means minus infinity.
    public var lowerBound: Double?
    /// `nil` means plus infinity.
    public var upperBound: Double?
    public var isInteger: Bool
    public var objectiveCoefficient: Double

    public init(name: String, lowerBound: Double? = 0, upperBound: Double? = nil, isInteger: Bool = false, objectiveCoefficient: Double = 0) {
        self.name = name
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.isInteger = isInteger
        self.objectiveCoefficient = objectiveCoefficient
    }
}

/// A row `lowerBound ≤ Σ coefficient·variable ≤ upperBound`; a `nil` bound is absent.
public struct Constraint: Sendable, Hashable {
    public var name: String
    /// At most one term per variable (``ModelValidator`` rejects repeats).
    public var terms: [Term]
    public var lowerBound: Double?
    public var upperBound: Double?

    public init(name: String, terms: [Term], lowerBound: Double? = nil, upperBound: Double? = nil) {
        self.name = name
        self.terms = terms
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}

/// A solver-neutral linear or mixed-integer programme.
///
/// The value knows nothing of any solver: backends translate it, after ``ModelValidator`` has accepted it.
public struct LinearProgram: Sendable, Hashable {
    public enum Sense: String, Sendable, Hashable, Codable {
        case minimize
        case maximize
    }

    public var name: String
    public var sense: Sense
    public private(set) var variables: [Variable] = []
    public private(set) var constraints: [Constraint] = []
    public var objectiveConstant: Double = 0

    public init(name: String = "model", sense: Sense) {
        self.name = name
        self.sense = sense
    }

    /// Whether any variable must take an integer value.
    public var hasIntegerVariables: Bool { variables.contains(where: \.isInteger) }

    public var nonZeroCount: Int { constraints.reduce(0) { $0 + $1.terms.count } }

    @discardableResult
    public mutating func addVariable(_ variable: Variable) -> VariableID {
        variables.append(variable)
        return VariableID(variables.count - 1)
    }

    @discardableResult
    public mutating func addVariable(
        name: String, lowerBound: Double? = 0, upperBound: Double? = nil, isInteger: Bool = false, objective: Double = 0
    ) -> VariableID {
        addVariable(Variable(name: name, lowerBound: lowerBound, upperBound: upperBound, isInteger: isInteger, objectiveCoefficient: objective))
    }

    @discardableResult
    public mutating func addConstraint(_ constraint: Constraint) -> ConstraintID {
        constraints.append(constraint)
        return ConstraintID(constraints.count - 1)
    }

    @discardableResult
    public mutating func addConstraint(
        name: String, terms: [Term], lowerBound: Double? = nil, upperBound: Double? = nil
    ) -> ConstraintID {
        addConstraint(Constraint(name: name, terms: terms, lowerBound: lowerBound, upperBound: upperBound))
    }

    public mutating func setObjectiveCoefficient(_ coefficient: Double, for variable: VariableID) {
        variables[variable.index].objectiveCoefficient = coefficient
    }

    mutating func updateVariable(_ variable: VariableID, _ change: (inout Variable) -> Void) {
        change(&variables[variable.index])
    }

    /// The objective value of a point, constant included.
    public func objectiveValue(at values: [Double]) -> Double {
        zip(variables, values).reduce(objectiveConstant) { $0 + $1.0.objectiveCoefficient * $1.1 }
    }

    /// The left-hand side of a constraint at a point.
    public func activity(of constraint: ConstraintID, at values: [Double]) -> Double {
        constraints[constraint.index].terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}
