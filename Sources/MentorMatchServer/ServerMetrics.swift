import Metrics
import MentorMatchJobs
import Prometheus
import Synchronization

/// The Prometheus registry behind `/metrics`. Request counts and durations by route template and status come from
/// Hummingbird's `MetricsMiddleware` through swift-metrics; job counts, queue depth and run seconds are read from the
/// job service at every scrape. swift-metrics has one global backend per process, so there is one of these.
final class ServerMetrics: Sendable {
    static let shared = ServerMetrics()

    private let registry = PrometheusCollectorRegistry()
    /// Run seconds already added to the counter (the service reports a running total).
    private let reportedRunSeconds = Mutex(0.0)

    private init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.prometheusName(name), labels.map { (Self.prometheusName($0.0), $0.1) })
        }
        MetricsSystem.bootstrap(factory)
    }

    /// The text exposition, with the job gauges set from `statistics` first.
    func exposition(_ statistics: JobStatistics) -> String {
        for status in JobStatus.allCases {
            registry.makeGauge(descriptor: Self.name("jobs", help: "Jobs in the store by status"),
                               labels: [("status", status.rawValue)])
                .set(Double(statistics.jobsByStatus[status] ?? 0))
        }
        registry.makeGauge(descriptor: Self.name("queue_depth", help: "Jobs waiting for a worker"))
            .set(Double(statistics.queueDepth))
        registry.makeGauge(descriptor: Self.name("jobs_running", help: "Jobs running now"))
            .set(Double(statistics.running))
        registry.makeGauge(descriptor: Self.name("workers", help: "Worker processes alive"))
            .set(Double(statistics.workers))
        let runSeconds = registry.makeCounter(
            descriptor: Self.name("job_run_seconds", unit: "total", help: "Seconds jobs ran in workers since the start")
        )
        let increment = reportedRunSeconds.withLock { reported in
            let delta = statistics.runSecondsTotal - reported
            guard delta.isFinite, delta > 0 else { return 0.0 }
            reported = statistics.runSecondsTotal
            return delta
        }
        if increment > 0 { runSeconds.increment(by: increment) }
        return registry.emitToString()
    }

    private static func name(_ metric: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "mentormatch", metricName: metric, unitName: unit, helpText: help)
    }

    /// Prometheus names allow `[a-zA-Z0-9_]`: `http.server.request.duration` becomes `http_server_request_duration`.
    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}
