// Integrators import only `MentorMatch`. It re-exports what a caller of the facade touches, and nothing else (the
// solver backends, the synthetic population generator and the C modules stay out):
// - MentorMatchCore: people, places, the policy, input issues;
// - Matching: results, explanations, the engine and its preparation;
// - MentorMatchFormats: input files and documents, result files, FormatError;
// - Planning: scenarios, plans, recruitment answers;
// - LinearProgramming and NetworkFlow: the solver protocols, to inject another solver into MentorMatcher.
// Scheduling is re-exported by MentorScheduler.swift.
@_exported import LinearProgramming
@_exported import Matching
@_exported import MentorMatchCore
@_exported import MentorMatchFormats
@_exported import NetworkFlow
@_exported import Planning
