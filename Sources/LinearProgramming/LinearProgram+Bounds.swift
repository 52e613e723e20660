extension LinearProgram {
    /// Changes a variable's bounds; `nil` removes a side.
    public mutating func setBounds(of variable: VariableID, lower: Double?, upper: Double?) {
        updateVariable(variable) {
            $0.lowerBound = lower
            $0.upperBound = upper
        }
    }
}
