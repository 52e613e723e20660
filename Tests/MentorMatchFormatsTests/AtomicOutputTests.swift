import Foundation
import MentorMatchFormats
import Testing

struct AtomicOutputTests {
    @Test func writesEveryFileAndCreatesTheDirectory() throws {
        let directory = try TemporaryDirectory()
        let target = directory.url.appendingPathComponent("out/run-1")
        let files = ["assignments.csv": Data("mentor_id,mentee_id\nM01,Y001\n".utf8), "summary.json": Data("{}".utf8)]
        try AtomicOutput.write(files, to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted() == files.keys.sorted())
        for (name, data) in files {
            #expect(try Data(contentsOf: target.appendingPathComponent(name)) == data)
        }
    }

    @Test func replacesExistingFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("summary.json", Data("old".utf8))
        try directory.write("keep.txt", Data("untouched".utf8))
        try AtomicOutput.write(["summary.json": Data("new".utf8)], to: directory.url)
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("summary.json")) == Data("new".utf8))
        #expect(try directory.contents() == ["keep.txt", "summary.json"])
    }

    @Test func leavesNothingWhenTheTargetIsAFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("out", Data("a file".utf8))
        #expect(throws: AtomicOutputError.self) {
            try AtomicOutput.write(["a.csv": Data("x".utf8)], to: directory.url.appendingPathComponent("out"))
        }
        #expect(try directory.contents() == ["out"])
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("out")) == Data("a file".utf8))
    }

    /// A name longer than the file system allows fails while staging, after other files were staged.
    @Test func leavesNothingWhenOneFileCannotBeWritten() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.csv", Data("old".utf8))
        let files = ["a.csv": Data("new".utf8), "b.csv": Data("new".utf8), String(repeating: "z", count: 300): Data()]
        #expect(throws: AtomicOutputError.self) {
            try AtomicOutput.write(files, to: directory.url)
        }
        #expect(try directory.contents() == ["a.csv"])
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("a.csv")) == Data("old".utf8))
    }

    @Test(arguments: ["", "..", "sub/a.csv"])
    func rejectsNamesThatAreNotPlainFileNames(name: String) throws {
        let directory = try TemporaryDirectory()
        let target = directory.url.appendingPathComponent("out")
        #expect(throws: AtomicOutputError.self) {
            try AtomicOutput.write(["ok.csv": Data(), name: Data()], to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    /// A set made while it is written: whole files and a streamed one land together; an old file the command owns
    /// and did not write goes, any other stays.
    @Test func writesASetAsItIsMade() throws {
        let directory = try TemporaryDirectory()
        try directory.write("keep.txt", Data("untouched".utf8))
        try directory.write("rejected.csv", Data("old".utf8))
        try AtomicOutput.write([], producing: directory.url, owned: .names(["rejected.csv", "a.csv", "b.json"])) { output in
            output.write("a.csv", Data("new".utf8))
            output.stream("b.json") { sink in
                for piece in ["[", "1", "]"] { Array(piece.utf8).withUnsafeBufferPointer { sink.write($0) } }
            }
        }
        #expect(try directory.contents() == ["a.csv", "b.json", "keep.txt"])
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("b.json")) == Data("[1]".utf8))
        #expect(try Data(contentsOf: directory.url.appendingPathComponent("keep.txt")) == Data("untouched".utf8))
    }

    /// A file that cannot be made, or written, changes nothing and leaves no staging folder behind.
    @Test func leavesNothingWhenAProducedFileFails() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.csv", Data("old".utf8))
        enum Failure: CaseIterable { case unencodable, nameWithAFolder, nameTooLong }
        for failure in Failure.allCases {
            do {
                try AtomicOutput.write([], producing: directory.url, owned: .names(["a.csv"])) { output throws(FormatError) in
                    output.write("a.csv", Data("new".utf8))
                    switch failure {
                    case .unencodable: throw .unencodable(output: "b.json", problem: "a number that is not finite")
                    case .nameWithAFolder: output.write("sub/b.csv", Data())
                    case .nameTooLong: output.stream(String(repeating: "z", count: 300)) { _ in }
                    }
                }
                Issue.record("\(failure) switched the set in")
            } catch {
                switch (failure, error) {
                case (.unencodable, .making), (.nameWithAFolder, .writing), (.nameTooLong, .writing): break
                default: Issue.record("\(failure): \(error)")
                }
            }
            #expect(try directory.contents() == ["a.csv"])
            #expect(try Data(contentsOf: directory.url.appendingPathComponent("a.csv")) == Data("old".utf8))
            let parent = directory.url.deletingLastPathComponent()
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path)
                .filter { $0.hasPrefix(".\(directory.url.lastPathComponent).mentormatch-staging-") }.isEmpty)
        }
    }
}
