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
}
