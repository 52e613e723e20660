// Integrators import only `MentorMatch`: the domain, matching and format types come with it.
@_exported import LinearProgramming
@_exported import Matching
@_exported import MentorMatchCore
@_exported import MentorMatchFormats
@_exported import NetworkFlow
@_exported import Planning
