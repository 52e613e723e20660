import ArgumentParser
import MentorMatch

/// `--lang lv|en`: the language of the report and of the reasons in the result files. Column names, JSON keys, ids
/// and rule names in the policy never change with it.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the report and the reasons: en (English, the default) or lv (Latvian).")
    var language: ReportLanguage = .en
}

extension ReportLanguage: ExpressibleByArgument {}
