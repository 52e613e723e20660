import Foundation
import Matching
import NetworkFlow

/// The files of `--export-flow`: each flow the run solved as `stage-N.min` (DIMACS), and `flow.json` listing them
/// with their optimal costs, so that another solver can be run on exactly the same networks and compared.
public enum FlowExport {
    struct Listing: Encodable {
        var solver: String
        var stages: [Stage]
    }

    struct Stage: Encodable {
        var name: String
        var file: String
        /// The optimal Σ cost × flow.
        var objective: Int64
        var seconds: Double
        var nodes: Int
        var arcs: Int
    }

    /// The files by name, for ``AtomicOutput``.
    /// - Throws: ``FormatError`` when `flow.json` cannot be encoded.
    public static func files(_ stages: [FlowStage], solver: String) throws(FormatError) -> [String: Data] {
        var files: [String: Data] = [:]
        var listing = Listing(solver: solver, stages: [])
        for (index, stage) in stages.enumerated() {
            let file = "stage-\(index + 1).min"
            files[file] = Data(stage.dimacsText.utf8)
            listing.stages.append(
                Stage(
                    name: stage.name, file: file, objective: stage.cost, seconds: stage.seconds,
                    nodes: stage.network.nodeCount, arcs: stage.network.arcCount
                )
            )
        }
        files["flow.json"] = try JSONOutput.data(listing, output: "flow.json")
        return files
    }
}
